import type { IDataObject } from 'n8n-workflow';
import {
	checkId,
	coerceBoolean,
	coerceText,
	commaList,
	matchOption,
} from '../../helpers/bodyChecks';
import { InputError } from '../../helpers/inputError';

/**
 * Checks on a room's or an equipment's body (CreateCalendarResourceDTO, UpdateCalendarResourceDTO),
 * pure so test/unit/HighLevelCalendar/resources/calendarResource tests them alone. Expressions can give numbers as text, the
 * calendars as a comma list, a resource type as the editor names it: all are read here.
 */

export type ResourceType = 'equipments' | 'rooms';

/** The spec's enum for the path's resourceType, with the editor's names. */
export const RESOURCE_TYPE_NAMES: Record<ResourceType, string> = {
	equipments: 'Equipment',
	rooms: 'Room',
};

/** The spec's maxItems for calendarIds. */
export const MAX_RESOURCE_CALENDARS = 100;

export function matchResourceType(value: unknown): ResourceType {
	return matchOption(
		'resourceType',
		typeof value === 'string' ? value.trim() : value,
		RESOURCE_TYPE_NAMES,
	) as ResourceType;
}

export interface ResourceBodyContext {
	resourceType: ResourceType;
	credentialLocationId: string;
}

/** A count (quantity, out of service, capacity): a whole number, 0 or more, also from text. */
function checkCount(body: IDataObject, field: string, required: boolean): void {
	let value = body[field];
	if (value === undefined) {
		if (required)
			throw new InputError(field, value, 'Set it: HighLevel requires it.', 'is missing');
		return;
	}
	if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) value = Number(value);
	if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
		throw new InputError(field, body[field], 'Use a whole number, 0 or more.', 'is not a count');
	}
	body[field] = value;
}

function checkName(body: IDataObject, required: boolean): void {
	coerceText(body, 'name');
	if (body.name === undefined && !required) return;
	if (typeof body.name !== 'string' || body.name.trim() === '') {
		throw new InputError(
			'name',
			body.name,
			'Give the room or equipment a name.',
			body.name === undefined ? 'is missing' : 'is empty',
		);
	}
	body.name = body.name.trim();
}

/**
 * The calendars a resource serves: ids from the list, a comma list or an array, trimmed and without
 * repeats. The spec: "One equipment can only be mapped with one service calendar", at most 100.
 */
function checkCalendarIds(body: IDataObject, resourceType: ResourceType): void {
	if (body.calendarIds === undefined) return;
	const raw = body.calendarIds;
	if (typeof raw !== 'string' && !Array.isArray(raw)) {
		throw new InputError(
			'calendarIds',
			raw,
			'Pick calendars from the list, or give their IDs as a list or separated by commas.',
			'is not a list of calendar IDs',
		);
	}
	const ids = [...new Set(commaList(raw))];
	if (ids.length > MAX_RESOURCE_CALENDARS) {
		throw new InputError(
			'calendarIds',
			raw,
			`HighLevel maps a resource to at most ${MAX_RESOURCE_CALENDARS} calendars.`,
			`has ${ids.length} calendars`,
		);
	}
	if (resourceType === 'equipments' && ids.length > 1) {
		throw new InputError(
			'calendarIds',
			ids.join(','),
			'One equipment can only be mapped with one service calendar: keep one, or make it a room.',
			'names more than one calendar',
		);
	}
	body.calendarIds = ids;
}

function checkOutOfService(body: IDataObject): void {
	const { quantity, outOfService } = body;
	if (typeof quantity === 'number' && typeof outOfService === 'number' && outOfService > quantity) {
		throw new InputError(
			'outOfService',
			outOfService,
			`At most the quantity (${quantity}) can be out of service.`,
			'is more than quantity',
		);
	}
}

/** Create: every field the spec requires (CreateCalendarResourceDTO), the location from the credential. */
export function normalizeCalendarResourceCreate(
	body: IDataObject,
	context: ResourceBodyContext,
): IDataObject {
	if (body.locationId === undefined || body.locationId === '')
		body.locationId = context.credentialLocationId;
	checkId(body, 'locationId', true);
	checkName(body, true);
	coerceText(body, 'description');
	if (body.description === undefined) body.description = '';
	for (const field of ['quantity', 'outOfService', 'capacity']) checkCount(body, field, true);
	checkOutOfService(body);
	if (body.calendarIds === undefined || body.calendarIds === '') body.calendarIds = [];
	checkCalendarIds(body, context.resourceType);
	return body;
}

/** Update: only the fields given; at least one. */
export function normalizeCalendarResourceUpdate(
	body: IDataObject,
	context: ResourceBodyContext,
): IDataObject {
	if (Object.keys(body).length === 0) {
		throw new InputError(
			'calendarResourceUpdateFields',
			undefined,
			'Add at least one field to Update Fields.',
			'is empty',
		);
	}
	if (body.locationId === '') delete body.locationId;
	checkId(body, 'locationId', false);
	checkName(body, false);
	coerceText(body, 'description');
	for (const field of ['quantity', 'outOfService', 'capacity']) checkCount(body, field, false);
	checkOutOfService(body);
	checkCalendarIds(body, context.resourceType);
	coerceBoolean(body, 'isActive');
	return body;
}
