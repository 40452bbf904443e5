import type { IDataObject } from 'n8n-workflow';
import {
	SERVICE_BOOKING_CREATE_STATUS_NAMES,
	SERVICE_BOOKING_STATUS_NAMES,
} from '../../helpers/constants';
import {
	checkId,
	coerceBoolean,
	coerceText,
	matchOption,
	normalizeTimeRange,
} from '../../helpers/bodyChecks';
import { InputError } from '../../helpers/inputError';
import { isLocator } from '../../helpers/parameters';
import {
	assertTimeZone,
	toApiTime,
	assertEndAfterStart,
	type TimeReading,
} from '../../helpers/time';

/**
 * Checks on a service booking's body (calendars-v3.json: CreatePublicServiceBookingDTO,
 * UpdateServiceBookingDTO) and Get Many's window, pure so
 * test/unit/HighLevelCalendar/resources/serviceBooking tests them alone. Expressions may give a
 * status as the editor names it (No Show), add-ons as JSON or a comma list, a position as text.
 */

export interface ServiceBookingContext extends TimeReading {
	/** The credential's Location ID, the booking's locationId unless Additional Fields names one. */
	credentialLocationId: string;
}

/** Create: a status as HighLevel names it, from the two a create takes. */
export const matchCreateStatus = (value: unknown): string =>
	matchOption('status', trimmed(value), SERVICE_BOOKING_CREATE_STATUS_NAMES);

/** Update: any of the six statuses (No Show, NO_SHOW and no_show alike). */
export const matchStatus = (value: unknown): string =>
	matchOption('status', trimmed(value), SERVICE_BOOKING_STATUS_NAMES);

const trimmed = (value: unknown) => (typeof value === 'string' ? value.trim() : value);

/** A picker's id or the value itself, trimmed; '' when nothing is set. */
function idText(value: unknown): IDataObject[string] {
	const raw = isLocator(value) ? value.value : value;
	if (raw === undefined || raw === null) return '';
	if (typeof raw === 'number') return String(raw);
	return typeof raw === 'string' ? raw.trim() : (raw as IDataObject[string]);
}

const SERVICES_FIX =
	'Add each service booked under Services, with its Service ID (from Service: Get Many).';

/** One entry's add-ons (ServiceAddOnDTO): a JSON list, a list from an expression, or add-on IDs separated by commas. */
function readAddOns(value: unknown, entry: number): IDataObject[] | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	let list: unknown = value;
	if (typeof value === 'string') {
		const text = value.trim();
		if (text === '') return undefined;
		if (text.startsWith('[') || text.startsWith('{')) {
			// The parser's complaint is not kept: the fix names the shape wanted.
			let parsed = true;
			try {
				list = JSON.parse(text);
			} catch {
				parsed = false;
			}
			if (!parsed) {
				throw new InputError(
					'services',
					value,
					'Give add-ons as a JSON list such as [{"id": "addon1", "quantity": 2}], or as add-on IDs separated by commas.',
					`has add-ons that are not valid JSON (service ${entry})`,
				);
			}
		} else {
			list = text.split(',');
		}
	}
	if (!Array.isArray(list)) list = [list];
	return (list as unknown[])
		.map((addOn) => (typeof addOn === 'object' && addOn !== null ? addOn : { id: addOn }))
		.map((addOn) => {
			const { id, ID, quantity, duration } = addOn as IDataObject;
			const checked: IDataObject = { id: idText(id ?? ID) };
			if (typeof checked.id !== 'string' || checked.id === '') {
				throw new InputError(
					'services',
					value,
					'Each add-on needs its id.',
					`has an add-on without an id (service ${entry})`,
				);
			}
			for (const [field, number] of [
				['quantity', quantity],
				['duration', duration],
			] as const) {
				if (number === undefined || number === '') continue;
				const parsed = typeof number === 'string' ? Number(number.trim()) : number;
				if (typeof parsed !== 'number' || !Number.isFinite(parsed) || parsed < 0) {
					throw new InputError(
						'services',
						value,
						`Give the add-on's ${field} as a number, 0 or more${field === 'duration' ? ' (minutes)' : ''}.`,
						`has an add-on ${field} that is not a number (service ${entry})`,
					);
				}
				checked[field] = parsed;
			}
			return checked;
		})
		.filter((addOn) => addOn.id !== '');
}

/**
 * The Services list (CreateBookingServiceDTO[]): the editor's `{ service: [...] }`, or a list from
 * an expression. Each needs its service id; staffId is left out when empty; position is the list's
 * order unless one is given.
 */
export function normalizeServices(raw: unknown): IDataObject[] | undefined {
	const entries: unknown =
		typeof raw === 'object' && raw !== null && !Array.isArray(raw)
			? (raw as IDataObject).service
			: raw;
	if (entries === undefined || entries === null || entries === '') return undefined;
	if (!Array.isArray(entries)) {
		throw new InputError('services', raw, SERVICES_FIX, 'is not a list of services');
	}
	return entries.map((entry, index) => {
		const given = (
			typeof entry === 'object' && entry !== null ? entry : { id: entry }
		) as IDataObject;
		const service: IDataObject = { id: idText(given.id) };
		if (typeof service.id !== 'string' || service.id === '') {
			throw new InputError(
				'services',
				given.id,
				SERVICES_FIX,
				`has a service without a Service ID (service ${index + 1})`,
			);
		}
		const staffId = idText(given.staffId);
		if (typeof staffId !== 'string') {
			throw new InputError(
				'services',
				staffId,
				'Give the staff member as a user ID.',
				`has a staff ID that is not text (service ${index + 1})`,
			);
		}
		if (staffId !== '') service.staffId = staffId;
		const position =
			given.position === undefined || given.position === '' || given.position === null
				? index
				: typeof given.position === 'string'
					? Number(given.position.trim())
					: given.position;
		if (typeof position !== 'number' || !Number.isInteger(position) || position < 0) {
			throw new InputError(
				'services',
				given.position,
				'Give the position as a whole number, 0 or more, or leave it empty to use the list order.',
				`has a position that is not a whole number (service ${index + 1})`,
			);
		}
		service.position = position;
		const addOns = readAddOns(given.addOns, index + 1);
		if (addOns?.length) service.addOns = addOns;
		return service;
	});
}

