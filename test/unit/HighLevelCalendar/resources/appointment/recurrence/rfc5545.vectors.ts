// Conformance vectors from RFC 5545 (iCalendar), section 3.8.5.3 "Recurrence Rule", Examples
// (https://www.rfc-editor.org/rfc/rfc5545#section-3.8.5.3). The RFC's DTSTART is
// `DTSTART;TZID=America/New_York:19970902T090000` unless noted; here it is the appointment's
// startTime read in America/New_York. Expected dates are the RFC's own lists (its "==>" lines are
// kept as comments), with its EDT/EST switches (1997-10-26 and 1998-04-05). Read by
// occurrences.test.ts.
import type { RecurrenceBuild } from '../../../../../../nodes/HighLevelCalendar/resources/appointment/recurrence';
import { at9, EDT, EST, range } from './testing';

export interface Vector {
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

export const RFC_VECTORS: Vector[] = [
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
	{
		title: 'Every Friday the 13th, forever, with the RFC EXDATE of its DTSTART (sent in UTC)',
		// DTSTART;TZID=America/New_York:19970902T090000 / EXDATE;TZID=America/New_York:19970902T090000
		// HighLevel takes EXDATE in UTC: 09:00 EDT is 13:00Z.
		raw: 'RRULE:FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13\nEXDATE:19970902T130000Z',
		rule: 'RRULE:FREQ=MONTHLY;INTERVAL=1;BYMONTHDAY=13;BYDAY=FR\nEXDATE:19970902T130000Z',
		text: 'every month on the 13th when it is a Friday, except September 2, 1997 at 09:00',
		start: '1997-09-02T09:00:00',
		ask: 5,
		// ==> (1998 9:00 AM EST) February 13;March 13;November 13
		//     (1999 9:00 AM EDT) August 13
		//     (2000 9:00 AM EDT) October 13
		expected: [
			...at9('1998-02', [13], EST),
			...at9('1998-03', [13], EST),
			...at9('1998-11', [13], EST),
			...at9('1999-08', [13], EDT),
			...at9('2000-10', [13], EDT),
		],
	},
];

/** The RFC's WKST pair: one rule, two week starts, different days (DTSTART 19970805T090000). */
export const WKST_PAIR = {
	MO: {
		raw: 'RRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO',
		start: '1997-08-05T09:00:00',
		ask: 10,
		// ==> (1997 EDT) August 5,10,19,24   (WKST=MO)
		expected: at9('1997-08', [5, 10, 19, 24], EDT),
	},
	SU: {
		raw: 'RRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU',
		start: '1997-08-05T09:00:00',
		ask: 10,
		// ==> (1997 EDT) August 5,17,19,31   (WKST=SU)
		expected: at9('1997-08', [5, 17, 19, 31], EDT),
	},
};
