// describeRecurrence and recurrenceSummary (describe.ts): a rule in words, and the summary the node
// outputs (the rule, its words and its next occurrences).
import {
	buildRrule,
	describeRecurrence,
	parseRrule,
	recurrenceSummary,
} from '../../../../../../nodes/HighLevelCalendar/resources/appointment/recurrence';
import { BERLIN, NY } from './testing';

describe('describeRecurrence', () => {
	it.each([
		['RRULE:FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10', 'every week on Monday and Wednesday, 10 times'],
		['RRULE:FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR', 'every weekday'],
		['RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;COUNT=1', 'every weekday, once'],
		['RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TU,WE,TH,FR', 'every 2 weeks on weekdays'],
		['RRULE:FREQ=DAILY;BYDAY=SA,SU', 'every Saturday and Sunday'],
		['RRULE:FREQ=MONTHLY;INTERVAL=2;BYDAY=TU', 'every 2 months on Tuesdays'],
		['RRULE:FREQ=MONTHLY;BYMONTHDAY=-1', 'every month on the last day'],
		['RRULE:FREQ=MONTHLY;BYDAY=-1FR', 'every month on the last Friday'],
		['RRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1', 'every month on the last weekday'],
		['RRULE:FREQ=YEARLY', 'every year'],
		['RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=TH', 'every year in March on Thursdays'],
		['RRULE:FREQ=YEARLY;BYDAY=20MO', 'every year on the 20th Monday of the year'],
		['RRULE:FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO', 'every year in week 20 on Mondays'],
		[
			'RRULE:FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8',
			'every 4 years in November on the 2nd, 3rd, 4th, 5th, 6th, 7th or 8th when it is a Tuesday',
		],
		[
			'RRULE:FREQ=DAILY;COUNT=3\nEXDATE:20260303T140000Z',
			'every day, 3 times, except March 3, 2026 at 09:00',
		],
	])('%p -> %p', (raw, text) => {
		expect(describeRecurrence(parseRrule(raw), NY)).toBe(text);
	});

	it('writes UNTIL in the time zone; the end of a day (as buildRrule writes a date) as that date', () => {
		const until = parseRrule(
			buildRrule({ frequency: 'weekly', end: { type: 'until', until: '2026-06-30' } }, BERLIN),
		);
		expect(describeRecurrence(until, BERLIN)).toBe('every week until June 30, 2026');
		expect(describeRecurrence(until)).toBe('every week until June 30, 2026 at 21:59 UTC');
		expect(describeRecurrence(parseRrule('RRULE:FREQ=DAILY;UNTIL=19971224T000000Z'))).toBe(
			'every day until December 24, 1997 at 00:00 UTC',
		);
	});
});

describe('recurrenceSummary', () => {
	it('summarises a rule as the node outputs it', () => {
		expect(
			recurrenceSummary('rrule:freq=weekly;byday=mo,we;count=4\nexdate:20260304T140000Z', {
				startTime: '2026-03-02T09:00:00-05:00',
				endTime: '2026-03-02T09:30:00-05:00',
				timeZone: NY,
				count: 3,
			}),
		).toEqual({
			rule: 'RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,WE;COUNT=4\nEXDATE:20260304T140000Z',
			text: 'every week on Monday and Wednesday, 4 times, except March 4, 2026 at 09:00',
			next: [
				{ start: '2026-03-02T09:00:00-05:00', end: '2026-03-02T09:30:00-05:00' },
				{ start: '2026-03-09T09:00:00-04:00', end: '2026-03-09T09:30:00-04:00' },
				{ start: '2026-03-11T09:00:00-04:00', end: '2026-03-11T09:30:00-04:00' },
			],
		});
	});

	it('does not depend on the host time zone', () => {
		// Jest gives each test file its own copy of process.env, so TZ cannot be switched from here:
		// run the recurrence tests as `TZ=UTC npx jest test/unit/HighLevelCalendar/resources/appointment/recurrence` and
		// `TZ=Asia/Kolkata npx jest test/unit/HighLevelCalendar/resources/appointment/recurrence` (npm run test:tz runs the latter); every
		// expectation in them is a literal, so both runs check the same values.
		expect(
			recurrenceSummary('RRULE:FREQ=MONTHLY;BYDAY=-1SU;UNTIL=20261231', {
				startTime: '2026-03-29T01:30:00',
				timeZone: BERLIN,
				count: 3,
			}),
		).toEqual({
			rule: 'RRULE:FREQ=MONTHLY;INTERVAL=1;BYDAY=-1SU;UNTIL=20261231',
			text: 'every month on the last Sunday until December 31, 2026',
			next: [
				{ start: '2026-03-29T01:30:00+01:00' },
				{ start: '2026-04-26T01:30:00+02:00' },
				{ start: '2026-05-31T01:30:00+02:00' },
			],
		});
	});
});
