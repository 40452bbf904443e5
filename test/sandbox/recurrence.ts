// Recurring appointments. HighLevel keeps an RFC 5545 RRULE, with EXDATE lines after it, on one
// master appointment, and list events answers with one event per occurrence: the master's fields,
// its own times, `masterEventId`, and an instance id `<masterId>_<start in epoch ms>_<duration in
// seconds>`, which GET, PUT and DELETE take to address that one occurrence. DTSTART is not part
// of the rule: the series starts at the master's startTime (a DTSTART line is ignored).
//
// Time zone. Occurrences are generated on the wall clock of the master's location
// (LocationRecord.timezone, SANDBOX_LOCATION_TIMEZONE = America/New_York for the seed): the
// master's start is read as a wall-clock time there and every occurrence keeps that wall time,
// so a weekly 09:00 New York series is 09:00-05:00 in winter and 09:00-04:00 in summer. The
// offset the master was written with is not taken for its zone: an offset carries no DST rules,
// and HighLevel documents no per-appointment zone. So a master written as 15:00+05:30 starts at
// that instant (04:30 in New York in January), and later occurrences stay at 04:30 New York,
// not at 15:00+05:30. Generated occurrences are written with the zone's offset on their date.
//
// The rule is expanded on "floating" dates (the wall clock written as UTC), which is how rrule
// is meant to be used across DST: UNTIL and EXDATE given in UTC are moved onto that clock first.
// rrule's own behaviour decides the rest: COUNT counts from the series' start, EXDATE removes
// occurrences after COUNT has counted them, and a start that the rule does not generate (a
// Monday start for BYDAY=TU) is not an occurrence (RFC 5545 leaves that case undefined).
import { type Options, RRule } from 'rrule';
import type { AppointmentRecord, InstanceOverride } from './records';
import type { SandboxStore } from './store';
import { SANDBOX_LOCATION_TIMEZONE } from './seedIds';
import { dateKey, instantOf, isoInZone, isTimeZone, wallClock, type WallClock } from './zones';

/** At most this many occurrences of one series in one answer, the earliest first. */
export const MAX_INSTANCES_PER_MASTER = 1000;
/** Occurrences past this many from a series' start are never generated (bounds FREQ=MINUTELY and the like). */
export const MAX_GENERATED_PER_MASTER = 100_000;

const DAY_MS = 86_400_000;

// ---------------------------------------------------------------------------------------------
// Reading the rule text

const FREQUENCIES = ['YEARLY', 'MONTHLY', 'WEEKLY', 'DAILY', 'HOURLY', 'MINUTELY', 'SECONDLY'];
const WEEKDAY = /^(MO|TU|WE|TH|FR|SA|SU)$/;
const BYDAY_ITEM = /^([+-]?([1-9]|[1-4]\d|5[0-3]))?(MO|TU|WE|TH|FR|SA|SU)$/;

const intIn = (min: number, max: number, signed: boolean) => (v: string) => {
	if (!(signed ? /^[+-]?\d{1,3}$/ : /^\d{1,3}$/).test(v)) return false;
	const n = Math.abs(Number(v));
	return n >= min && n <= max && !(signed && n === 0);
};
const listOf = (item: (v: string) => boolean) => (v: string) => v.split(',').every(item);
const positive = (v: string) => /^[1-9]\d{0,8}$/.test(v);

