import { InputError } from './inputError';

/**
 * One place for reading times. HighLevel takes ISO 8601 with an offset (`2021-06-23T03:30:00+05:30`).
 * Users give us that, or a wall time without offset (n8n's date picker), a Luxon DateTime or a JS
 * Date from an expression, or epoch milliseconds. Built on Intl rather than Luxon so that the
 * package has no runtime dependency and does not rely on the host's TZ.
 */
/** How an operation reads times given without a UTC offset (built by timeReading, hooks/request.ts). */
export interface TimeReading {
	/** The zone in which times without an offset are read: the Time Zone option, else the workflow's. */
	timeZone: string;
	/**
	 * True when the node runs as a tool and the builder set no Time Zone: the model's times must
	 * carry their offset (a model rarely knows the workflow's zone, and a wrong guess books the
	 * wrong hour silently). The workflow's zone still shapes what is returned (free slots).
	 */
	offsetRequired?: boolean;
}

export interface ApiTime {
	/** ISO 8601 with an explicit offset, as HighLevel documents it. */
	iso: string;
	epochMs: number;
}

const ISO_PATTERN =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

// Below this an epoch number is almost certainly seconds, not milliseconds (it would be before 1973).
const SMALLEST_EPOCH_MS = 1e11;

const FORMAT_FIX =
	'Use ISO 8601 such as 2026-06-23T09:30:00+02:00 (or without offset, read in the Time Zone option), a DateTime from an expression, or epoch milliseconds.';

/**
 * Why a time without an offset is refused when the node runs as a tool without the Time Zone
 * option: a model rarely knows the workflow's time zone, and a wall time read in the wrong one
 * books the wrong hour without any error.
 */
const OFFSET_FIX =
	'Send the time with its UTC offset, such as 2026-12-07T15:00:00-05:00 (the offset of the place the time is meant for).';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
	let formatter = formatters.get(timeZone);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		});
		formatters.set(timeZone, formatter);
	}
	return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
	try {
		formatterFor(timeZone);
		return true;
	} catch {
		return false;
	}
}

export function assertTimeZone(timeZone: unknown, field = 'timeZone'): string {
	if (typeof timeZone !== 'string' || !isValidTimeZone(timeZone)) {
		throw new InputError(
			field,
			timeZone,
			'Use an IANA time zone name such as America/New_York or Europe/Berlin.',
			'is not a known time zone',
		);
	}
	return timeZone;
}

/** Offset of `timeZone` from UTC at the given instant, in minutes (east positive). */
export function offsetMinutes(epochMs: number, timeZone: string): number {
	const parts: Record<string, number> = {};
	for (const part of formatterFor(timeZone).formatToParts(new Date(epochMs))) {
		if (part.type !== 'literal') parts[part.type] = Number(part.value);
	}
	const wallAsUtc = Date.UTC(
		parts.year,
		parts.month - 1,
		parts.day,
		parts.hour,
		parts.minute,
		parts.second,
	);
	const wholeSeconds = Math.floor(epochMs / 1000) * 1000;
	return Math.round((wallAsUtc - wholeSeconds) / 60000);
}

/**
 * The instant at which the wall clock in `timeZone` shows the given time. A time that falls into a
 * daylight-saving gap (02:30 on a spring-forward night) does not exist; like Luxon, we move it
 * forward by the gap (03:30). A time that occurs twice in autumn takes the first occurrence.
 * `wallAsUtc` is the wall clock written as if it were UTC: `Date.UTC(year, month - 1, day, hour, ...)`.
 */
export function wallTimeToEpoch(wallAsUtc: number, timeZone: string): number {
	const firstGuess = wallAsUtc - offsetMinutes(wallAsUtc, timeZone) * 60000;
	const offsetAtGuess = offsetMinutes(firstGuess, timeZone);
	const secondGuess = wallAsUtc - offsetAtGuess * 60000;
	const offsetAtSecond = offsetMinutes(secondGuess, timeZone);
	if (offsetAtSecond === offsetAtGuess) return secondGuess;
	return wallAsUtc - Math.min(offsetAtGuess, offsetAtSecond) * 60000;
}

function pad(value: number, width = 2): string {
	return String(Math.abs(value)).padStart(width, '0');
}

/** Formats an instant as `YYYY-MM-DDTHH:mm:ss±HH:mm` in the given offset. */
export function formatWithOffset(epochMs: number, offset: number): string {
	const shifted = new Date(epochMs + offset * 60000);
	const millis = shifted.getUTCMilliseconds();
	const sign = offset < 0 ? '-' : '+';
	return (
		`${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}` +
		`T${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}:${pad(shifted.getUTCSeconds())}` +
		(millis ? `.${pad(millis, 3)}` : '') +
		`${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`
	);
}

/** The wall clock that `timeZone` shows at the instant, written as if it were UTC (the inverse of wallTimeToEpoch). */
export function epochToWallTime(epochMs: number, timeZone: string): number {
	return epochMs + offsetMinutes(epochMs, timeZone) * 60000;
}

