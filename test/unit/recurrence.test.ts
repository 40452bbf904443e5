import {
	buildRrule,
	describeRecurrence,
	nextOccurrences,
	parseRrule,
	recurrenceSummary,
	type RecurrenceBuild,
} from '../../nodes/HighLevelCalendar/resources/appointment/recurrence';
import { InputError } from '../../nodes/HighLevelCalendar/shared/inputError';

const NY = 'America/New_York';
const BERLIN = 'Europe/Berlin';
const EDT = '-04:00';
const EST = '-05:00';

/** The RFC's "(1997 9:00 AM EDT) September 2,4,6": at9('1997-09', [2, 4, 6], EDT). */
function at9(yearMonth: string, days: number[], offset: string): string[] {
	return days.map((day) => `${yearMonth}-${String(day).padStart(2, '0')}T09:00:00${offset}`);
}

function range(from: number, to: number, step = 1): number[] {
	const numbers: number[] = [];
	for (let n = from; n <= to; n += step) numbers.push(n);
	return numbers;
}

function starts(rrule: string, startTime: string, count: number, timeZone = NY): string[] {
	return nextOccurrences(parseRrule(rrule), { startTime, timeZone, count }).map(
		(occurrence) => occurrence.start,
	);
}

interface Vector {
	title: string;
	/** The rule as RFC 5545 writes it (without its DTSTART line). */
	raw: string;
	/** The same series from buildRrule, where the builder can express it. */
	build?: RecurrenceBuild;
	/** What buildRrule returns, and what parseRrule normalises raw to (or `normalised` when they differ). */
	rule: string;
	normalised?: string;
	text: string;
	/** The RFC's DTSTART;TZID=America/New_York wall time. */
	start: string;
	/** How many occurrences to ask for (more than the RFC lists, for a finite series: none may follow). */
	ask: number;
	expected: string[];
}

/**
 * Conformance vectors from RFC 5545, section 3.8.5.3 ("Recurrence Rule", Examples). The RFC's DTSTART
 * is `DTSTART;TZID=America/New_York:19970902T090000` unless noted; here it is the appointment's
 * startTime read in America/New_York. Expected dates are the RFC's own lists, with its EDT/EST switches
 * (1997-10-26 and 1998-04-05).
 */
