import { RecurrenceOptions } from './rule';

export function pad(value: number, width = 2): string {
	return String(value).padStart(width, '0');
}

/** Epoch ms to `YYYYMMDDTHHMMSSZ` (whole seconds). */
export function formatUtcBasic(epochMs: number): string {
	const date = new Date(Math.floor(epochMs / 1000) * 1000);
	return (
		`${pad(date.getUTCFullYear(), 4)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}` +
		`T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`
	);
}

function formatBasicDate(epochMs: number): string {
	const date = new Date(epochMs);
	return `${pad(date.getUTCFullYear(), 4)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}`;
}

/** The normalised RRULE line, keys in the order of KEYS. */
export function formatRule(options: RecurrenceOptions): string {
	const parts: string[] = [`FREQ=${options.freq}`, `INTERVAL=${options.interval}`];
	if (options.byMonth) parts.push(`BYMONTH=${options.byMonth.join(',')}`);
	if (options.byWeekNo) parts.push(`BYWEEKNO=${options.byWeekNo.join(',')}`);
	if (options.byYearDay) parts.push(`BYYEARDAY=${options.byYearDay.join(',')}`);
	if (options.byMonthDay) parts.push(`BYMONTHDAY=${options.byMonthDay.join(',')}`);
	if (options.byDay)
		parts.push(`BYDAY=${options.byDay.map((day) => `${day.n ?? ''}${day.weekday}`).join(',')}`);
	if (options.bySetPos) parts.push(`BYSETPOS=${options.bySetPos.join(',')}`);
	if (options.wkst) parts.push(`WKST=${options.wkst}`);
	if (options.count !== undefined) parts.push(`COUNT=${options.count}`);
	if (options.until) {
		const until = options.until;
		parts.push(
			`UNTIL=${until.dateOnly ? formatBasicDate(until.epochMs) : formatUtcBasic(until.epochMs)}`,
		);
	}
	return `RRULE:${parts.join(';')}`;
}
