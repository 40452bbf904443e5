// Service bookings (Calendars API v3): listed in a time window, fetched, created, updated and
// deleted. prepare.ts has checked the Version (v3 only), the scopes, the query (the window's
// startTime and endTime are required; overrideAvailability and skipSchedulingNotice are booleans),
// the body against CreatePublicServiceBookingDTO / UpdateServiceBookingDTO (status enums, services'
// `id` required) and, in rules.ts, that body times are ISO 8601 with an offset, end after start,
// and that the list window is in milliseconds.
//
// Where the spec is silent:
// - the operations document only 400 and 401, so business rules answer 400 (ids named in the body:
//   contact, staff, service, service location); an unknown or deleted booking 404 and another
//   location's 403, as everywhere in the sandbox;
// - services are checked against the services catalog only when it has entries (store.services),
//   and their category comes from the catalog's record when it names one;
// - each booked service spans the whole booking (serviceStartTime/serviceEndTime), in `position`
//   order; its staff is the one asked for, else the catalog's first, else none ('');
// - times are answered in the booking's time zone (the list's `timezone` re-renders them);
// - a booking may not overlap another live booking of the same staff unless overrideAvailability
//   is true: the one availability rule the sandbox models;
// - a deleted booking leaves the store: Get, Update and Delete answer 404 for it.
import type { BookedService, ServiceBookingRecord } from '../serviceMenu';
import { SANDBOX_SERVICE_CATEGORY_ID } from '../serviceMenu';
import { SANDBOX_SERVICE_LOCATION_ID } from '../seedIds';
import { newId } from '../store';
import { isoInZone, isTimeZone } from '../zones';
import {
	compact,
	fail,
	findUser,
	type Handler,
	type HandlerContext,
	ownedOrThrow,
	overlaps,
	single,
	time,
} from './common';

/** CreateBookingServiceDTO. */
interface ServiceRequest {
	id: string;
	staffId?: string;
	position?: number;
	addOns?: Array<{ id: string; quantity?: number; duration?: number }>;
}

interface BookingBody {
	contactId?: string;
	startTime?: string;
	endTime?: string;
	timezone?: string;
	services?: ServiceRequest[];
	serviceLocationId?: string;
	meetingLocation?: string;
	title?: string;
	status?: string;
}

/** CreatePublicServiceBookingDTO's required fields are there. */
interface CreateBody extends BookingBody {
	contactId: string;
	startTime: string;
	endTime: string;
	timezone: string;
	services: ServiceRequest[];
}

/** ServiceBookingResponseDTO; `zone` re-renders the times (the list's `timezone`). */
export function serviceBookingDto(b: ServiceBookingRecord, zone = b.timezone) {
	const render = (iso: string) => isoInZone(time(iso), zone);
	return compact({
		bookingId: b.id,
		locationId: b.locationId,
		contactId: b.contactId,
		serviceLocationId: b.serviceLocationId,
		title: b.title,
		startTime: render(b.startTime),
		endTime: render(b.endTime),
		services: b.services.map((s) => ({
			...s,
			serviceStartTime: render(s.serviceStartTime),
			serviceEndTime: render(s.serviceEndTime),
		})),
		timezone: b.timezone,
		status: b.status,
		deleted: b.deleted,
		dateAdded: b.dateAdded,
		dateUpdated: b.dateUpdated,
		createdBy: { ...b.createdBy },
		meetingLocation: b.meetingLocation,
	});
}

const bookingOf = (ctx: HandlerContext): ServiceBookingRecord =>
	ownedOrThrow(
		ctx,
		ctx.store.serviceBookings.get(ctx.params.bookingId),
		`Service booking not found: ${ctx.params.bookingId}`,
	);

function checkContact(ctx: HandlerContext, id: string): void {
	const contact = ctx.store.contacts.get(id);
	if (!contact || contact.locationId !== ctx.locationId)
		throw fail(400, `Contact not found: ${id}`);
}

function checkTimeZone(zone: string): void {
	if (!isTimeZone(zone)) throw fail(400, `timezone must be an IANA time zone, got ${zone}`);
}

/** The catalog's record of a service, if the catalog has entries; unknown ids are refused then. */
function catalogService(ctx: HandlerContext, id: string): Record<string, unknown> | undefined {
	if (ctx.store.services.size === 0) return undefined;
	const service = ctx.store.services.get(id);
	if (!service || service.locationId !== ctx.locationId)
		throw fail(400, `Service not found: ${id}`);
	return service;
}

/** The service location asked for (checked when the store has any), or the default one. */
function serviceLocationFor(ctx: HandlerContext, id: string | undefined): string {
	const ours = [...ctx.store.serviceLocations.values()].filter(
		(l) => l.locationId === ctx.locationId,
	);
	if (id === undefined)
		return (ours.find((l) => l.isDefault === true) ?? ours[0])?.id ?? SANDBOX_SERVICE_LOCATION_ID;
	if (ours.length > 0 && !ours.some((l) => l.id === id))
		throw fail(400, `Service location not found: ${id}`);
	return id;
}