const RFC_VECTORS: Vector[] = [
	{
		title: 'Daily for 10 occurrences',
		raw: 'RRULE:FREQ=DAILY;COUNT=10',
		build: { frequency: 'daily', end: { type: 'count', count: 10 } },
		rule: 'RRULE:FREQ=DAILY;INTERVAL=1;COUNT=10',
		text: 'every day, 10 times',
		start: '1997-09-02T09:00:00',
		ask: 20,
		// ==> (1997 9:00 AM EDT) September 2-11
		expected: at9('1997-09', range(2, 11), EDT),
	},
	{
		title: 'Daily until December 24, 1997',
		raw: 'RRULE:FREQ=DAILY;UNTIL=19971224T000000Z',
		build: { frequency: 'daily', end: { type: 'until', until: '1997-12-24T00:00:00Z' } },
		rule: 'RRULE:FREQ=DAILY;INTERVAL=1;UNTIL=19971224T000000Z',
		// 19971224T000000Z is December 23, 19:00 in New York.
		text: 'every day until December 23, 1997 at 19:00',
		start: '1997-09-02T09:00:00',
		ask: 200,
		// ==> (1997 9:00 AM EDT) September 2-30;October 1-25
		//     (1997 9:00 AM EST) October 26-31;November 1-30;December 1-23
		expected: [
			...at9('1997-09', range(2, 30), EDT),
			...at9('1997-10', range(1, 25), EDT),
			...at9('1997-10', range(26, 31), EST),
			...at9('1997-11', range(1, 30), EST),
			...at9('1997-12', range(1, 23), EST),
		],
	},
	{
		title: 'Every other day - forever',
		raw: 'RRULE:FREQ=DAILY;INTERVAL=2',
		build: { frequency: 'daily', interval: 2, end: { type: 'never' } },
		rule: 'RRULE:FREQ=DAILY;INTERVAL=2',
		text: 'every 2 days',
		start: '1997-09-02T09:00:00',
		ask: 33,
		// ==> (1997 9:00 AM EDT) September 2,4,6,8...24,26,28,30;October 2,4,6...20,22,24
		//     (1997 9:00 AM EST) October 26,28,30;November 1,3,5,7...25,27,29;December 1,3,...
		expected: [
			...at9('1997-09', range(2, 30, 2), EDT),
			...at9('1997-10', range(2, 24, 2), EDT),
			...at9('1997-10', [26, 28, 30], EST),
			...at9('1997-11', [1, 3, 5], EST),
		],
	},
	{
		title: 'Every 10 days, 5 occurrences',
		raw: 'RRULE:FREQ=DAILY;INTERVAL=10;COUNT=5',
		build: { frequency: 'daily', interval: 10, end: { type: 'count', count: 5 } },
		rule: 'RRULE:FREQ=DAILY;INTERVAL=10;COUNT=5',
		text: 'every 10 days, 5 times',
		start: '1997-09-02T09:00:00',
		ask: 10,
		// ==> (1997 9:00 AM EDT) September 2,12,22;October 2,12
		expected: [...at9('1997-09', [2, 12, 22], EDT), ...at9('1997-10', [2, 12], EDT)],
	},
	{
		title: 'Weekly for 10 occurrences',
		raw: 'RRULE:FREQ=WEEKLY;COUNT=10',
		build: { frequency: 'weekly', end: { type: 'count', count: 10 } },
		rule: 'RRULE:FREQ=WEEKLY;INTERVAL=1;COUNT=10',
		text: 'every week, 10 times',
		start: '1997-09-02T09:00:00',
		ask: 20,
		// ==> (1997 9:00 AM EDT) September 2,9,16,23,30;October 7,14,21
		//     (1997 9:00 AM EST) October 28;November 4
		expected: [
			...at9('1997-09', [2, 9, 16, 23, 30], EDT),
			...at9('1997-10', [7, 14, 21], EDT),
			...at9('1997-10', [28], EST),
			...at9('1997-11', [4], EST),
		],
	},
	{
		title: 'Weekly until December 24, 1997',
		raw: 'RRULE:FREQ=WEEKLY;UNTIL=19971224T000000Z',
		build: { frequency: 'weekly', end: { type: 'until', until: '1997-12-23T19:00:00-05:00' } },
		rule: 'RRULE:FREQ=WEEKLY;INTERVAL=1;UNTIL=19971224T000000Z',
		text: 'every week until December 23, 1997 at 19:00',
		start: '1997-09-02T09:00:00',
		ask: 30,
		// ==> (1997 9:00 AM EDT) September 2,9,16,23,30;October 7,14,21
		//     (1997 9:00 AM EST) October 28;November 4,11,18,25;December 2,9,16,23
		expected: [
			...at9('1997-09', [2, 9, 16, 23, 30], EDT),
			...at9('1997-10', [7, 14, 21], EDT),
			...at9('1997-10', [28], EST),
			...at9('1997-11', [4, 11, 18, 25], EST),
			...at9('1997-12', [2, 9, 16, 23], EST),
		],
	},
	{
		title:
			'Every other week on Monday, Wednesday, and Friday until December 24, 1997, starting on Monday, September 1, 1997',
		raw: 'RRULE:FREQ=WEEKLY;INTERVAL=2;UNTIL=19971224T000000Z;WKST=SU;BYDAY=MO,WE,FR',
		// The builder has no WKST; with MO,WE,FR and a Monday start the weeks are the same.
		build: {
			frequency: 'weekly',
			interval: 2,
			weekdays: ['MO', 'WE', 'FR'],
			end: { type: 'until', until: '1997-12-24T00:00:00Z' },
		},
		rule: 'RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE,FR;UNTIL=19971224T000000Z',
		normalised: 'RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE,FR;WKST=SU;UNTIL=19971224T000000Z',
		text: 'every 2 weeks on Monday, Wednesday and Friday until December 23, 1997 at 19:00',
		start: '1997-09-01T09:00:00',
		ask: 40,
		// ==> (1997 9:00 AM EDT) September 1,3,5,15,17,19,29;October 1,3,13,15,17
		//     (1997 9:00 AM EST) October 27,29,31;November 10,12,14,24,26,28;December 8,10,12,22
		expected: [
			...at9('1997-09', [1, 3, 5, 15, 17, 19, 29], EDT),
			...at9('1997-10', [1, 3, 13, 15, 17], EDT),
			...at9('1997-10', [27, 29, 31], EST),
			...at9('1997-11', [10, 12, 14, 24, 26, 28], EST),
			...at9('1997-12', [8, 10, 12, 22], EST),
		],
	},
	{
		title: 'Weekly on Tuesday and Thursday for five weeks',
		raw: 'RRULE:FREQ=WEEKLY;COUNT=10;WKST=SU;BYDAY=TU,TH',
		build: { frequency: 'weekly', weekdays: ['TH', 'TU'], end: { type: 'count', count: 10 } },
		rule: 'RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=TU,TH;COUNT=10',
		normalised: 'RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=TU,TH;WKST=SU;COUNT=10',
		text: 'every week on Tuesday and Thursday, 10 times',
		start: '1997-09-02T09:00:00',
		ask: 20,
		// ==> (1997 9:00 AM EDT) September 2,4,9,11,16,18,23,25,30;October 2
		expected: [
			...at9('1997-09', [2, 4, 9, 11, 16, 18, 23, 25, 30], EDT),
			...at9('1997-10', [2], EDT),
		],
	},
	{
		title: 'Monthly on the first Friday for 10 occurrences',
		raw: 'RRULE:FREQ=MONTHLY;COUNT=10;BYDAY=1FR',
		build: {
			frequency: 'monthly',
			monthlyBy: 'nthWeekday',
			nthWeek: 1,
			nthWeekday: 'FR',
			end: { type: 'count', count: 10 },
		},
		rule: 'RRULE:FREQ=MONTHLY;INTERVAL=1;BYDAY=1FR;COUNT=10',
		text: 'every month on the first Friday, 10 times',
		start: '1997-09-05T09:00:00',
		ask: 20,
		// ==> (1997 9:00 AM EDT) September 5;October 3
		//     (1997 9:00 AM EST) November 7;December 5
		//     (1998 9:00 AM EST) January 2;February 6;March 6;April 3
		//     (1998 9:00 AM EDT) May 1;June 5
		expected: [
			...at9('1997-09', [5], EDT),
			...at9('1997-10', [3], EDT),
			...at9('1997-11', [7], EST),
			...at9('1997-12', [5], EST),
			...at9('1998-01', [2], EST),
			...at9('1998-02', [6], EST),
			...at9('1998-03', [6], EST),
			...at9('1998-04', [3], EST),
			...at9('1998-05', [1], EDT),
			...at9('1998-06', [5], EDT),
		],
	},
	{
		title: 'Every other month on the first and last Sunday of the month for 10 occurrences',
		raw: 'RRULE:FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU',
		rule: 'RRULE:FREQ=MONTHLY;INTERVAL=2;BYDAY=1SU,-1SU;COUNT=10',
		text: 'every 2 months on the first and last Sunday, 10 times',
		start: '1997-09-07T09:00:00',
		ask: 20,
		// ==> (1997 9:00 AM EDT) September 7,28
		//     (1997 9:00 AM EST) November 2,30
		//     (1998 9:00 AM EST) January 4,25;March 1,29
		//     (1998 9:00 AM EDT) May 3,31
		expected: [
			...at9('1997-09', [7, 28], EDT),
			...at9('1997-11', [2, 30], EST),
			...at9('1998-01', [4, 25], EST),
			...at9('1998-03', [1, 29], EST),
			...at9('1998-05', [3, 31], EDT),
		],
	},
	{
		title: 'Monthly on the second-to-last Monday of the month for 6 months',
		raw: 'RRULE:FREQ=MONTHLY;COUNT=6;BYDAY=-2MO',
		rule: 'RRULE:FREQ=MONTHLY;INTERVAL=1;BYDAY=-2MO;COUNT=6',
		text: 'every month on the second-to-last Monday, 6 times',
		start: '1997-09-22T09:00:00',
		ask: 10,
		// ==> (1997 9:00 AM EDT) September 22;October 20
		//     (1997 9:00 AM EST) November 17;December 22
		//     (1998 9:00 AM EST) January 19;February 16
		expected: [
			...at9('1997-09', [22], EDT),
			...at9('1997-10', [20], EDT),
			...at9('1997-11', [17], EST),
			...at9('1997-12', [22], EST),
			...at9('1998-01', [19], EST),
			...at9('1998-02', [16], EST),
		],
	},
	{
		title: 'Monthly on the third-to-the-last day of the month, forever',
		raw: 'RRULE:FREQ=MONTHLY;BYMONTHDAY=-3',
		rule: 'RRULE:FREQ=MONTHLY;INTERVAL=1;BYMONTHDAY=-3',
		text: 'every month on the third-to-last day',
		start: '1997-09-28T09:00:00',
		ask: 6,
		// ==> (1997 9:00 AM EDT) September 28
		//     (1997 9:00 AM EST) October 29;November 28;December 29
		//     (1998 9:00 AM EST) January 29;February 26
		expected: [
			...at9('1997-09', [28], EDT),
			...at9('1997-10', [29], EST),
			...at9('1997-11', [28], EST),
			...at9('1997-12', [29], EST),
			...at9('1998-01', [29], EST),
			...at9('1998-02', [26], EST),
		],
	},
	{
		title: 'Monthly on the first and last day of the month for 10 occurrences',
		raw: 'RRULE:FREQ=MONTHLY;COUNT=10;BYMONTHDAY=1,-1',
		rule: 'RRULE:FREQ=MONTHLY;INTERVAL=1;BYMONTHDAY=1,-1;COUNT=10',
		text: 'every month on the 1st and last day, 10 times',
		start: '1997-09-30T09:00:00',
		ask: 20,
		// ==> (1997 9:00 AM EDT) September 30;October 1
		//     (1997 9:00 AM EST) October 31;November 1,30;December 1,31
		//     (1998 9:00 AM EST) January 1,31;February 1
		expected: [
			...at9('1997-09', [30], EDT),
			...at9('1997-10', [1], EDT),
			...at9('1997-10', [31], EST),
			...at9('1997-11', [1, 30], EST),
			...at9('1997-12', [1, 31], EST),
			...at9('1998-01', [1, 31], EST),
			...at9('1998-02', [1], EST),
		],
	},
	{
		title: 'Yearly in June and July for 10 occurrences',
		raw: 'RRULE:FREQ=YEARLY;COUNT=10;BYMONTH=6,7',
		rule: 'RRULE:FREQ=YEARLY;INTERVAL=1;BYMONTH=6,7;COUNT=10',
		text: 'every year in June and July, 10 times',
		start: '1997-06-10T09:00:00',
		ask: 20,
		// ==> (1997 9:00 AM EDT) June 10;July 10 ... (2001 9:00 AM EDT) June 10;July 10
		expected: ['1997', '1998', '1999', '2000', '2001'].flatMap((year) => [
			...at9(`${year}-06`, [10], EDT),
			...at9(`${year}-07`, [10], EDT),
		]),
	},
	{
		title: 'Every other year on January, February, and March for 10 occurrences',
		raw: 'RRULE:FREQ=YEARLY;INTERVAL=2;COUNT=10;BYMONTH=1,2,3',
		rule: 'RRULE:FREQ=YEARLY;INTERVAL=2;BYMONTH=1,2,3;COUNT=10',
		text: 'every 2 years in January, February and March, 10 times',
		start: '1997-03-10T09:00:00',
		ask: 20,
		// ==> (1997 9:00 AM EST) March 10
		//     (1999 9:00 AM EST) January 10;February 10;March 10
		//     (2001 9:00 AM EST) January 10;February 10;March 10
		//     (2003 9:00 AM EST) January 10;February 10;March 10
		expected: [
			...at9('1997-03', [10], EST),
			...['1999', '2001', '2003'].flatMap((year) =>
				['01', '02', '03'].flatMap((month) => at9(`${year}-${month}`, [10], EST)),
			),
		],
	},
	{
		title: 'Every third year on the 1st, 100th, and 200th day for 10 occurrences',
		raw: 'RRULE:FREQ=YEARLY;INTERVAL=3;COUNT=10;BYYEARDAY=1,100,200',
		rule: 'RRULE:FREQ=YEARLY;INTERVAL=3;BYYEARDAY=1,100,200;COUNT=10',
		text: 'every 3 years on the 1st, 100th and 200th day of the year, 10 times',
		start: '1997-01-01T09:00:00',
		ask: 20,
		// ==> (1997 9:00 AM EST) January 1; (1997 9:00 AM EDT) April 10;July 19
		//     (2000 9:00 AM EST) January 1; (2000 9:00 AM EDT) April 9;July 18
		//     (2003 9:00 AM EST) January 1; (2003 9:00 AM EDT) April 10;July 19
		//     (2006 9:00 AM EST) January 1
		expected: [
			...at9('1997-01', [1], EST),
			...at9('1997-04', [10], EDT),
			...at9('1997-07', [19], EDT),
			...at9('2000-01', [1], EST),
			...at9('2000-04', [9], EDT),
			...at9('2000-07', [18], EDT),
			...at9('2003-01', [1], EST),
			...at9('2003-04', [10], EDT),
			...at9('2003-07', [19], EDT),
			...at9('2006-01', [1], EST),
		],
	},
	{
		title: 'The second-to-last weekday of the month',
		raw: 'RRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2',
		rule: 'RRULE:FREQ=MONTHLY;INTERVAL=1;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2',
		text: 'every month on the second-to-last weekday',
		start: '1997-09-29T09:00:00',
		ask: 7,
		// ==> (1997 9:00 AM EDT) September 29
		//     (1997 9:00 AM EST) October 30;November 27;December 30
		//     (1998 9:00 AM EST) January 29;February 26;March 30
		expected: [
			...at9('1997-09', [29], EDT),
			...at9('1997-10', [30], EST),
			...at9('1997-11', [27], EST),
			...at9('1997-12', [30], EST),
			...at9('1998-01', [29], EST),
			...at9('1998-02', [26], EST),
			...at9('1998-03', [30], EST),
		],
	},
	{
		title:
			'The third instance into the month of one of Tuesday, Wednesday, or Thursday, for the next 3 months',
		raw: 'RRULE:FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3',
		rule: 'RRULE:FREQ=MONTHLY;INTERVAL=1;BYDAY=TU,WE,TH;BYSETPOS=3;COUNT=3',
		text: 'every month on the third day that is a Tuesday, Wednesday or Thursday, 3 times',
		start: '1997-09-04T09:00:00',
		ask: 10,
		// ==> (1997 9:00 AM EDT) September 4;October 7
		//     (1997 9:00 AM EST) November 6
		expected: [
			...at9('1997-09', [4], EDT),
			...at9('1997-10', [7], EDT),
			...at9('1997-11', [6], EST),
		],
	},
	{
		title: 'An example where an invalid date (i.e., February 30) is ignored',
		raw: 'RRULE:FREQ=MONTHLY;BYMONTHDAY=15,30;COUNT=5',
		rule: 'RRULE:FREQ=MONTHLY;INTERVAL=1;BYMONTHDAY=15,30;COUNT=5',
		text: 'every month on the 15th and 30th, 5 times',
		start: '2007-01-15T09:00:00',
		ask: 10,
		// ==> (2007 EST) January 15,30; (2007 EST) February 15; (2007 EDT) March 15,30
		expected: [
			...at9('2007-01', [15, 30], EST),
			...at9('2007-02', [15], EST),
			...at9('2007-03', [15, 30], EDT),
		],
	},
];

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

	it('Every Friday the 13th, forever, with the RFC EXDATE of its DTSTART (sent in UTC)', () => {
		// DTSTART;TZID=America/New_York:19970902T090000 / EXDATE;TZID=America/New_York:19970902T090000
		// HighLevel takes EXDATE in UTC: 09:00 EDT is 13:00Z.
		const raw = 'RRULE:FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13\nEXDATE:19970902T130000Z';
		expect(parseRrule(raw).rrule).toBe(
			'RRULE:FREQ=MONTHLY;INTERVAL=1;BYMONTHDAY=13;BYDAY=FR\nEXDATE:19970902T130000Z',
		);
		expect(describeRecurrence(parseRrule(raw), NY)).toBe(
			'every month on the 13th when it is a Friday, except September 2, 1997 at 09:00',
		);
		// ==> (1998 9:00 AM EST) February 13;March 13;November 13
		//     (1999 9:00 AM EDT) August 13
		//     (2000 9:00 AM EDT) October 13
		expect(starts(raw, '1997-09-02T09:00:00', 5)).toEqual([
			...at9('1998-02', [13], EST),
			...at9('1998-03', [13], EST),
			...at9('1998-11', [13], EST),
			...at9('1999-08', [13], EDT),
			...at9('2000-10', [13], EDT),
		]);
	});

	it('the WKST pair: the days generated differ with the week start', () => {
		// ==> (1997 EDT) August 5,10,19,24   (WKST=MO)
		expect(
			starts('RRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO', '1997-08-05T09:00:00', 10),
		).toEqual(at9('1997-08', [5, 10, 19, 24], EDT));
		// ==> (1997 EDT) August 5,17,19,31   (WKST=SU)
		expect(
			starts('RRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU', '1997-08-05T09:00:00', 10),
		).toEqual(at9('1997-08', [5, 17, 19, 31], EDT));
	});
});

