// parseRrule (parse.ts): how a raw rule is normalised, and each rule it refuses (UNTIL, EXDATE and
// DTSTART included) with its message.
import { parseRrule } from '../../../../../../nodes/HighLevelCalendar/resources/appointment/recurrence';
import { InputError } from '../../../../../../nodes/HighLevelCalendar/helpers/inputError';

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
