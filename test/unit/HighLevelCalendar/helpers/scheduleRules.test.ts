import {
	dateOverrideRules,
	scheduleDate,
	scheduleTime,
	weeklyHoursRules,
} from '../../../../nodes/HighLevelCalendar/helpers/scheduleRules';
import { jsonRules } from '../../../../nodes/HighLevelCalendar/helpers/scheduleRulesJson';
import { InputError } from '../../../../nodes/HighLevelCalendar/helpers/inputError';
import { inputError } from '../resources/availabilitySchedule/testing';

const nineToFive = [{ from: '09:00', to: '17:00' }];

describe('times and dates', () => {
	it('writes times HH:mm and refuses what is not a 24-hour time', () => {
		expect(scheduleTime('9:05', 'from')).toBe('09:05');
		expect(scheduleTime(' 17:30 ', 'to')).toBe('17:30');
		expect(inputError(() => scheduleTime('9am', 'from')).message).toBe(
			'from "9am" is not a time of day. Use 24-hour HH:mm, such as 09:00 or 17:30.',
		);
		expect(inputError(() => scheduleTime('24:00', 'to')).message).toBe(
			'to "24:00" is not a time of day. HighLevel days end at 23:59: use 23:59.',
		);
		for (const bad of ['23:60', '25:00', 900, undefined, ''])
			expect(() => scheduleTime(bad, 'from')).toThrow(InputError);
	});

	it('takes a date as typed, the date of a date-time as written, or a DateTime', () => {
		expect(scheduleDate('2026-12-24', 'date')).toBe('2026-12-24');
		expect(scheduleDate('2026-12-24T00:00:00', 'date')).toBe('2026-12-24');
		expect(scheduleDate({ toISODate: () => '2026-12-31' }, 'date')).toBe('2026-12-31');
		expect(inputError(() => scheduleDate('2026-02-30', 'd')).message).toBe(
			'd "2026-02-30" is not a date. Use a date such as 2026-12-24 (YYYY-MM-DD).',
		);
		expect(() => scheduleDate('24.12.2026', 'd')).toThrow(InputError);
	});
});

describe('Weekly Hours', () => {
	it('makes one wday rule per day, Monday first, with its intervals in time order', () => {
		expect(
			weeklyHoursRules([
				{ days: ['wednesday', 'monday'], from: '13:00', to: '17:00' },
				{ days: ['monday'], from: '9:00', to: '12:00' },
				{ days: 'Sunday, saturday', from: '10:00', to: '14:00' },
			]),
		).toEqual([
			{
				type: 'wday',
				day: 'monday',
				intervals: [
					{ from: '09:00', to: '12:00' },
					{ from: '13:00', to: '17:00' },
				],
			},
			{ type: 'wday', day: 'wednesday', intervals: [{ from: '13:00', to: '17:00' }] },
			{ type: 'wday', day: 'saturday', intervals: [{ from: '10:00', to: '14:00' }] },
			{ type: 'wday', day: 'sunday', intervals: [{ from: '10:00', to: '14:00' }] },
		]);
	});

	it('counts the same hours given twice for a day once', () => {
		expect(
			weeklyHoursRules([
				{ days: ['monday', 'tuesday'], from: '09:00', to: '17:00' },
				{ days: ['monday'], from: '09:00', to: '17:00' },
			]),
		).toHaveLength(2);
	});

	it('names the entry of an unknown day, an empty day list, an end before the start, an overlap', () => {
		expect(
			inputError(() => weeklyHoursRules([{ days: ['mondey'], ...nineToFive[0] }])).message,
		).toBe(
			'weeklyHours[0].days "mondey" is not an allowed value. Did you mean monday? Use one of: monday, tuesday, wednesday, thursday, friday, saturday, sunday.',
		);
		expect(inputError(() => weeklyHoursRules([{ days: [], ...nineToFive[0] }])).field).toBe(
			'weeklyHours[0].days',
		);
		expect(
			inputError(() => weeklyHoursRules([{ days: ['monday'], from: '17:00', to: '09:00' }]))
				.message,
		).toBe('weeklyHours[0].to "09:00" is not after from. Set an end after the start (17:00).');
		expect(
			inputError(() =>
				weeklyHoursRules([
					{ days: ['friday'], from: '09:00', to: '13:00' },
					{ days: ['monday', 'friday'], from: '12:00', to: '17:00' },
				]),
			).message,
		).toBe(
			'weeklyHours[1].from "12:00" overlaps another interval. It overlaps 09:00-13:00 on Friday: make the hours of one day not overlap.',
		);
	});
});

