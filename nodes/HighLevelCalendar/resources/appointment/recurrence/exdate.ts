import { basicDateTime } from './partValues';
import { ruleError } from './ruleError';

export function parseExdateLine(line: string, exdates: Set<number>): void {
	const separator = line.slice('EXDATE'.length, 'EXDATE'.length + 1);
	if (separator !== ':') {
		throw ruleError(
			line,
			'has an EXDATE with parameters (such as TZID or VALUE=DATE), which HighLevel does not take',
			'Write each start to skip in UTC, comma-separated, such as EXDATE:20211105T040000Z,20211112T040000Z.',
		);
	}
	for (const item of line.slice('EXDATE:'.length).split(',')) {
		const value = item.trim().toUpperCase();
		const parsed = basicDateTime(value, true);
		if (typeof parsed === 'string') {
			const problem =
				parsed === 'unreal'
					? 'is not a real date and time'
					: 'is not a UTC date and time (YYYYMMDDTHHMMSSZ)';
			throw ruleError(
				line,
				`has an EXDATE value ${value === '' ? '(empty)' : value} that ${problem}`,
				'Write each start to skip in UTC, comma-separated, such as EXDATE:20211105T040000Z,20211112T040000Z.',
			);
		}
		exdates.add(parsed.epochMs);
	}
}
