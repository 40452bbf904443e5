// Wall-clock arithmetic in IANA time zones with nothing but Intl, which Node ships with full ICU.
// Free slots are computed in the zone the client asks for, and contact appointments are written
// in the location's zone, so both directions (instant -> wall clock -> instant) are needed.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
	let f = formatters.get(zone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', {
			timeZone: zone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		});
		formatters.set(zone, f);
	}
	return f;
}

/** True for a zone name Intl knows (`America/New_York`, `UTC`), false for anything else. */
export function isTimeZone(zone: string): boolean {
	try {
		formatter(zone);
		return true;
	} catch {
		return false;
	}
}

export interface WallClock {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
}

export function wallClock(ms: number, zone: string): WallClock {
	const parts = Object.fromEntries(
		formatter(zone)
			.formatToParts(new Date(ms))
			.map((p) => [p.type, p.value]),
	);
	return {
		year: Number(parts.year),
		month: Number(parts.month),
		day: Number(parts.day),
		hour: Number(parts.hour),
		minute: Number(parts.minute),
		second: Number(parts.second),
	};
}

/** Minutes `zone` is ahead of UTC at instant `ms` (New York in summer: -240). */
export function offsetMinutes(ms: number, zone: string): number {
	const w = wallClock(ms, zone);
	const wallAsUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
	return Math.round((wallAsUtc - (ms - (((ms % 1000) + 1000) % 1000))) / 60_000);
}

/** The instant a wall clock in `zone` shows the given time. Second pass settles DST edges. */
export function instantOf(w: Omit<WallClock, 'second'>, zone: string): number {
	const wallAsUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
	const first = wallAsUtc - offsetMinutes(wallAsUtc, zone) * 60_000;
	return wallAsUtc - offsetMinutes(first, zone) * 60_000;
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** `YYYY-MM-DD` of the wall clock. */
export const dateKey = (w: Pick<WallClock, 'year' | 'month' | 'day'>): string =>
	`${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;

/** `2024-10-28T10:00:00-04:00`: ISO 8601 with the zone's offset at that instant. */
export function isoInZone(ms: number, zone: string): string {
	const w = wallClock(ms, zone);
	const offset = offsetMinutes(ms, zone);
	const sign = offset < 0 ? '-' : '+';
	return `${dateKey(w)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}

/** `2021-07-16 11:00:00`: the offset-less form the Contacts API writes appointment times in. */
export function localDateTime(ms: number, zone: string): string {
	const w = wallClock(ms, zone);
	return `${dateKey(w)} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
}
