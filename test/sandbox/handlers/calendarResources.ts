// Calendar resources: rooms and equipment, listed, fetched, created, updated and deleted per
// resource type. prepare.ts has checked the path's resourceType (the spec's enum), limit and skip,
// the body against CreateCalendarResourceDTO / UpdateCalendarResourceDTO, and that a named
// locationId is the token's. Only the Location-Access scheme is named for these routes, so an
// agency token is refused there too (spec.ts, tokenAllows).
//
// Where the spec is silent or contradicts itself:
// - its resource DTOs have no id field, yet Get, Update and Delete address one by `id`: the
//   answers carry `_id`, as HighLevel's stored documents (and the notifications' DTO) do;
// - Update answers CalendarResourceResponseDTO, which lacks calendarIds; the whole resource is
//   answered (the schema allows more fields), so a client sees the calendars it just set;
// - the operations document only 400 and 401, so business rules answer 400; unknown ids 404 and
//   another location's 403, as everywhere in the sandbox.
import type { CalendarResourceRecord } from '../calendarSettings';
import { newId } from '../store';
import { fail, findCalendar, type Handler, type HandlerContext, ownedOrThrow } from './common';

interface ResourceBody {
	name?: string;
	description?: string;
	quantity?: number;
	outOfService?: number;
	capacity?: number;
	calendarIds?: string[];
	isActive?: boolean;
}

/** CalendarResourceByIdResponseDTO, with the `_id` the spec leaves out. */
const resourceDto = (r: CalendarResourceRecord) => ({
	_id: r.id,
	locationId: r.locationId,
	name: r.name,
	resourceType: r.resourceType,
	isActive: r.isActive,
	description: r.description,
	quantity: r.quantity,
	outOfService: r.outOfService,
	capacity: r.capacity,
	calendarIds: [...r.calendarIds],
});

const typeOf = (ctx: HandlerContext) =>
	ctx.params.resourceType as CalendarResourceRecord['resourceType'];

/** A resource of the path's type: one of the other type is not found at this address. */
function resourceOf(ctx: HandlerContext): CalendarResourceRecord {
	const found = ctx.store.calendarResources.get(ctx.params.id);
	return ownedOrThrow(
		ctx,
		found?.resourceType === typeOf(ctx) ? found : undefined,
		'Calendar resource not found',
	);
}

/**
 * HighLevel's rules the schemas cannot say: a name, counts that are whole and not negative, no more
 * out of service than there are, calendars of the location, and (the field text) "One equipment can
 * only be mapped with one service calendar".
 */
function checkResource(ctx: HandlerContext, r: CalendarResourceRecord): void {
	if (r.name.trim() === '') throw fail(400, 'name should not be empty');
	for (const field of ['quantity', 'outOfService', 'capacity'] as const) {
		if (!Number.isInteger(r[field]) || r[field] < 0)
			throw fail(400, `${field} must be a whole number, 0 or more`);
	}
	if (r.outOfService > r.quantity) throw fail(400, 'outOfService cannot be more than quantity');
	r.calendarIds.forEach((id) => findCalendar(ctx, id));
	if (r.resourceType === 'equipments' && r.calendarIds.length > 1)
		throw fail(400, 'One equipment can only be mapped with one service calendar');
}

export const listCalendarResources: Handler = (ctx) => {
	const skip = Number(ctx.query.skip);
	const limit = Number(ctx.query.limit);
	const resources = [...ctx.store.calendarResources.values()].filter(
		(r) => r.locationId === ctx.locationId && r.resourceType === typeOf(ctx),
	);
	return { status: 200, body: resources.slice(skip, skip + limit).map(resourceDto) };
};

export const getCalendarResource: Handler = (ctx) => ({
	status: 200,
	body: resourceDto(resourceOf(ctx)),
});

export const createCalendarResource: Handler = (ctx) => {
	// The schema made sure every field is there.
	const b = ctx.body as unknown as Required<Omit<ResourceBody, 'isActive'>>;
	const resource: CalendarResourceRecord = {
		id: newId(),
		locationId: ctx.locationId,
		resourceType: typeOf(ctx),
		name: b.name,
		description: b.description,
		quantity: b.quantity,
		outOfService: b.outOfService,
		capacity: b.capacity,
		calendarIds: [...new Set(b.calendarIds)],
		isActive: true,
	};
	checkResource(ctx, resource);
	ctx.store.calendarResources.set(resource.id, resource);
	return { status: 201, body: resourceDto(resource) };
};

export const updateCalendarResource: Handler = (ctx) => {
	const current = resourceOf(ctx);
	const b = ctx.body as ResourceBody;
	const next: CalendarResourceRecord = { ...current, calendarIds: [...current.calendarIds] };
	for (const field of ['name', 'description', 'quantity', 'outOfService', 'capacity'] as const)
		if (b[field] !== undefined) (next as unknown as Record<string, unknown>)[field] = b[field];
	if (b.isActive !== undefined) next.isActive = b.isActive;
	if (b.calendarIds !== undefined) next.calendarIds = [...new Set(b.calendarIds)];
	checkResource(ctx, next);
	ctx.store.calendarResources.set(next.id, next);
	return { status: 200, body: resourceDto(next) };
};

/** ResourceDeleteResponseDTO. */
export const deleteCalendarResource: Handler = (ctx) => {
	ctx.store.calendarResources.delete(resourceOf(ctx).id);
	return { status: 200, body: { success: true } };
};
