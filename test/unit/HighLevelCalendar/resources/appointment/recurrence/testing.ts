// What the recurrence tests share: the time zones and offsets they use, at9 and range (to write a
// list of 09:00 occurrences as RFC 5545 does) and starts (the start times a rule gives).
import {
	nextOccurrences,
	parseRrule,
} from '../../../../../../nodes/HighLevelCalendar/resources/appointment/recurrence';

export const NY = 'America/New_York';
export const BERLIN = 'Europe/Berlin';
export const EDT = '-04:00';
export const EST = '-05:00';

/** The RFC's "(1997 9:00 AM EDT) September 2,4,6": at9('1997-09', [2, 4, 6], EDT). */
export function at9(yearMonth: string, days: number[], offset: string): string[] {
	return days.map((day) => `${yearMonth}-${String(day).padStart(2, '0')}T09:00:00${offset}`);
}

/** from, from + step, ... up to to: range(2, 30, 2) for the RFC's "September 2,4,6...30". */
export function range(from: number, to: number, step = 1): number[] {
	const numbers: number[] = [];
	for (let n = from; n <= to; n += step) numbers.push(n);
	return numbers;
}

/** The first `count` starts of a series that begins at startTime (a wall time in timeZone). */
export function starts(rrule: string, startTime: string, count: number, timeZone = NY): string[] {
	return nextOccurrences(parseRrule(rrule), { startTime, timeZone, count }).map(
		(occurrence) => occurrence.start,
	);
}
