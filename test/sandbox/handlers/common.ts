// What every handler shares. By the time a handler runs, prepare.ts has checked the token, scope,
// Version header, the spec's parameters and body schema, the 422 rules and the location, so
// handlers only apply HighLevel's business rules.
import { parseIsoTime } from '../rules';
import type { AppliedWrite } from '../types';
import type { AppointmentRecord, CalendarRecord, LocationRecord, UserRecord } from '../records';
import type { SandboxStore } from '../store';

export interface Reply {
	status: number;
	body: unknown;
	/** Headers of this answer (the authorization page's redirect has a Location). */
	headers?: Record<string, string>;
	/** `body` is an HTML page, sent as is; otherwise it is sent as JSON. */
	html?: boolean;
	/**
	 * What the handler changed, for `stats.applied`, when its route is not one apply.ts knows
	 * (WRITES): the handler knows whether anything changed and the id of what it created.
	 */
	applied?: Pick<AppliedWrite, 'kind' | 'id'>;
}

/** Thrown anywhere in a request's handling; its status and body are the answer. */
export class HttpError extends Error {
	constructor(
		readonly status: number,
		readonly body: Record<string, unknown>,
	) {
		super(typeof body.message === 'string' ? body.message : `HTTP ${status}`);
	}
}

export const fail = (status: number, message: string | string[]): HttpError =>
	new HttpError(
		status,
		status === 422
			? { statusCode: 422, message, error: 'Unprocessable Entity' }
			: { statusCode: status, message },
	);

export interface HandlerContext {
	store: SandboxStore;
	locationId: string;
	params: Record<string, string>;
	query: Record<string, string | string[]>;
	body: Record<string, unknown>;
	/** The parsed body as sent, also when it is not an object (a list of notifications). */
	payload: unknown;
	getAppointmentEnvelope: 'event' | 'appointment';
	responseStyle: 'spec' | 'live';
}

export type Handler = (ctx: HandlerContext) => Reply;

/** `o` without its undefined fields, so "not sent" never overwrites and never shows in JSON. */
export const compact = <T extends object>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } =>
	Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as {
		[K in keyof T]?: Exclude<T[K], undefined>;
	};

/** A query value that was sent once and is not empty. */
export const single = (v: string | string[] | undefined): string | undefined =>
	typeof v === 'string' && v !== '' ? v : undefined;

export const time = (iso: string): number => parseIsoTime(iso) ?? Date.parse(iso);

/** Half-open intervals [start, end) overlap. */
export const overlaps = (aStart: number, aEnd: number, bStart: number, bEnd: number): boolean =>
	aStart < bEnd && bStart < aEnd;

/** Occupies its time: cancelled and deleted appointments (and occurrences) free their slot. */
export const blocksTime = (a: Pick<AppointmentRecord, 'deleted' | 'appointmentStatus'>): boolean =>
	!a.deleted && a.appointmentStatus !== 'cancelled';

export const slotMinutes = (c: CalendarRecord): number =>
	c.slotDuration * (c.slotDurationUnit === 'hours' ? 60 : 1);

/** Records of another location are refused, not hidden: HighLevel answers 403 for those. */
export function ownedOrThrow<T extends { locationId: string }>(
	ctx: HandlerContext,
	record: T | undefined,
	notFound: string,
): T {
	if (!record) throw fail(404, notFound);
	if (record.locationId !== ctx.locationId)
		throw fail(403, 'The token does not have access to this location');
	return record;
}

// Ids named in a body or query (not the path) that do not exist are a bad request, not a
// missing resource: the resource asked for is the appointment, slot or list.
export function findCalendar(ctx: HandlerContext, id: string): CalendarRecord {
	const calendar = ctx.store.calendars.get(id);
	if (!calendar || calendar.locationId !== ctx.locationId)
		throw fail(400, `Calendar not found: ${id}`);
	return calendar;
}

export function findUser(ctx: HandlerContext, id: string): UserRecord {
	const user = ctx.store.users.get(id);
	if (!user || user.locationId !== ctx.locationId) throw fail(400, `User not found: ${id}`);
	return user;
}

export function tokenLocation(ctx: HandlerContext): LocationRecord {
	const location = ctx.store.locations.get(ctx.locationId);
	if (!location) throw fail(404, 'Location not found');
	return location;
}

/**
 * A service menu record's name and slug: not blank (class-validator's IsNotEmpty: a 422), and a
 * slug no other record of the location has (a bad request, as for calendar groups). `others` are
 * the location's records of that kind; `except` the one being updated.
 */
export function checkNameAndSlug(
	body: { name?: string; slug?: string },
	others: Array<{ id: string; slug?: unknown }>,
	except: string | undefined,
	what: string,
): void {
	const blank = (['name', 'slug'] as const).filter(
		(f) => body[f] !== undefined && body[f].trim() === '',
	);
	if (blank.length > 0)
		throw fail(
			422,
			blank.map((f) => `${f} should not be empty`),
		);
	if (body.slug !== undefined && others.some((o) => o.slug === body.slug && o.id !== except))
		throw fail(400, `Slug "${body.slug}" is already used by another ${what} of this location`);
}
