// buildRrule (build.ts): the rule the builder's fields give, and each set of fields it refuses.
import {
	buildRrule,
	parseRrule,
	type RecurrenceBuild,
} from '../../../../../../nodes/HighLevelCalendar/resources/appointment/recurrence';
import { InputError } from '../../../../../../nodes/HighLevelCalendar/helpers/inputError';
import { BERLIN, NY } from './testing';

describe('buildRrule', () => {
	it('takes weekdays and the frequency as the editor names them, from an expression', () => {
		expect(
			buildRrule(
				{
					frequency: 'Weekly' as never,
					weekdays: ['Monday', 'friday'] as never,
					end: { type: 'never' },
				},
				NY,
			),
		).toBe('RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,FR');
	});

	it('builds each end type', () => {
		expect(
			buildRrule({ frequency: 'weekly', weekdays: ['MO', 'WE'], end: { type: 'never' } }, NY),
		).toBe('RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,WE');
		expect(
			buildRrule(
				{ frequency: 'weekly', weekdays: ['WE', 'MO'], end: { type: 'count', count: 10 } },
				NY,
			),
		).toBe('RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,WE;COUNT=10');
		// With an offset: that instant, in UTC.
		expect(
			buildRrule(
				{ frequency: 'daily', end: { type: 'until', until: '2021-06-23T10:00:00+05:30' } },
				NY,
			),
		).toBe('RRULE:FREQ=DAILY;INTERVAL=1;UNTIL=20210623T043000Z');
		// Without an offset: read in the time zone.
		expect(
			buildRrule({ frequency: 'daily', end: { type: 'until', until: '2026-07-01T09:00:00' } }, NY),
		).toBe('RRULE:FREQ=DAILY;INTERVAL=1;UNTIL=20260701T130000Z');
		// A date alone: the end of that day in the time zone (the occurrences of that day are included).
		expect(
			buildRrule({ frequency: 'monthly', end: { type: 'until', until: '2026-12-31' } }, BERLIN),
		).toBe('RRULE:FREQ=MONTHLY;INTERVAL=1;UNTIL=20261231T225959Z');
	});

	it('builds monthly by day of month and by nth weekday, and yearly', () => {
		const monthly = (extra: Partial<RecurrenceBuild>) =>
			buildRrule({ frequency: 'monthly', end: { type: 'count', count: 6 }, ...extra }, NY);
		expect(monthly({ monthlyBy: 'dayOfMonth', dayOfMonth: 15 })).toBe(
			'RRULE:FREQ=MONTHLY;INTERVAL=1;BYMONTHDAY=15;COUNT=6',
		);
		expect(monthly({ monthlyBy: 'dayOfMonth', dayOfMonth: -1 })).toBe(
			'RRULE:FREQ=MONTHLY;INTERVAL=1;BYMONTHDAY=-1;COUNT=6',
		);
		expect(monthly({ monthlyBy: 'nthWeekday', nthWeek: -1, nthWeekday: 'FR', interval: 3 })).toBe(
			'RRULE:FREQ=MONTHLY;INTERVAL=3;BYDAY=-1FR;COUNT=6',
		);
		expect(monthly({})).toBe('RRULE:FREQ=MONTHLY;INTERVAL=1;COUNT=6');
		expect(buildRrule({ frequency: 'yearly', interval: 2, end: { type: 'never' } }, NY)).toBe(
			'RRULE:FREQ=YEARLY;INTERVAL=2',
		);
		expect(
			buildRrule(
				{ frequency: 'daily', weekdays: ['FR', 'MO', 'TU', 'WE', 'TH'], end: { type: 'never' } },
				NY,
			),
		).toBe('RRULE:FREQ=DAILY;INTERVAL=1;BYDAY=MO,TU,WE,TH,FR');
	});

	it('adds the EXDATE line in UTC, sorted, without duplicates', () => {
		expect(
			buildRrule(
				{
					frequency: 'weekly',
					end: { type: 'count', count: 5 },
					exdates: ['2026-03-16T09:00:00', '2026-03-02T09:00:00-05:00', '2026-03-16T13:00:00Z'],
				},
				NY,
			),
		).toBe('RRULE:FREQ=WEEKLY;INTERVAL=1;COUNT=5\nEXDATE:20260302T140000Z,20260316T130000Z');
	});

	it('round-trips through parseRrule', () => {
		const built = buildRrule(
			{
				frequency: 'weekly',
				interval: 2,
				weekdays: ['TU'],
				end: { type: 'until', until: '2026-06-30' },
				exdates: ['2026-03-10T09:00:00'],
			},
			NY,
		);
		expect(parseRrule(built).rrule).toBe(built);
	});

	const BUILD_ERRORS: Array<[string, unknown, string]> = [
		[
			'an unknown frequency',
			{ frequency: 'biweekly', end: { type: 'never' } },
			'frequency "biweekly" is not a known frequency. Use daily, weekly, monthly or yearly.',
		],
		[
			'interval 0',
			{ frequency: 'weekly', interval: 0, end: { type: 'never' } },
			'interval 0 is not a whole number from 1 to 1000. Use 1 for every period, 2 for every other one, and so on.',
		],
		[
			'an unknown weekday',
			{ frequency: 'weekly', weekdays: ['MO', 'XX'], end: { type: 'never' } },
			'weekdays "XX" is not a weekday. Use MO, TU, WE, TH, FR, SA or SU.',
		],
		[
			'weekdays on a monthly rule',
			{ frequency: 'monthly', weekdays: ['MO'], end: { type: 'never' } },
			'weekdays ["MO"] does not apply to a monthly recurrence. Weekdays are for daily and weekly recurrences; for "the second Monday" use monthly by nth weekday.',
		],
		[
			'day of month -2',
			{ frequency: 'monthly', monthlyBy: 'dayOfMonth', dayOfMonth: -2, end: { type: 'never' } },
			'dayOfMonth -2 is not a day of the month. Use 1 to 31, or -1 for the last day of the month (months without that day are skipped).',
		],
		[
			'nth week 6',
			{
				frequency: 'monthly',
				monthlyBy: 'nthWeekday',
				nthWeek: 6,
				nthWeekday: 'MO',
				end: { type: 'never' },
			},
			'nthWeek 6 is not a position in the month. Use 1 to 5 (first to fifth), or -1 for the last.',
		],
		[
			'an nth week without its weekday',
			{ frequency: 'monthly', monthlyBy: 'nthWeekday', nthWeek: 2, end: { type: 'never' } },
			'nthWeekday (not set) is not a weekday. Use MO, TU, WE, TH, FR, SA or SU.',
		],
		[
			'a day of month on a weekly rule',
			{ frequency: 'weekly', dayOfMonth: 3, end: { type: 'never' } },
			'dayOfMonth 3 does not apply to a weekly recurrence. dayOfMonth is for monthly recurrences: set frequency to monthly, or remove it.',
		],
		[
			'count 0',
			{ frequency: 'weekly', end: { type: 'count', count: 0 } },
			'count 0 is not a whole number of 1 or more. Use the number of occurrences, such as 10.',
		],
		[
			'an unreadable until',
			{ frequency: 'weekly', end: { type: 'until', until: 'next friday' } },
			'until "next friday" is not a time HighLevel can take. Use ISO 8601 such as 2026-06-23T09:30:00+02:00 (or without offset, read in the Time Zone option), a DateTime from an expression, or epoch milliseconds.',
		],
		[
			'an unknown end',
			{ frequency: 'weekly', end: { type: 'sometime' } },
			'end "sometime" is not a known end type. Use never, count or until.',
		],
		[
			'no end',
			{ frequency: 'weekly' },
			'end (not set) is missing. Use { type: "never" }, { type: "count", count: 10 } or { type: "until", until: "2026-12-31" }.',
		],
		[
			'an exdate without a time',
			{ frequency: 'weekly', end: { type: 'never' }, exdates: ['2026-03-09'] },
			'exdates "2026-03-09" is a date without a time. Give the start time of the occurrence to skip, such as 2026-03-09T09:00:00: an EXDATE matches a start exactly.',
		],
	];

	it.each(BUILD_ERRORS)('refuses %s', (_name, build, message) => {
		expect(() => buildRrule(build as RecurrenceBuild, NY)).toThrow(InputError);
		expect(() => buildRrule(build as RecurrenceBuild, NY)).toThrow(message);
	});
});