describe('parseRrule', () => {
	it('normalises: uppercase, RRULE: prefix, INTERVAL, stable key order, one sorted EXDATE line without duplicates', () => {
		expect(parseRrule('rrule:count=3;byday=we,mo;freq=weekly;').rrule).toBe(
			'RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=WE,MO;COUNT=3',
		);
		expect(parseRrule('FREQ=DAILY;COUNT=2').rrule).toBe('RRULE:FREQ=DAILY;INTERVAL=1;COUNT=2');
		// HighLevel's own example, with its repeated EXDATE value.
		const highLevel = parseRrule(
			'RRULE:FREQ=DAILY;INTERVAL=1;UNTIL=20210623T043000Z\nEXDATE:20211105T040000Z,20211105T040000Z',
		);
		expect(highLevel.rrule).toBe(
			'RRULE:FREQ=DAILY;INTERVAL=1;UNTIL=20210623T043000Z\nEXDATE:20211105T040000Z',
		);
		expect(highLevel.rule).toBe('RRULE:FREQ=DAILY;INTERVAL=1;UNTIL=20210623T043000Z');
		expect(highLevel.exdates).toEqual([Date.UTC(2021, 10, 5, 4)]);
		expect(highLevel.options).toEqual({
			freq: 'DAILY',
			interval: 1,
			until: { epochMs: Date.UTC(2021, 5, 23, 4, 30), dateOnly: false },
		});
		const twoLines = parseRrule(
			'  RRULE:FREQ=WEEKLY;COUNT=4 \r\nEXDATE:20260316T130000Z\r\n\r\nEXDATE:20260309T130000Z  ',
		);
		expect(twoLines.rrule).toBe(
			'RRULE:FREQ=WEEKLY;INTERVAL=1;COUNT=4\nEXDATE:20260309T130000Z,20260316T130000Z',
		);
		expect(parseRrule('RRULE:FREQ=MONTHLY;UNTIL=20261231').rrule).toBe(
			'RRULE:FREQ=MONTHLY;INTERVAL=1;UNTIL=20261231',
		);
		expect(parseRrule('RRULE:FREQ=MONTHLY;BYDAY=+1MO').rule).toBe(
			'RRULE:FREQ=MONTHLY;INTERVAL=1;BYDAY=1MO',
		);
	});

	const EXAMPLE = 'RRULE:FREQ=WEEKLY;INTERVAL=1;COUNT=5';
	const KEYS =
		'Use only FREQ, INTERVAL, BYMONTH, BYWEEKNO, BYYEARDAY, BYMONTHDAY, BYDAY, BYSETPOS, WKST, COUNT, UNTIL.';
	const FREQS = 'Use FREQ=DAILY, FREQ=WEEKLY, FREQ=MONTHLY or FREQ=YEARLY.';
	const UNTIL_FIX =
		'Write it in UTC, such as UNTIL=20210623T043000Z, or give a date: UNTIL=20210623.';
	const EXDATE_FIX =
		'Write each start to skip in UTC, comma-separated, such as EXDATE:20211105T040000Z,20211112T040000Z.';
	const INTERVAL_FIX =
		'Use INTERVAL=1 for every period, INTERVAL=2 for every other one, and so on.';
	const WEEKDAY_FIX =
		'Use MO, TU, WE, TH, FR, SA or SU, with a position such as 1MO or -1FR only for monthly and yearly rules.';
	const DTSTART_FIX = "Remove it: HighLevel starts the series at the appointment's startTime.";
	const INVALID: Array<[string, string]> = [
		['', `rrule "" is empty. Set an RRULE such as ${EXAMPLE}, or remove the field.`],
		[
			'RRULE:INTERVAL=1;COUNT=5',
			`rrule "RRULE:INTERVAL=1;COUNT=5" has no FREQ. Add one, such as ${EXAMPLE}. ${FREQS}`,
		],
		['RRULE:FREQ=FORTNIGHTLY', `rrule "FREQ=FORTNIGHTLY" has an unknown FREQ. ${FREQS}`],
		[
			'RRULE:FREQ=HOURLY;COUNT=5',
			`rrule "FREQ=HOURLY" is not supported for appointments. ${FREQS} Every occurrence starts at the time of day of the appointment's startTime.`,
		],
		[
			'RRULE:FREQ=DAILY;INTERVAL=0',
			`rrule "INTERVAL=0" has an INTERVAL that is not a whole number from 1 to 1000. ${INTERVAL_FIX}`,
		],
		[
			'RRULE:FREQ=DAILY;INTERVAL=1.5',
			`rrule "INTERVAL=1.5" has an INTERVAL that is not a whole number from 1 to 1000. ${INTERVAL_FIX}`,
		],
		[
			'RRULE:FREQ=DAILY;INTERVAL=-2',
			`rrule "INTERVAL=-2" has an INTERVAL that is not a whole number from 1 to 1000. ${INTERVAL_FIX}`,
		],
		[
			'RRULE:FREQ=DAILY;COUNT=5;UNTIL=20210623T043000Z',
			'rrule "RRULE:FREQ=DAILY;COUNT=5;UNTIL=20210623T043000Z" has both COUNT and UNTIL. Keep one of them: COUNT ends the series after a number of occurrences, UNTIL at a time. Without either it never ends.',
		],
		[
			'RRULE:FREQ=DAILY;UNTIL=2021-06-23',
			`rrule "UNTIL=2021-06-23" has an UNTIL that is not YYYYMMDDTHHMMSSZ (UTC) or YYYYMMDD. ${UNTIL_FIX}`,
		],
		[
			'RRULE:FREQ=DAILY;UNTIL=20210623T043000',
			`rrule "UNTIL=20210623T043000" has an UNTIL without Z (a local time). ${UNTIL_FIX}`,
		],
		[
			'RRULE:FREQ=DAILY;UNTIL=20210231T000000Z',
			`rrule "UNTIL=20210231T000000Z" has an UNTIL that is not a real date and time. ${UNTIL_FIX}`,
		],
		[
			'RRULE:FREQ=DAILY\nEXDATE:20211105T0400',
			`rrule "EXDATE:20211105T0400" has an EXDATE value 20211105T0400 that is not a UTC date and time (YYYYMMDDTHHMMSSZ). ${EXDATE_FIX}`,
		],
		[
			'RRULE:FREQ=DAILY\nEXDATE:20211105T040000Z,2021-11-12T04:00:00Z',
			`rrule "EXDATE:20211105T040000Z,2021-11-12T04:00:00Z" has an EXDATE value 2021-11-12T04:00:00Z that is not a UTC date and time (YYYYMMDDTHHMMSSZ). ${EXDATE_FIX}`,
		],
		[
			'RRULE:FREQ=DAILY\nEXDATE;TZID=America/New_York:20211105T000000',
			`rrule "EXDATE;TZID=America/New_York:20211105T000000" has an EXDATE with parameters (such as TZID or VALUE=DATE), which HighLevel does not take. ${EXDATE_FIX}`,
		],
		[
			'RRULE:FREQQ=DAILY',
			`rrule "FREQQ=DAILY" has an unknown key FREQQ. Did you mean FREQ? ${KEYS}`,
		],
		[
			'RRULE:FREQ=WEEKLY;BYDAYS=MO',
			`rrule "BYDAYS=MO" has an unknown key BYDAYS. Did you mean BYDAY? ${KEYS}`,
		],
		[
			'RRULE:FREQ=DAILY;TZID=America/New_York',
			`rrule "TZID=America/New_York" has an unknown key TZID. ${KEYS}`,
		],
		[
			'RRULE:FREQ=WEEKLY;BYDAY=XX',
			`rrule "BYDAY=XX" has an unknown weekday XX in BYDAY. ${WEEKDAY_FIX}`,
		],
		[
			'RRULE:FREQ=WEEKLY;BYDAY=MO,MON',
			`rrule "BYDAY=MO,MON" has an unknown weekday MON in BYDAY. ${WEEKDAY_FIX}`,
		],
		[
			'DTSTART:20260302T140000Z\nRRULE:FREQ=DAILY',
			`rrule "DTSTART:20260302T140000Z" has a DTSTART, which HighLevel does not take. ${DTSTART_FIX}`,
		],
		[
			'DTSTART;TZID=America/New_York:19970902T090000\nRRULE:FREQ=DAILY',
			`rrule "DTSTART;TZID=America/New_York:19970902T090000" has a DTSTART, which HighLevel does not take. ${DTSTART_FIX}`,
		],
		[
			'RRULE:FREQ=DAILY;DTSTART=20260302T140000Z',
			`rrule "DTSTART=20260302T140000Z" has a DTSTART, which HighLevel does not take. ${DTSTART_FIX}`,
		],
		[
			'RRULE:FREQ=DAILY\nRDATE:20260302T140000Z',
			`rrule "RDATE:20260302T140000Z" is neither an RRULE: nor an EXDATE: line. Put the rule on a line starting with RRULE: (such as ${EXAMPLE}) and dates to skip on a line starting with EXDATE: (UTC, such as EXDATE:20211105T040000Z).`,
		],
		[
			'every Monday',
			`rrule "every Monday" is neither an RRULE: nor an EXDATE: line. Put the rule on a line starting with RRULE: (such as ${EXAMPLE}) and dates to skip on a line starting with EXDATE: (UTC, such as EXDATE:20211105T040000Z).`,
		],
		[
			'EXDATE:20211105T040000Z',
			`rrule "EXDATE:20211105T040000Z" has no RRULE line. Add a rule such as ${EXAMPLE}.`,
		],
		[
			'RRULE:FREQ=DAILY\nRRULE:FREQ=WEEKLY',
			'rrule "RRULE:FREQ=DAILY\\nRRULE:FREQ=WEEKLY" has more than one RRULE line. Combine them into one rule: HighLevel takes one.',
		],
		[
			'RRULE;X-FOO=1:FREQ=DAILY',
			`rrule "RRULE;X-FOO=1:FREQ=DAILY" has parameters after RRULE. Write the rule as ${EXAMPLE}.`,
		],
		[
			'RRULE:FREQ=DAILY;;COUNT=5',
			`rrule "RRULE:FREQ=DAILY;;COUNT=5" has an empty part (two ; in a row). Write the rule as KEY=VALUE parts separated by ;, such as ${EXAMPLE}.`,
		],
		[
			'RRULE:FREQ=DAILY;COUNT',
			`rrule "COUNT" is not a KEY=VALUE part. Write the rule as KEY=VALUE parts separated by ;, such as ${EXAMPLE}.`,
		],
		[
			'RRULE:FREQ=DAILY;COUNT=0',
			'rrule "COUNT=0" has a COUNT that is not a whole number of 1 or more. Use the number of occurrences, such as COUNT=10.',
		],
		[
			'RRULE:FREQ=DAILY;COUNT=5;COUNT=6',
			'rrule "COUNT=6" repeats COUNT. Give COUNT only once in the rule.',
		],
		[
			'RRULE:FREQ=DAILY;BYDAY=',
			'rrule "BYDAY=" has an empty BYDAY. Give BYDAY a value or remove it.',
		],
		[
			'RRULE:FREQ=WEEKLY;BYDAY=2MO',
			'rrule "BYDAY=2MO" has a position (2MO) in BYDAY, which only works with FREQ=MONTHLY or FREQ=YEARLY. Use plain days such as BYDAY=MO with FREQ=WEEKLY, or FREQ=MONTHLY;BYDAY=2MO for that weekday of each month.',
		],
		[
			'RRULE:FREQ=MONTHLY;BYDAY=6MO',
			'rrule "BYDAY=6MO" has a position (6MO) in BYDAY that is out of range. Use 1..5 (first to fifth) or -1..-5 (-1 the last, -2 the second-to-last), such as 2MO or -1MO.',
		],
		[
			'RRULE:FREQ=MONTHLY;BYMONTHDAY=32',
			'rrule "BYMONTHDAY=32" has 32 in BYMONTHDAY, which is not a day of the month. Use numbers 1..31 or -31..-1, comma-separated.',
		],
		[
			'RRULE:FREQ=MONTHLY;BYMONTHDAY=0',
			'rrule "BYMONTHDAY=0" has 0 in BYMONTHDAY, which is not a day of the month. Use numbers 1..31 or -31..-1, comma-separated.',
		],
		[
			'RRULE:FREQ=WEEKLY;BYMONTHDAY=1',
			'rrule "BYMONTHDAY=1" does not work with FREQ=WEEKLY. Use FREQ=MONTHLY for days of the month, or BYDAY for days of the week.',
		],
		[
			'RRULE:FREQ=YEARLY;BYMONTH=13',
			'rrule "BYMONTH=13" has 13 in BYMONTH, which is not a month. Use numbers 1..12, comma-separated.',
		],
		[
			'RRULE:FREQ=MONTHLY;BYYEARDAY=100',
			'rrule "BYYEARDAY=100" does not work with FREQ=MONTHLY. Use BYYEARDAY only with FREQ=YEARLY.',
		],
		[
			'RRULE:FREQ=MONTHLY;BYWEEKNO=20',
			'rrule "BYWEEKNO=20" does not work with FREQ=MONTHLY. Use BYWEEKNO only with FREQ=YEARLY.',
		],
		[
			'RRULE:FREQ=MONTHLY;BYSETPOS=1',
			'rrule "RRULE:FREQ=MONTHLY;BYSETPOS=1" has BYSETPOS without another BY... part. BYSETPOS picks from the days the other parts give, such as FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1 (the last weekday of the month).',
		],
		[
			'RRULE:FREQ=WEEKLY;BYDAY=MO,TU;BYSETPOS=3',
			'rrule "BYSETPOS=3" can never match: each week gives at most 2 matching days. Use positions from 1 to 2 or from -1 to -2.',
		],
		[
			'RRULE:FREQ=DAILY;BYHOUR=9',
			'rrule "BYHOUR=9" uses BYHOUR, which this node does not support. Remove it: every occurrence starts at the time of day of the appointment\'s startTime.',
		],
		[
			'RRULE:FREQ=DAILY;WKST=XX',
			'rrule "WKST=XX" has an unknown weekday XX in WKST. Use MO, TU, WE, TH, FR, SA or SU.',
		],
		[
			'RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30,31',
			'rrule "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30,31" can never occur: none of the months in BYMONTH has the days in BYMONTHDAY. Check BYMONTH and BYMONTHDAY (February has at most 29 days; April, June, September and November have 30).',
		],
		[
			'RRULE:FREQ=YEARLY;BYWEEKNO=20;BYDAY=1MO',
			'rrule "RRULE:FREQ=YEARLY;BYWEEKNO=20;BYDAY=1MO" has a BYDAY position together with BYWEEKNO. RFC 5545 does not allow both: use plain days (BYDAY=MO) with BYWEEKNO, or drop BYWEEKNO.',
		],
	];

	it.each(INVALID)('refuses %p before any request', (raw, message) => {
		let thrown: unknown;
		try {
			parseRrule(raw);
		} catch (error) {
			thrown = error;
		}
		expect(thrown).toBeInstanceOf(InputError);
		expect((thrown as InputError).field).toBe('rrule');
		expect((thrown as InputError).message).toBe(message);
	});

	it('can skip a DTSTART line when reading a rule back (never for a rule to send)', () => {
		const raw = 'DTSTART;TZID=America/New_York:20260302T090000\nRRULE:FREQ=WEEKLY;COUNT=3';
		expect(() => parseRrule(raw)).toThrow('has a DTSTART, which HighLevel does not take');
		expect(parseRrule(raw, { allowDtstart: true }).rrule).toBe(
			'RRULE:FREQ=WEEKLY;INTERVAL=1;COUNT=3',
		);
		expect(() =>
			parseRrule('RRULE:FREQ=WEEKLY;DTSTART=20260302T140000Z', { allowDtstart: true }),
		).toThrow('has a DTSTART');
	});

	it('refuses what is not text', () => {
		expect(() => parseRrule(42 as unknown as string)).toThrow('rrule 42 is not text.');
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

describe('nextOccurrences and recurrenceSummary', () => {
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
		// run this file as `TZ=UTC npx jest test/unit/recurrence` and `TZ=Asia/Kolkata npx jest test/unit/recurrence`;
		// every expectation in it is a literal, so both runs check the same values.
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
