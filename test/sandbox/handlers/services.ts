// The services catalog (Calendars API v3 only): list, create, get, update, delete. A service's
// slug (its booking page's address) is unique within its location, like a calendar group's.
import { newId } from '../store';
import { SANDBOX_DEFAULT_SERVICE_CATEGORY_ID, type ServiceRecord } from '../serviceMenu';
import {
	checkNameAndSlug,
	compact,
	fail,
	findUser,
	type Handler,
	type HandlerContext,
	ownedOrThrow,
} from './common';

// Request bodies as the spec allows them (CreateServiceDTO, UpdateServiceDTO); prepare.ts has
// checked their types, enums and required fields, and refused fields the spec does not name.
interface Variation {
	id?: string;
	name?: string;
	[field: string]: unknown;
}
interface ServiceBody {
	locationId?: string;
	name?: string;
	slug?: string;
	staff?: Array<{ id: string }>;
	variations?: Variation[];
	[field: string]: unknown;
}

const SERVICE_NOT_FOUND = 'Service not found';

/** ServiceResponseDTO: the record as stored (it holds only the DTO's fields). */
const serviceDto = (service: ServiceRecord) => ({ ...service });

const servicesOf = (ctx: HandlerContext) =>
	[...ctx.store.services.values()].filter((s) => s.locationId === ctx.locationId);

const findService = (ctx: HandlerContext): ServiceRecord =>
	ownedOrThrow(ctx, ctx.store.services.get(ctx.params.serviceId), SERVICE_NOT_FOUND);

/**
 * What the schema cannot say: name and slug not blank (class-validator's IsNotEmpty), at least one
 * staff member (the spec: "at least one required"), staff who are users of the location, and a
 * slug no other service of the location has (a bad request, as for calendar groups).
 */
function checkRules(ctx: HandlerContext, body: ServiceBody, except?: string): void {
	checkNameAndSlug(body, servicesOf(ctx), except, 'service');
	if (body.staff !== undefined) {
		if (body.staff.length === 0) throw fail(422, ['staff must contain at least 1 elements']);
		for (const { id } of body.staff) findUser(ctx, id);
	}
	if (body.variations?.some((v) => v.name !== undefined && v.name.trim() === ''))
		throw fail(422, ['variations.name should not be empty']);
}

/** Variations as stored: each with an id; an update's entry with an id must be one of the service's. */
function storedVariations(variations: Variation[], current: Variation[] = []): Variation[] {
	return variations.map((variation) => {
		if (variation.id === undefined) return { ...variation, id: newId() };
		const known = current.find((v) => v.id === variation.id);
		if (!known) throw fail(400, `Variation not found: ${variation.id}`);
		return { ...known, ...variation };
	});
}

export const listServices: Handler = (ctx) => {
	const category =
		typeof ctx.query.serviceCategoryId === 'string' ? ctx.query.serviceCategoryId : undefined;
	const isPrivate = ctx.query.isPrivate;
	return {
		status: 200,
		body: {
			services: servicesOf(ctx)
				.filter((s) => category === undefined || s.serviceCategoryId === category)
				.filter((s) => isPrivate === undefined || String(s.isPrivate === true) === isPrivate)
				.map(serviceDto),
		},
	};
};

export const createService: Handler = (ctx) => {
	const b = ctx.body as ServiceBody;
	checkRules(ctx, b);
	const { locationId: _locationId, variations, ...fields } = b;
	const service: ServiceRecord = {
		id: newId(),
		locationId: ctx.locationId,
		...compact(fields),
		// The spec's defaults: the default category, a price of 0, public.
		serviceCategoryId: b.serviceCategoryId ?? SANDBOX_DEFAULT_SERVICE_CATEGORY_ID,
		payment: { amount: 0, ...((b.payment as object | undefined) ?? {}) },
		isPrivate: b.isPrivate ?? false,
		variations: storedVariations(variations ?? []),
	};
	ctx.store.services.set(service.id, service);
	return { status: 201, body: { service: serviceDto(service) } };
};

export const getService: Handler = (ctx) => ({
	status: 200,
	body: { service: serviceDto(findService(ctx)) },
});

/** Only the fields sent change; variations, when sent, replace the list ("an empty array removes all"). */
export const updateService: Handler = (ctx) => {
	const service = findService(ctx);
	const b = ctx.body as ServiceBody;
	checkRules(ctx, b, service.id);
	const { variations, ...fields } = b;
	Object.assign(service, compact(fields));
	if (variations !== undefined)
		service.variations = storedVariations(variations, service.variations as Variation[]);
	return { status: 200, body: { service: serviceDto(service) } };
};

export const deleteService: Handler = (ctx) => {
	const service = findService(ctx);
	ctx.store.services.delete(service.id);
	return { status: 200, body: { success: true, message: 'Service deleted successfully' } };
};