function bookedServices(
	ctx: HandlerContext,
	requested: ServiceRequest[],
	startTime: string,
	endTime: string,
): BookedService[] {
	if (requested.length === 0) throw fail(400, 'services should not be empty');
	return [...requested]
		.map((s, index) => ({ s, index }))
		.sort((a, b) => (a.s.position ?? a.index) - (b.s.position ?? b.index))
		.map(({ s }) => {
			const catalog = catalogService(ctx, s.id);
			const catalogStaff = Array.isArray(catalog?.staffIds) ? catalog.staffIds : [];
			if (s.staffId !== undefined) findUser(ctx, s.staffId);
			return compact({
				id: s.id,
				serviceCategoryId:
					typeof catalog?.categoryId === 'string'
						? catalog.categoryId
						: typeof catalog?.serviceCategoryId === 'string'
							? catalog.serviceCategoryId
							: SANDBOX_SERVICE_CATEGORY_ID,
				serviceStaffId: s.staffId ?? String(catalogStaff[0] ?? ''),
				serviceStartTime: startTime,
				serviceEndTime: endTime,
				serviceAddOns: s.addOns?.map((a) => compact({ id: a.id, quantity: a.quantity })),
			}) as BookedService;
		});
}

const live = (b: ServiceBookingRecord) => !b.deleted && b.status !== 'cancelled';

/** The availability rule: a staff member is in one live booking at a time. */
function checkAvailability(ctx: HandlerContext, booking: ServiceBookingRecord): void {
	if (ctx.query.overrideAvailability === 'true' || !live(booking)) return;
	const staff = new Set(booking.services.map((s) => s.serviceStaffId).filter((s) => s !== ''));
	const start = time(booking.startTime);
	const end = time(booking.endTime);
	for (const other of ctx.store.serviceBookings.values()) {
		if (other.id === booking.id || other.locationId !== ctx.locationId || !live(other)) continue;
		const clash = other.services.some((s) => staff.has(s.serviceStaffId));
		if (clash && overlaps(start, end, time(other.startTime), time(other.endTime)))
			throw fail(400, 'The slot you have selected is no longer available');
	}
}

/** ServiceBookingsListResponseDTO: live and cancelled bookings overlapping [startTime, endTime). */
export const listServiceBookings: Handler = (ctx) => {
	const start = Number(single(ctx.query.startTime));
	const end = Number(single(ctx.query.endTime));
	const zone = single(ctx.query.timezone);
	if (zone !== undefined) checkTimeZone(zone);
	const serviceLocationId = single(ctx.query.serviceLocationId);
	const bookings = [...ctx.store.serviceBookings.values()]
		.filter(
			(b) =>
				b.locationId === ctx.locationId &&
				!b.deleted &&
				(serviceLocationId === undefined || b.serviceLocationId === serviceLocationId) &&
				overlaps(time(b.startTime), time(b.endTime), start, end),
		)
		.sort((a, b) => time(a.startTime) - time(b.startTime));
	return { status: 200, body: { bookings: bookings.map((b) => serviceBookingDto(b, zone)) } };
};

export const getServiceBooking: Handler = (ctx) => ({
	status: 200,
	body: serviceBookingDto(bookingOf(ctx)),
});

export const createServiceBooking: Handler = (ctx) => {
	// The schema made sure of locationId, contactId, startTime, endTime, timezone and services.
	const b = ctx.body as unknown as CreateBody;
	checkContact(ctx, b.contactId);
	checkTimeZone(b.timezone);
	const startTime = isoInZone(time(b.startTime), b.timezone);
	const endTime = isoInZone(time(b.endTime), b.timezone);
	const contact = ctx.store.contacts.get(b.contactId)!;
	const now = new Date().toISOString();
	const booking: ServiceBookingRecord = {
		id: newId(),
		locationId: ctx.locationId,
		contactId: b.contactId,
		serviceLocationId: serviceLocationFor(ctx, b.serviceLocationId),
		title: b.title ?? contact.name,
		startTime,
		endTime,
		timezone: b.timezone,
		services: bookedServices(ctx, b.services, startTime, endTime),
		// "If not provided, the status configured in Service Global Settings will be used."
		status: b.status ?? 'confirmed',
		deleted: false,
		dateAdded: now,
		dateUpdated: now,
		createdBy: { source: 'third_party' },
	};
	if (b.meetingLocation !== undefined) booking.meetingLocation = b.meetingLocation;
	checkAvailability(ctx, booking);
	ctx.store.serviceBookings.set(booking.id, booking);
	return { status: 201, body: serviceBookingDto(booking) };
};

export const updateServiceBooking: Handler = (ctx) => {
	const current = bookingOf(ctx);
	const b = ctx.body as BookingBody;
	const zone = b.timezone ?? current.timezone;
	checkTimeZone(zone);
	const startTime = isoInZone(time(b.startTime ?? current.startTime), zone);
	const endTime = isoInZone(time(b.endTime ?? current.endTime), zone);
	if (time(endTime) <= time(startTime)) throw fail(400, 'endTime must be after startTime');
	const next: ServiceBookingRecord = {
		...current,
		timezone: zone,
		startTime,
		endTime,
		// "If provided, services sent in the request will replace the existing services."
		services:
			b.services !== undefined
				? bookedServices(ctx, b.services, startTime, endTime)
				: current.services.map((s) => ({
						...s,
						serviceStartTime: startTime,
						serviceEndTime: endTime,
					})),
		serviceLocationId:
			b.serviceLocationId !== undefined
				? serviceLocationFor(ctx, b.serviceLocationId)
				: current.serviceLocationId,
		dateUpdated: new Date().toISOString(),
	};
	for (const field of ['meetingLocation', 'title', 'status'] as const)
		if (b[field] !== undefined) next[field] = b[field];
	checkAvailability(ctx, next);
	ctx.store.serviceBookings.set(next.id, next);
	return { status: 200, body: serviceBookingDto(next) };
};

/** DeleteServiceBookingResponseDTO. */
export const deleteServiceBooking: Handler = (ctx) => {
	ctx.store.serviceBookings.delete(bookingOf(ctx).id);
	return { status: 200, body: { success: true, message: 'Service booking deleted successfully' } };
};
