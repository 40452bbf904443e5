// nextOccurrences (occurrences.ts): the RFC 5545 vectors (rfc5545.vectors.ts; each also checks
// parseRrule, buildRrule and describeRecurrence), daylight saving, EXDATE and UNTIL, and the
// options it takes.
import {
	buildRrule,
	describeRecurrence,
	nextOccurrences,
	parseRrule,
} from '../../../../../../nodes/HighLevelCalendar/resources/appointment/recurrence';
import { RFC_VECTORS, WKST_PAIR } from './rfc5545.vectors';
import { BERLIN, NY, starts } from './testing';

describe('RFC 5545 section 3.8.5.3 conformance vectors (America/New_York)', () => {
	it.each(RFC_VECTORS.map((vector) => [vector.title, vector] as const))('%s', (_title, vector) => {
		const parsed = parseRrule(vector.raw);
		expect(parsed.rrule).toBe(vector.normalised ?? vector.rule);
		if (vector.build) expect(buildRrule(vector.build, NY)).toBe(vector.rule);
		expect(describeRecurrence(parsed, NY)).toBe(vector.text);
		expect(starts(vector.raw, vector.start, vector.ask)).toEqual(vector.expected);
		// The built rule, sent as is, gives the same series.
		if (vector.build)
			expect(starts(vector.rule, vector.start, vector.ask)).toEqual(vector.expected);
	});

	it('the WKST pair: the days generated differ with the week start', () => {
		const { MO, SU } = WKST_PAIR;
		expect(starts(MO.raw, MO.start, MO.ask)).toEqual(MO.expected);
		expect(starts(SU.raw, SU.start, SU.ask)).toEqual(SU.expected);
	});
});

