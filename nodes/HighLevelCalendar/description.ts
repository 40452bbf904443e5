import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { agencyLocationField, authenticationField } from './fields/credential';
import { LIST_OPERATIONS, listFields } from './fields/pagedList';
import { rateLimitOption } from './fields/rateLimit';
import { hookFacts } from './hooks/define';
import { appointment } from './resources/appointment';
import { appointmentNote } from './resources/appointmentNote';
import { availabilitySchedule } from './resources/availabilitySchedule';
import { blockSlot } from './resources/blockSlot';
import { calendar } from './resources/calendar';
import { calendarGroup } from './resources/calendarGroup';
import { calendarNotification } from './resources/calendarNotification';
import { calendarResource } from './resources/calendarResource';
import { eventCalendarSchedule } from './resources/eventCalendarSchedule';
import { service } from './resources/service';
import { serviceLocation } from './resources/serviceLocation';
import { operationProperty, type FieldPlace, type ResourceDefinition } from './resources/define';
import { serviceBooking } from './resources/serviceBooking';
import {
	additionalFieldsField,
	blockEndTimeField,
	calendarIdField,
	contactFilterField,
	contactIdField,
	eventIdField,
	startTimeField,
	updateFieldsField,
} from './resources/event/fields';
import {
	getManyEndTimeField,
	getManyListFields,
	getManyTargetFields,
} from './resources/event/getMany';

/** The node's resources, in the Resource list's order: the registry. */
export const RESOURCES: ResourceDefinition[] = [
	appointment,
	appointmentNote,
	availabilitySchedule,
	blockSlot,
	calendar,
	calendarGroup,
	calendarNotification,
	calendarResource,
	eventCalendarSchedule,
	service,
	serviceBooking,
	serviceLocation,
];

/** Every resource's fields for one place, in the registry's order. */
function placed(place: FieldPlace): INodeProperties[] {
	return RESOURCES.flatMap((resource) => resource.fields[place] ?? []);
}

/** A list operation shows Return All and Limit when its hooks read them (docs/architecture.md). */
function readsLimit(operation: INodePropertyOptions): boolean {
	const hooks = [
		...(operation.routing?.send?.preSend ?? []),
		...(operation.routing?.output?.postReceive ?? []),
	];
	return hooks.some((hook) => hookFacts(hook)?.reads.includes('limit'));
}

/** The resources whose Get Many (or Search) shows Return All and Limit. */
export const LIMITED_LIST_RESOURCES = RESOURCES.filter((resource) =>
	resource.operations.some(
		(operation) => LIST_OPERATIONS.includes(String(operation.value)) && readsLimit(operation),
	),
).map((resource) => resource.value);

/**
 * The node's properties, in the order the editor shows them: for each operation the editor shows
 * the properties whose displayOptions match, in this order. A field that means the same in
 * several operations is one property (docs/architecture.md, "One property per name"), so the
 * places are fixed here once: what picks the item (`target`), the fields appointments and block
 * slots share (Event ID first), each resource's `main` fields, Return All and Limit, then each resource's `list`
 * fields (a Get Many's filters after Limit). test/unit/panels.test.ts holds every operation's
 * panel as it comes out.
 */
export const properties: INodeProperties[] = [
	authenticationField,
	agencyLocationField,
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: RESOURCES.map(({ displayName, value }) => ({ name: displayName, value })),
		default: 'appointment',
		// Routes every request through the one client (transport/client.ts), as n8n's declarative pagination hook.
		routing: { send: { paginate: true } },
	},
	...RESOURCES.map(operationProperty),
	// What picks the item comes first: Appointment Update's "Update" (This Appointment or One
	// Occurrence of a Series) decides whether Event ID shows, so it stands above it.
	...placed('target'),
	eventIdField,
	calendarIdField,
	contactIdField,
	contactFilterField,
	...getManyTargetFields,
	startTimeField,
	blockEndTimeField,
	getManyEndTimeField,
	additionalFieldsField,
	updateFieldsField,
	...placed('main'),
	...listFields(LIMITED_LIST_RESOURCES),
	...getManyListFields,
	...placed('list'),
	rateLimitOption,
];