describe('Date Overrides', () => {
	it('makes one date rule per date, in date order; empty From and To is a day off', () => {
		expect(
			dateOverrideRules([
				{ date: '2026-12-31', from: '09:00', to: '12:00' },
				{ date: '2026-12-24', from: '', to: '' },
				{ date: '2026-12-31', from: '14:00', to: '16:00' },
			]),
		).toEqual([
			{ type: 'date', date: '2026-12-24', intervals: [] },
			{
				type: 'date',
				date: '2026-12-31',
				intervals: [
					{ from: '09:00', to: '12:00' },
					{ from: '14:00', to: '16:00' },
				],
			},
		]);
	});

	it('refuses a day off and hours on the same date, and half an interval', () => {
		expect(
			inputError(() =>
				dateOverrideRules([
					{ date: '2026-12-24', from: '09:00', to: '12:00' },
					{ date: '2026-12-24', from: '', to: '' },
				]),
			).message,
		).toBe(
			'dateOverrides[1].from "" leaves the date unavailable. 2026-12-24 has hours in dateOverrides[0]: remove one of the two (empty From and To mean unavailable all day).',
		);
		expect(
			inputError(() => dateOverrideRules([{ date: '2026-12-24', from: '09:00', to: '' }])).field,
		).toBe('dateOverrides[0].to');
		expect(inputError(() => dateOverrideRules([{ date: '', from: '', to: '' }])).field).toBe(
			'dateOverrides[0].date',
		);
	});
});

describe('Rules (JSON)', () => {
	it('takes the rules as HighLevel writes them, as text or from an expression, in their order', () => {
		const rules = [
			{ type: 'date', date: '2026-12-24', intervals: [] },
			{ type: 'wday', day: 'monday', intervals: nineToFive },
		];
		expect(jsonRules(JSON.stringify(rules))).toEqual(rules);
		expect(jsonRules(rules)).toEqual(rules);
	});

	it('infers the type from day or date, matches day names, writes times HH:mm, takes one rule alone', () => {
		expect(
			jsonRules([
				{ day: 'Monday', intervals: [{ from: '9:00', to: '17:00' }] },
				{ date: '2026-12-24', intervals: [] },
			]),
		).toEqual([
			{ type: 'wday', day: 'monday', intervals: nineToFive },
			{ type: 'date', date: '2026-12-24', intervals: [] },
		]);
		expect(jsonRules({ type: 'wday', day: 'friday', intervals: nineToFive })).toEqual([
			{ type: 'wday', day: 'friday', intervals: nineToFive },
		]);
	});

	it.each([
		['not JSON', '[{', 'rulesJson', 'is not valid JSON'],
		['empty', '  ', 'rulesJson', 'is empty'],
		['not a rule', [5], 'rulesJson[0]', 'is not a rule'],
		[
			'an unknown field',
			[{ day: 'monday', intervals: [], hours: 8 }],
			'rulesJson[0].hours',
			'is not a rule field',
		],
		[
			'an unknown type',
			[{ type: 'week', day: 'monday', intervals: [] }],
			'rulesJson[0].type',
			'is not an allowed value',
		],
		[
			'a weekday rule without day',
			[{ type: 'wday', intervals: [] }],
			'rulesJson[0].day',
			'is missing',
		],
		[
			'a weekday rule with a date',
			[{ type: 'wday', day: 'monday', date: '2026-12-24', intervals: [] }],
			'rulesJson[0].date',
			'is not allowed in a wday rule',
		],
		[
			'a date rule with a day',
			[{ type: 'date', date: '2026-12-24', day: 'monday', intervals: [] }],
			'rulesJson[0].day',
			'is not allowed in a date rule',
		],
		['no intervals', [{ day: 'monday' }], 'rulesJson[0].intervals', 'is not a list of entries'],
		[
			'an interval field',
			[{ day: 'monday', intervals: [{ from: '09:00', to: '10:00', at: 1 }] }],
			'rulesJson[0].intervals[0].at',
			'is not an interval field',
		],
		[
			'a bad time',
			[{ day: 'monday', intervals: [{ from: '09:00', to: '5pm' }] }],
			'rulesJson[0].intervals[0].to',
			'is not a time of day',
		],
		[
			'overlapping intervals',
			[
				{
					day: 'monday',
					intervals: [
						{ from: '09:00', to: '12:00' },
						{ from: '08:00', to: '10:00' },
					],
				},
			],
			'rulesJson[0].intervals[0].from',
			'overlaps another interval',
		],
		['a bad date', [{ date: '2026-13-01', intervals: [] }], 'rulesJson[0].date', 'is not a date'],
		[
			'a day twice',
			[
				{ day: 'monday', intervals: [] },
				{ day: 'monday', intervals: [] },
			],
			'rulesJson[1]',
			'repeats a day or date',
		],
	])('refuses %s, naming the field', (_what, value, field, problem) => {
		const error = inputError(() => jsonRules(value));
		expect(error.field).toBe(field);
		expect(error.message).toContain(problem);
	});
});