describe('daylight saving: occurrences keep their wall-clock time in the time zone', () => {
	it('America/New_York weekly 09:00 across the March change (-05:00 before, -04:00 after)', () => {
		expect(starts('RRULE:FREQ=WEEKLY;COUNT=3', '2026-03-02T09:00:00-05:00', 5)).toEqual([
			'2026-03-02T09:00:00-05:00',
			'2026-03-09T09:00:00-04:00',
			'2026-03-16T09:00:00-04:00',
		]);
	});

	it('America/New_York weekly 09:00 across the November change', () => {
		expect(starts('RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=3', '2026-10-26T09:00:00-04:00', 5)).toEqual([
			'2026-10-26T09:00:00-04:00',
			'2026-11-02T09:00:00-05:00',
			'2026-11-09T09:00:00-05:00',
		]);
	});

	it('Europe/Berlin weekly across the March and the October change', () => {
		expect(starts('RRULE:FREQ=WEEKLY;COUNT=2', '2026-03-23T09:00:00+01:00', 5, BERLIN)).toEqual([
			'2026-03-23T09:00:00+01:00',
			'2026-03-30T09:00:00+02:00',
		]);
		expect(starts('RRULE:FREQ=WEEKLY;COUNT=2', '2026-10-19T09:00:00+02:00', 5, BERLIN)).toEqual([
			'2026-10-19T09:00:00+02:00',
			'2026-10-26T09:00:00+01:00',
		]);
	});

	it('keeps the duration: each end is start plus the appointment length', () => {
		const parsed = parseRrule('RRULE:FREQ=WEEKLY;COUNT=2');
		expect(
			nextOccurrences(parsed, {
				startTime: '2026-03-02T09:00:00-05:00',
				endTime: '2026-03-02T10:30:00-05:00',
				timeZone: NY,
				count: 5,
			}),
		).toEqual([
			{ start: '2026-03-02T09:00:00-05:00', end: '2026-03-02T10:30:00-05:00' },
			{ start: '2026-03-09T09:00:00-04:00', end: '2026-03-09T10:30:00-04:00' },
		]);
	});

	it('daily across the change: a wall time in the spring-forward gap moves forward by the gap, the next day it is back', () => {
		// Berlin 2026-03-29: 02:00 -> 03:00, so 02:30 does not exist that day.
		expect(starts('RRULE:FREQ=DAILY;COUNT=3', '2026-03-28T02:30:00', 5, BERLIN)).toEqual([
			'2026-03-28T02:30:00+01:00',
			'2026-03-29T03:30:00+02:00',
			'2026-03-30T02:30:00+02:00',
		]);
		// New York 2026-11-01: 01:30 happens twice; the first (EDT) is taken.
		expect(starts('RRULE:FREQ=DAILY;COUNT=3', '2026-10-31T01:30:00', 5)).toEqual([
			'2026-10-31T01:30:00-04:00',
			'2026-11-01T01:30:00-04:00',
			'2026-11-02T01:30:00-05:00',
		]);
		// Weekly 02:30 in New York over 2026-03-08.
		expect(starts('RRULE:FREQ=WEEKLY;COUNT=3', '2026-03-01T02:30:00-05:00', 5)).toEqual([
			'2026-03-01T02:30:00-05:00',
			'2026-03-08T03:30:00-04:00',
			'2026-03-15T02:30:00-04:00',
		]);
	});

	it('a series starting inside a spring-forward gap starts (and stays) at the moved time, as startTime is sent', () => {
		// 2026-03-08T02:30 does not exist in New York: startTime becomes 03:30-04:00 (toApiTime), which is
		// what HighLevel receives and derives DTSTART from, so the series repeats 03:30.
		expect(starts('RRULE:FREQ=DAILY;COUNT=3', '2026-03-08T02:30:00', 5)).toEqual([
			'2026-03-08T03:30:00-04:00',
			'2026-03-09T03:30:00-04:00',
			'2026-03-10T03:30:00-04:00',
		]);
		expect(starts('RRULE:FREQ=WEEKLY;COUNT=2', '2026-03-29T02:15:00', 5, BERLIN)).toEqual([
			'2026-03-29T03:15:00+02:00',
			'2026-04-05T03:15:00+02:00',
		]);
	});

	it('reads the wall clock in the time zone, whatever offset startTime was written with', () => {
		// 14:00Z is 09:00 in New York: the series keeps 09:00 New York time.
		expect(starts('RRULE:FREQ=WEEKLY;COUNT=2', '2026-03-02T14:00:00Z', 5)).toEqual([
			'2026-03-02T09:00:00-05:00',
			'2026-03-09T09:00:00-04:00',
		]);
	});
});

describe('EXDATE and UNTIL', () => {
	it('skips an occurrence whose start instant is an EXDATE (COUNT still counts it, as RFC 5545 says)', () => {
		// 2026-03-03 09:00 EST is 14:00Z; 2026-03-10 09:00 EDT is 13:00Z.
		expect(
			starts(
				'RRULE:FREQ=DAILY;COUNT=10\nEXDATE:20260303T140000Z,20260310T130000Z',
				'2026-03-02T09:00:00',
				20,
			),
		).toEqual([
			'2026-03-02T09:00:00-05:00',
			'2026-03-04T09:00:00-05:00',
			'2026-03-05T09:00:00-05:00',
			'2026-03-06T09:00:00-05:00',
			'2026-03-07T09:00:00-05:00',
			'2026-03-08T09:00:00-04:00',
			'2026-03-09T09:00:00-04:00',
			'2026-03-11T09:00:00-04:00',
		]);
	});

	it('an EXDATE that is not an occurrence start skips nothing', () => {
		// 13:00Z on 2026-03-03 is 08:00 EST, not the 09:00 occurrence.
		expect(
			starts('RRULE:FREQ=DAILY;COUNT=3\nEXDATE:20260303T130000Z', '2026-03-02T09:00:00', 5),
		).toHaveLength(3);
	});

	it('UNTIL is a UTC instant and includes an occurrence starting exactly then', () => {
		// 2026-03-16 09:00 EDT is 13:00Z.
		expect(starts('RRULE:FREQ=WEEKLY;UNTIL=20260316T130000Z', '2026-03-02T09:00:00', 10)).toEqual([
			'2026-03-02T09:00:00-05:00',
			'2026-03-09T09:00:00-04:00',
			'2026-03-16T09:00:00-04:00',
		]);
		expect(
			starts('RRULE:FREQ=WEEKLY;UNTIL=20260316T125959Z', '2026-03-02T09:00:00', 10),
		).toHaveLength(2);
	});

	it('a date-only UNTIL includes that whole day in the time zone', () => {
		// Asia/Kolkata 23:00 on March 16 is 17:30Z the same day; Pacific/Auckland 08:00 on March 16 is March 15 UTC.
		expect(
			starts('RRULE:FREQ=WEEKLY;UNTIL=20260316', '2026-03-02T23:00:00', 10, 'Asia/Kolkata'),
		).toHaveLength(3);
		expect(
			starts('RRULE:FREQ=WEEKLY;UNTIL=20260316', '2026-03-02T08:00:00', 10, 'Pacific/Auckland'),
		).toEqual([
			'2026-03-02T08:00:00+13:00',
			'2026-03-09T08:00:00+13:00',
			'2026-03-16T08:00:00+13:00',
		]);
		expect(
			describeRecurrence(parseRrule('RRULE:FREQ=WEEKLY;UNTIL=20260316'), 'Pacific/Auckland'),
		).toBe('every week until March 16, 2026');
	});
});