/** RRULE parts the sandbox understands, and what each value must look like. */
const PARTS: Record<string, { check: (v: string) => boolean; expected: string }> = {
	FREQ: { check: (v) => FREQUENCIES.includes(v), expected: `one of ${FREQUENCIES.join(', ')}` },
	INTERVAL: { check: positive, expected: 'a positive integer' },
	COUNT: { check: positive, expected: 'a positive integer' },
	UNTIL: {
		check: (v) => parseStamp(v) !== undefined,
		expected: 'a date (20210623) or date-time (20210623T043000Z)',
	},
	BYDAY: {
		check: listOf((v) => BYDAY_ITEM.test(v)),
		expected: 'weekdays such as MO,WE or 1MO,-1FR',
	},
	BYMONTH: { check: listOf(intIn(1, 12, false)), expected: 'months 1 to 12' },
	BYMONTHDAY: { check: listOf(intIn(1, 31, true)), expected: 'days 1 to 31 or -31 to -1' },
	BYYEARDAY: { check: listOf(intIn(1, 366, true)), expected: 'days 1 to 366 or -366 to -1' },
	BYWEEKNO: { check: listOf(intIn(1, 53, true)), expected: 'weeks 1 to 53 or -53 to -1' },
	BYHOUR: { check: listOf(intIn(0, 23, false)), expected: 'hours 0 to 23' },
	BYMINUTE: { check: listOf(intIn(0, 59, false)), expected: 'minutes 0 to 59' },
	BYSECOND: { check: listOf(intIn(0, 60, false)), expected: 'seconds 0 to 60' },
	BYSETPOS: { check: listOf(intIn(1, 366, true)), expected: 'positions 1 to 366 or -366 to -1' },
	WKST: { check: (v) => WEEKDAY.test(v), expected: 'a weekday such as MO' },
};

/** An iCalendar DATE or DATE-TIME value: `20211105`, `20211105T040000` (floating) or `20211105T040000Z`. */
interface Stamp {
	wall: WallClock;
	dateOnly: boolean;
	utc: boolean;
}

function parseStamp(v: string): Stamp | undefined {
	const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/.exec(v);
	if (!m) return undefined;
	const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0));
	const check = new Date(Date.UTC(year, month - 1, day));
	if (
		check.getUTCMonth() !== month - 1 ||
		check.getUTCDate() !== day ||
		hour > 23 ||
		minute > 59 ||
		second > 59
	)
		return undefined;
	return {
		wall: { year, month, day, hour, minute, second },
		dateOnly: m[4] === undefined,
		utc: m[7] === 'Z',
	};
}

const wallAsUtc = (w: WallClock, ms = 0) =>
	Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, ms);

export interface ParsedRecurrence {
	/** Why the text is not a rule HighLevel could store: answered with 422. */
	errors: string[];
	/** Lines that are valid iCalendar but not modelled by the sandbox (RDATE, EXRULE): answered with 501. */
	unsupported: string[];
	/** The RRULE's parts, by upper-case name. */
	parts: Map<string, string>;
	exdates: Array<{ stamp: Stamp; tzid?: string }>;
}

/**
 * Reads `RRULE:...` (or a bare `FREQ=...`), then any `EXDATE[;TZID=zone|;VALUE=DATE]:v1,v2` lines,
 * one per line (real newlines: a literal backslash-n is not a line break). DTSTART is ignored.
 */