export function formatInTimeZone(epochMs: number, timeZone: string): string {
	return formatWithOffset(epochMs, offsetMinutes(epochMs, timeZone));
}

function fromEpochMs(epochMs: number, field: string, original: unknown, timeZone: string): ApiTime {
	if (!Number.isFinite(epochMs)) throw new InputError(field, original, FORMAT_FIX, 'is not a time');
	if (Math.abs(epochMs) < SMALLEST_EPOCH_MS) {
		throw new InputError(
			field,
			original,
			'Epoch values must be in milliseconds: multiply seconds by 1000.',
			'looks like epoch seconds',
		);
	}
	return { iso: formatInTimeZone(epochMs, timeZone), epochMs };
}

function parseOffset(text: string): number {
	if (text.toUpperCase() === 'Z') return 0;
	const digits = text.replace(':', '');
	const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
	return digits.startsWith('-') ? -minutes : minutes;
}

function fromIsoString(
	text: string,
	field: string,
	timeZone: string,
	offsetRequired: boolean,
): ApiTime {
	const match = ISO_PATTERN.exec(text.trim());
	if (!match) throw new InputError(field, text, FORMAT_FIX, 'is not a time HighLevel can take');
	const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', offsetText] =
		match;
	const millis = Number(fraction.padEnd(3, '0').slice(0, 3));
	const wallAsUtc = Date.UTC(
		Number(year),
		Number(month) - 1,
		Number(day),
		Number(hour),
		Number(minute),
		Number(second),
		millis,
	);
	const check = new Date(wallAsUtc);
	// Date.UTC silently rolls 2026-02-30 over to March; a calendar mistake must be an error instead.
	if (
		check.getUTCFullYear() !== Number(year) ||
		check.getUTCMonth() !== Number(month) - 1 ||
		check.getUTCDate() !== Number(day) ||
		check.getUTCHours() !== Number(hour) ||
		check.getUTCMinutes() !== Number(minute) ||
		check.getUTCSeconds() !== Number(second)
	) {
		throw new InputError(field, text, FORMAT_FIX, 'is not a real date and time');
	}
	if (offsetText !== undefined) {
		const offset = parseOffset(offsetText);
		if (Math.abs(offset) > 18 * 60)
			throw new InputError(field, text, FORMAT_FIX, 'has an impossible UTC offset');
		const epochMs = wallAsUtc - offset * 60000;
		return { iso: formatWithOffset(epochMs, offset), epochMs };
	}
	if (offsetRequired) throw new InputError(field, text, OFFSET_FIX, 'has no UTC offset');
	const epochMs = wallTimeToEpoch(wallAsUtc, timeZone);
	return { iso: formatInTimeZone(epochMs, timeZone), epochMs };
}

interface DateTimeLike {
	isValid: boolean;
	toMillis(): number;
	offset: number;
}

function isDateTimeLike(value: unknown): value is DateTimeLike {
	return (
		typeof value === 'object' &&
		value !== null &&
		typeof (value as DateTimeLike).toMillis === 'function' &&
		typeof (value as DateTimeLike).isValid === 'boolean'
	);
}

/**
 * Reads a time given in any form n8n users have, and returns it as HighLevel wants it.
 * A value with its own offset keeps it; a value without one is read in `timeZone`, or refused
 * when `offsetRequired` (a tool's input without the Time Zone option, see hooks/request.ts).
 */
export function toApiTime(
	value: unknown,
	field: string,
	timeZone: string,
	offsetRequired = false,
): ApiTime {
	if (isDateTimeLike(value)) {
		if (!value.isValid)
			throw new InputError(field, String(value), FORMAT_FIX, 'is an invalid DateTime');
		const epochMs = value.toMillis();
		return { iso: formatWithOffset(epochMs, value.offset), epochMs };
	}
	if (value instanceof Date) return fromEpochMs(value.getTime(), field, value, timeZone);
	if (typeof value === 'number') return fromEpochMs(value, field, value, timeZone);
	if (typeof value === 'string') {
		const text = value.trim();
		if (/^-?\d+$/.test(text)) return fromEpochMs(Number(text), field, value, timeZone);
		return fromIsoString(text, field, timeZone, offsetRequired);
	}
	throw new InputError(field, value, FORMAT_FIX, 'is not a time');
}

/** "The end must be after the start", for every pair of times the node reads (one message). */
export function assertEndAfterStart(
	start: ApiTime,
	end: ApiTime,
	fields: { start: string; end: string } = { start: 'startTime', end: 'endTime' },
): void {
	if (end.epochMs > start.epochMs) return;
	throw new InputError(
		fields.end,
		end.iso,
		`Set an ${fields.end} after ${fields.start} (${start.iso}).`,
		`is not after ${fields.start}`,
		[fields.start, fields.end],
	);
}