describe('nextOccurrences', () => {
	it('lists occurrences strictly after a time', () => {
		const parsed = parseRrule('RRULE:FREQ=WEEKLY;BYDAY=MO,TH');
		expect(
			nextOccurrences(parsed, {
				startTime: '2026-03-02T09:00:00',
				timeZone: NY,
				count: 3,
				after: '2026-03-09T09:00:00',
			}).map((o) => o.start),
		).toEqual([
			'2026-03-12T09:00:00-04:00',
			'2026-03-16T09:00:00-04:00',
			'2026-03-19T09:00:00-04:00',
		]);
		expect(
			nextOccurrences(parsed, { startTime: '2026-03-02T09:00:00', timeZone: NY, count: 0 }),
		).toEqual([]);
		// Far after the start stays quick.
		expect(
			nextOccurrences(parseRrule('RRULE:FREQ=DAILY'), {
				startTime: '2000-01-01T09:00:00',
				timeZone: BERLIN,
				count: 1,
				after: '2090-06-01T12:00:00',
			}),
		).toEqual([{ start: '2090-06-02T09:00:00+02:00' }]);
	});

	it('returns nothing (quickly) for a series that can never occur from this start', () => {
		// Every 7 days from a Monday never reaches a Tuesday.
		expect(starts('RRULE:FREQ=DAILY;INTERVAL=7;BYDAY=TU', '2026-03-02T09:00:00', 3)).toEqual([]);
		expect(starts('RRULE:FREQ=WEEKLY;UNTIL=20260101T000000Z', '2026-03-02T09:00:00', 3)).toEqual(
			[],
		);
	});

	it('refuses bad options with the field name', () => {
		const parsed = parseRrule('RRULE:FREQ=DAILY');
		expect(() => nextOccurrences(parsed, { startTime: 'soon', timeZone: NY, count: 3 })).toThrow(
			/^startTime "soon" is not a time/,
		);
		expect(() =>
			nextOccurrences(parsed, {
				startTime: '2026-03-02T09:00:00',
				timeZone: 'Mars/Base',
				count: 3,
			}),
		).toThrow('timeZone "Mars/Base" is not a known time zone.');
		expect(() =>
			nextOccurrences(parsed, { startTime: '2026-03-02T09:00:00', timeZone: NY, count: 5000 }),
		).toThrow('count 5000 is not a whole number from 0 to 1000.');
		expect(() =>
			nextOccurrences(parsed, {
				startTime: '2026-03-02T09:00:00',
				endTime: '2026-03-02T08:00:00',
				timeZone: NY,
				count: 3,
			}),
		).toThrow('endTime "2026-03-02T08:00:00-05:00" is not after startTime.');
	});
});