export function parseRecurrence(text: string): ParsedRecurrence {
	const result: ParsedRecurrence = { errors: [], unsupported: [], parts: new Map(), exdates: [] };
	const { errors } = result;
	let rules = 0;
	for (const line of text
		.split(/\r?\n/)
		.map((l) => l.trim())
		.filter((l) => l !== '')) {
		const m = /^([A-Za-z-]+)((?:;[^:;]+)*):(.*)$/.exec(line);
		const [name, params, value] = m
			? [m[1].toUpperCase(), m[2], m[3]]
			: /^FREQ=/i.test(line)
				? ['RRULE', '', line]
				: ['', '', ''];
		if (name === 'RRULE') {
			if (++rules > 1) errors.push('rrule must hold a single RRULE line');
			for (const part of value.split(';')) {
				const kv = /^([A-Za-z]+)=(.+)$/.exec(part);
				const key = kv?.[1].toUpperCase() ?? part;
				const spec = PARTS[key];
				if (!kv || !spec) errors.push(`rrule: unknown RRULE part "${part}"`);
				else if (result.parts.has(key)) errors.push(`rrule: ${key} is given twice`);
				else if (!spec.check(kv[2].toUpperCase()))
					errors.push(`rrule: ${key} must be ${spec.expected}, got "${kv[2]}"`);
				else result.parts.set(key, kv[2].toUpperCase());
			}
		} else if (name === 'EXDATE') {
			const tzid = /;TZID=([^;]+)/i.exec(params)?.[1];
			if (tzid !== undefined && !isTimeZone(tzid))
				errors.push(`rrule: EXDATE TZID "${tzid}" is not a time zone`);
			for (const v of value.split(',')) {
				const stamp = parseStamp(v.trim().toUpperCase());
				if (stamp) result.exdates.push({ stamp, tzid });
				else
					errors.push(
						`rrule: EXDATE value "${v}" must be a date (20211105) or date-time (20211105T040000Z)`,
					);
			}
		} else if (name === 'RDATE' || name === 'EXRULE') {
			result.unsupported.push(name);
		} else if (name !== 'DTSTART') {
			errors.push(
				`rrule: cannot read line "${line}"; expected RRULE:... followed by EXDATE:... lines`,
			);
		}
	}
	if (rules === 0)
		errors.push('rrule must start with an RRULE line, e.g. RRULE:FREQ=WEEKLY;COUNT=5');
	else if (!result.parts.has('FREQ') && errors.length === 0) errors.push('rrule: FREQ is required');
	if (result.parts.has('COUNT') && result.parts.has('UNTIL'))
		errors.push('rrule: COUNT and UNTIL cannot both be set');
	return result;
}

/** The 422 rule for create and update: an rrule that would be applied must be readable. */
export function rruleErrors(body: Record<string, unknown>): string[] {
	if (typeof body.rrule !== 'string' || body.ignoreFreeSlotValidation !== true) return [];
	return parseRecurrence(body.rrule).errors;
}

// ---------------------------------------------------------------------------------------------
// Expanding a series

export interface Series {
	masterId: string;
	zone: string;
	/** The master's start and length: every occurrence lasts as long. */
	start: number;
	durationMs: number;
	durationSeconds: number;
	rule: RRule;
	exInstants: Set<number>;
	/** EXDATE;VALUE=DATE: every occurrence on that date (on the zone's clock) is skipped. */
	exDays: Set<string>;
}

export interface Occurrence {
	id: string;
	start: number;
	end: number;
}

/** Dates beyond this are invalid in JavaScript; windows reaching past it are clipped. */
const LAST_MS = 8.64e15 - 2 * DAY_MS;

/** `ms` on `zone`'s wall clock, written as if that clock were UTC. */
function floating(ms: number, zone: string): number {
	const t = Math.max(-LAST_MS, Math.min(LAST_MS, ms));
	return wallAsUtc(wallClock(t, zone), ((t % 1000) + 1000) % 1000);
}

function fromFloating(d: Date, zone: string): number {
	const wall = {
		year: d.getUTCFullYear(),
		month: d.getUTCMonth() + 1,
		day: d.getUTCDate(),
		hour: d.getUTCHours(),
	};
	return (
		instantOf({ ...wall, minute: d.getUTCMinutes() }, zone) +
		d.getUTCSeconds() * 1000 +
		d.getUTCMilliseconds()
	);
}

