// Service locations (Calendars API v3 only): list, create, get, update, delete. Answers are the
// location itself (ServiceLocationResponseDTO), not wrapped. A slug is unique within the location.
import { newId } from '../store';
import type { ServiceLocationRecord } from '../serviceMenu';
import {
	checkNameAndSlug,
	compact,
	type Handler,
	type HandlerContext,
	ownedOrThrow,
} from './common';

// CreateServiceLocationDTO, UpdateServiceLocationDTO; prepare.ts has checked them against the spec.
interface ServiceLocationBody {
	locationId?: string;
	name?: string;
	slug?: string;
	phone?: string;
	address?: string;
	coverImage?: string;
	locationType?: 'offline' | 'ask_booker';
}

const NOT_FOUND = 'Service location not found';

const serviceLocationDto = (location: ServiceLocationRecord) => ({ ...location });

const locationsOf = (ctx: HandlerContext) =>
	[...ctx.store.serviceLocations.values()].filter((l) => l.locationId === ctx.locationId);

const findServiceLocation = (ctx: HandlerContext): ServiceLocationRecord =>
	ownedOrThrow(ctx, ctx.store.serviceLocations.get(ctx.params.serviceLocationId), NOT_FOUND);

export const listServiceLocations: Handler = (ctx) => ({
	status: 200,
	body: { serviceLocations: locationsOf(ctx).map(serviceLocationDto) },
});

export const createServiceLocation: Handler = (ctx) => {
	const b = ctx.body as ServiceLocationBody;
	checkNameAndSlug(b, locationsOf(ctx), undefined, 'service location');
	const { locationId: _locationId, ...fields } = b;
	const location: ServiceLocationRecord = {
		id: newId(),
		locationId: ctx.locationId,
		// The DTO's defaults.
		isActive: true,
		isPrivate: false,
		...compact(fields),
	};
	ctx.store.serviceLocations.set(location.id, location);
	return { status: 201, body: serviceLocationDto(location) };
};

export const getServiceLocation: Handler = (ctx) => ({
	status: 200,
	body: serviceLocationDto(findServiceLocation(ctx)),
});

export const updateServiceLocation: Handler = (ctx) => {
	const location = findServiceLocation(ctx);
	const b = ctx.body as ServiceLocationBody;
	checkNameAndSlug(b, locationsOf(ctx), location.id, 'service location');
	Object.assign(location, compact(b));
	return { status: 200, body: serviceLocationDto(location) };
};

export const deleteServiceLocation: Handler = (ctx) => {
	const location = findServiceLocation(ctx);
	ctx.store.serviceLocations.delete(location.id);
	return {
		status: 200,
		body: { success: true, message: 'Service location deleted successfully' },
	};
};
