import { formatInTimeZone, toApiTime } from '../../../../nodes/HighLevelCalendar/helpers/time';

describe('toApiTime', () => {
	it('keeps the instant and offset of an ISO 8601 time with an offset', () => {
		expect(toApiTime('2021-06-23T03:30:00+05:30', 'startTime', 'America/New_York')).toEqual({
			iso: '2021-06-23T03:30:00+05:30',
			epochMs: Date.UTC(2021, 5, 22, 22, 0),
		});
		expect(toApiTime('2021-06-23T03:30:00Z', 'startTime', 'Asia/Tokyo').iso).toBe(
			'2021-06-23T03:30:00+00:00',
		);
		expect(toApiTime('2021-06-23T03:30-0700', 'startTime', 'UTC').iso).toBe(
			'2021-06-23T03:30:00-07:00',
		);
	});

	it('reads a time without an offset (n8n date picker) in the given time zone', () => {
		expect(toApiTime('2026-07-01T09:00:00', 'startTime', 'America/New_York').iso).toBe(
			'2026-07-01T09:00:00-04:00',
		);
		expect(toApiTime('2026-12-01T09:00:00', 'startTime', 'America/New_York').iso).toBe(
			'2026-12-01T09:00:00-05:00',
		);
		expect(toApiTime('2026-12-01 09:00', 'startTime', 'Asia/Kolkata').iso).toBe(
			'2026-12-01T09:00:00+05:30',
		);
		expect(toApiTime('2026-12-01', 'startTime', 'Europe/Berlin').iso).toBe(
			'2026-12-01T00:00:00+01:00',
		);
	});

	it('moves a wall time inside a spring-forward gap forward, and takes the first of an autumn repeat', () => {
		expect(toApiTime('2026-03-08T02:30:00', 'startTime', 'America/New_York').iso).toBe(
			'2026-03-08T03:30:00-04:00',
		);
		expect(toApiTime('2026-11-01T01:30:00', 'startTime', 'America/New_York').iso).toBe(
			'2026-11-01T01:30:00-04:00',
		);
		expect(toApiTime('2026-03-29T02:15:00', 'startTime', 'Europe/Berlin').iso).toBe(
			'2026-03-29T03:15:00+02:00',
		);
	});

	it('takes epoch milliseconds (number or digits) and renders them in the time zone', () => {
		const epochMs = Date.UTC(2026, 0, 15, 14, 0);
		expect(toApiTime(epochMs, 'startTime', 'America/Chicago')).toEqual({
			iso: '2026-01-15T08:00:00-06:00',
			epochMs,
		});
		expect(toApiTime(String(epochMs), 'startTime', 'UTC').iso).toBe('2026-01-15T14:00:00+00:00');
		expect(toApiTime(new Date(epochMs), 'startTime', 'UTC').iso).toBe('2026-01-15T14:00:00+00:00');
	});

	it('keeps a DateTime-like object in its own zone', () => {
		const dateTime = { isValid: true, toMillis: () => Date.UTC(2026, 0, 15, 14, 0), offset: 60 };
		expect(toApiTime(dateTime, 'startTime', 'UTC').iso).toBe('2026-01-15T15:00:00+01:00');
	});

	it.each([
		['tomorrow at 9', 'is not a time HighLevel can take'],
		['2026-02-30T10:00:00', 'is not a real date and time'],
		['2026-06-01T24:30:00', 'is not a real date and time'],
		['2026-06-01T10:00:00+25:00', 'has an impossible UTC offset'],
		[1_700_000_000, 'looks like epoch seconds'],
		[{ foo: 1 }, 'is not a time'],
		[true, 'is not a time'],
	])('refuses %p, naming the field and value', (value, problem) => {
		expect(() => toApiTime(value, 'endTime', 'UTC')).toThrow(problem);
		expect(() => toApiTime(value, 'endTime', 'UTC')).toThrow(/^endTime /);
	});

	it('does not depend on the host TZ setting', () => {
		// Intl with an explicit zone ignores process.env.TZ; this pins one known offset.
		expect(formatInTimeZone(Date.UTC(2026, 6, 1, 12), 'Australia/Adelaide')).toBe(
			'2026-07-01T21:30:00+09:30',
		);
	});
});

describe('toApiTime when an offset is required (a tool input without the Time Zone option)', () => {
	it('refuses a wall time or a bare date, asking for an offset', () => {
		for (const value of ['2026-12-07T15:00:00', '2026-12-07 15:00', '2026-12-07']) {
			expect(() => toApiTime(value, 'startTime', 'America/New_York', true)).toThrow(
				`startTime "${value}" has no UTC offset. Send the time with its UTC offset, such as 2026-12-07T15:00:00-05:00`,
			);
		}
	});

	it('takes what names its instant: an offset, Z, epoch milliseconds', () => {
		expect(toApiTime('2026-12-07T15:00:00-05:00', 'startTime', 'UTC', true).iso).toBe(
			'2026-12-07T15:00:00-05:00',
		);
		expect(toApiTime('2026-12-07T20:00:00Z', 'startTime', 'UTC', true).iso).toBe(
			'2026-12-07T20:00:00+00:00',
		);
		expect(toApiTime(Date.UTC(2026, 11, 7, 20), 'startTime', 'America/New_York', true).iso).toBe(
			'2026-12-07T15:00:00-05:00',
		);
	});
});