/** Undefined for an appointment that is not a series. Throws for a stored rule that does not parse. */
export function compileSeries(
	master: Pick<AppointmentRecord, 'id' | 'isRecurring' | 'rrule' | 'startTime' | 'endTime'>,
	zone: string,
): Series | undefined {
	if (!master.isRecurring || !master.rrule) return undefined;
	const parsed = parseRecurrence(master.rrule);
	if (parsed.errors.length > 0 || parsed.unsupported.length > 0) {
		throw new Error(
			`stored rrule of ${master.id} cannot be expanded: ${[...parsed.errors, ...parsed.unsupported].join('; ')}`,
		);
	}
	const start = Date.parse(master.startTime);
	const durationMs = Date.parse(master.endTime) - start;
	const { UNTIL: until, ...rest } = Object.fromEntries(parsed.parts);
	const options: Partial<Options> = RRule.parseString(
		`RRULE:${Object.entries(rest)
			.map(([k, v]) => `${k}=${v}`)
			.join(';')}`,
	);
	const untilStamp = until === undefined ? undefined : parseStamp(until)!;
	let untilFloating: number | undefined;
	if (untilStamp?.utc) untilFloating = floating(wallAsUtc(untilStamp.wall), zone);
	else if (untilStamp?.dateOnly)
		untilFloating = wallAsUtc(untilStamp.wall) + DAY_MS - 1; // the whole day
	else if (untilStamp) untilFloating = wallAsUtc(untilStamp.wall);
	const dtstart = new Date(floating(start, zone));
	const rule = new RRule(
		{
			...options,
			dtstart,
			until: untilFloating === undefined ? null : new Date(untilFloating),
			tzid: null,
		},
		true,
	);
	const exInstants = new Set<number>();
	const exDays = new Set<string>();
	for (const { stamp, tzid } of parsed.exdates) {
		if (stamp.dateOnly) exDays.add(dateKey(stamp.wall));
		else if (stamp.utc) exInstants.add(wallAsUtc(stamp.wall));
		else exInstants.add(instantOf(stamp.wall, tzid ?? zone) + stamp.wall.second * 1000);
	}
	return {
		masterId: master.id,
		zone,
		start,
		durationMs,
		durationSeconds: Math.round(durationMs / 1000),
		rule,
		exInstants,
		exDays,
	};
}

export const instanceId = (masterId: string, start: number, durationSeconds: number): string =>
	`${masterId}_${start}_${durationSeconds}`;

/** The parts of `<masterId>_<epoch ms>_<seconds>`, or undefined for an id of another shape. */
export function parseInstanceId(
	id: string,
): { masterId: string; start: number; durationSeconds: number } | undefined {
	const m = /^(.+)_(\d{1,16})_(\d{1,10})$/.exec(id);
	return m ? { masterId: m[1], start: Number(m[2]), durationSeconds: Number(m[3]) } : undefined;
}

/**
 * The occurrences that overlap [from, to), earliest first, at most `cap` of them; EXDATEs
 * skipped. Generation runs from the series' start and stops past the window.
 */
export function occurrences(
	series: Series,
	from: number,
	to: number,
	cap = MAX_INSTANCES_PER_MASTER,
): Occurrence[] {
	const { zone, durationMs } = series;
	// A day of slack each side: the window is compared exactly below, on instants.
	const lo = floating(from - durationMs, zone) - DAY_MS;
	const hi = floating(to, zone) + DAY_MS;
	const found: Occurrence[] = [];
	series.rule.all((d, generated) => {
		if (generated >= MAX_GENERATED_PER_MASTER || d.getTime() > hi || found.length >= cap)
			return false;
		if (d.getTime() >= lo) {
			const start = fromFloating(d, zone);
			const end = start + durationMs;
			const skipped =
				series.exInstants.has(start) || series.exDays.has(dateKey(wallClock(start, zone)));
			if (start < to && from < end && !skipped) {
				found.push({ id: instanceId(series.masterId, start, series.durationSeconds), start, end });
			}
		}
		return true;
	});
	return found;
}

/** The occurrence an instance id names, if the series has it (not EXDATE'd, same duration). */
export function occurrenceOf(series: Series, id: string): Occurrence | undefined {
	const ref = parseInstanceId(id);
	if (!ref || ref.masterId !== series.masterId || ref.durationSeconds !== series.durationSeconds)
		return undefined;
	return occurrences(series, ref.start, ref.start + 1, Infinity).find((o) => o.start === ref.start);
}

// ---------------------------------------------------------------------------------------------
// Appointments as clients see them: stored ones, and the occurrences of series

/** What GET and list show: a stored appointment, or one occurrence of a series (with masterEventId). */
export type AppointmentView = Omit<AppointmentRecord, 'overrides'> & { masterEventId?: string };