/** The text fields both bodies share; an empty one is left out rather than sent empty. */
function normalizeTexts(body: IDataObject): void {
	for (const field of ['title', 'meetingLocation']) {
		coerceText(body, field);
		if (body[field] === '') delete body[field];
	}
	if (body.serviceLocationId === '') delete body.serviceLocationId;
	else if (isLocator(body.serviceLocationId))
		body.serviceLocationId = idText(body.serviceLocationId);
	checkId(body, 'serviceLocationId', false);
}

/**
 * POST /calendars/services/bookings: contactId, startTime, endTime, timezone and at least one
 * service. The booking's timezone, which HighLevel requires: Additional Fields > Time Zone, else
 * the zone times without an offset are read in (Options > Time Zone, else the workflow's).
 */
export function normalizeServiceBookingCreate(
	body: IDataObject,
	services: unknown,
	context: ServiceBookingContext,
): IDataObject {
	if (body.locationId === undefined || body.locationId === '')
		body.locationId = context.credentialLocationId;
	checkId(body, 'locationId', true);
	checkId(body, 'contactId', true);
	for (const [field, example] of [
		['startTime', '2026-06-23T09:30:00-04:00'],
		['endTime', '2026-06-23T10:00:00-04:00'],
	]) {
		if (body[field] === undefined || body[field] === '') {
			throw new InputError(
				field,
				body[field],
				`Set when the booking ${field === 'startTime' ? 'starts' : 'ends'}, e.g. ${example}.`,
				'is required',
			);
		}
	}
	normalizeTimeRange(body, context);
	body.timezone =
		body.timezone === undefined || body.timezone === ''
			? context.timeZone
			: assertTimeZone(trimmed(body.timezone), 'timezone');
	const list = normalizeServices(services);
	if (!list?.length) throw new InputError('services', services, SERVICES_FIX, 'is empty');
	body.services = list;
	normalizeTexts(body);
	if (body.status === '') delete body.status;
	if (body.status !== undefined) body.status = matchCreateStatus(body.status);
	return body;
}

/**
 * PUT /calendars/services/bookings/{bookingId}: only what is given, at least one field. Services,
 * when given, replace the booking's services (UpdateServiceBookingDTO).
 */
export function normalizeServiceBookingUpdate(
	body: IDataObject,
	services: unknown,
	context: ServiceBookingContext,
): IDataObject {
	const list = normalizeServices(services);
	if (list?.length) body.services = list;
	if (Object.keys(body).length === 0) {
		throw new InputError(
			'serviceBookingUpdateFields',
			undefined,
			"Add at least one field to Update Fields, or the services that replace the booking's.",
			'is empty',
		);
	}
	for (const field of ['startTime', 'endTime']) if (body[field] === '') delete body[field];
	normalizeTimeRange(body, context);
	if (body.timezone === '') delete body.timezone;
	if (body.timezone !== undefined)
		body.timezone = assertTimeZone(trimmed(body.timezone), 'timezone');
	normalizeTexts(body);
	if (body.status === '') delete body.status;
	if (body.status !== undefined) body.status = matchStatus(body.status);
	return body;
}

/**
 * GET /calendars/services/bookings: the window as epoch milliseconds (the spec's "timestamp in
 * milliseconds as string"), the reading zone as `timezone` (HighLevel answers times in it), the
 * credential's location, and the Service Location filter.
 */
export function normalizeServiceBookingWindow(
	qs: IDataObject,
	context: ServiceBookingContext,
): IDataObject {
	const { timeZone, offsetRequired = false } = context;
	const start = toApiTime(qs.startTime, 'startTime', timeZone, offsetRequired);
	const end = toApiTime(qs.endTime, 'endTime', timeZone, offsetRequired);
	assertEndAfterStart(start, end);
	const query: IDataObject = {
		locationId: context.credentialLocationId,
		startTime: String(start.epochMs),
		endTime: String(end.epochMs),
		timezone: timeZone,
	};
	const serviceLocationId = idText(qs.serviceLocationId);
	if (serviceLocationId !== '') {
		query.serviceLocationId = serviceLocationId;
		checkId(query, 'serviceLocationId', false);
	}
	return query;
}

/** Options > Override Availability and Skip Scheduling Notice, as the query's booleans. */
export function bookingFlags(options: IDataObject): IDataObject {
	const flags: IDataObject = {};
	for (const field of ['overrideAvailability', 'skipSchedulingNotice']) {
		if (options[field] === undefined || options[field] === '') continue;
		flags[field] = options[field];
		coerceBoolean(flags, field);
	}
	return flags;
}