export const locationZone = (store: SandboxStore, locationId: string): string =>
	store.locations.get(locationId)?.timezone ?? SANDBOX_LOCATION_TIMEZONE;

export const seriesOf = (store: SandboxStore, master: AppointmentRecord): Series | undefined =>
	compileSeries(master, locationZone(store, master.locationId));

/** One occurrence: the master's fields, then what was changed on this occurrence alone. */
export function instanceView(
	master: AppointmentRecord,
	series: Series,
	occurrence: Occurrence,
): AppointmentView {
	const { overrides, ...fields } = master;
	const {
		dateUpdated: changedAt,
		deleted: deletedAlone,
		...changed
	}: Partial<InstanceOverride> = overrides?.[occurrence.id] ?? {};
	return {
		...fields,
		...changed,
		id: occurrence.id,
		masterEventId: master.id,
		startTime: changed.startTime ?? isoInZone(occurrence.start, series.zone),
		endTime: changed.endTime ?? isoInZone(occurrence.end, series.zone),
		isRecurring: true,
		deleted: master.deleted || deletedAlone === true,
		dateUpdated:
			changedAt !== undefined && changedAt > master.dateUpdated ? changedAt : master.dateUpdated,
	};
}

const overlapsWindow = (v: { startTime: string; endTime: string }, from: number, to: number) =>
	Date.parse(v.startTime) < to && from < Date.parse(v.endTime);

/**
 * Every live appointment of the location that overlaps [from, to): non-recurring ones as stored,
 * series as their occurrences (a recurring master is not itself an event). An occurrence moved
 * into the window by an override is found too, one moved out of it is not.
 */
export function appointmentsIn(
	store: SandboxStore,
	locationId: string,
	from: number,
	to: number,
): AppointmentView[] {
	const views: AppointmentView[] = [];
	for (const a of store.appointments.values()) {
		if (a.locationId !== locationId || a.deleted) continue;
		const series = seriesOf(store, a);
		if (!series) {
			if (overlapsWindow(a, from, to)) views.push(a);
			continue;
		}
		const found = occurrences(series, from, to);
		const seen = new Set(found.map((o) => o.id));
		for (const id of Object.keys(a.overrides ?? {})) {
			const moved = seen.has(id) ? undefined : occurrenceOf(series, id);
			if (moved) found.push(moved);
		}
		for (const occurrence of found) {
			const view = instanceView(a, series, occurrence);
			if (!view.deleted && overlapsWindow(view, from, to)) views.push(view);
		}
	}
	return views;
}

export interface ResolvedAppointment {
	/** The stored record: the appointment itself, or the series an instance id belongs to. */
	record: AppointmentRecord;
	/** Set when the id named one occurrence of a series. */
	instance?: { series: Series; occurrence: Occurrence };
}

/** An appointment id or an instance id; undefined when neither names anything. */
export function resolveAppointment(
	store: SandboxStore,
	id: string,
): ResolvedAppointment | undefined {
	const stored = store.appointments.get(id);
	if (stored) return { record: stored };
	const ref = parseInstanceId(id);
	const master = ref && store.appointments.get(ref.masterId);
	const series = master && seriesOf(store, master);
	const occurrence = series && occurrenceOf(series, id);
	return master && series && occurrence
		? { record: master, instance: { series, occurrence } }
		: undefined;
}

/** The view of a resolved id: the stored record, or that occurrence. */
export const viewOf = ({ record, instance }: ResolvedAppointment): AppointmentView =>
	instance ? instanceView(record, instance.series, instance.occurrence) : record;

/**
 * After a series changed its rule or times, the overrides of occurrences it no longer has
 * (instance ids follow the start and length) are dropped; undefined when none are left.
 */
export function keptOverrides(
	store: SandboxStore,
	master: AppointmentRecord,
): AppointmentRecord['overrides'] {
	const series = seriesOf(store, master);
	const kept = Object.entries(master.overrides ?? {}).filter(
		([id]) => series && occurrenceOf(series, id),
	);
	return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}
