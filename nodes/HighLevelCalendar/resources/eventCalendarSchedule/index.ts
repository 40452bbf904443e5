import type { ResourceDefinition } from '../define';
import { createOperation } from './create';
import { createFields, RESOURCE, updateFields } from './fields';
import { getOperation } from './get';
import { updateOperation } from './update';

/**
 * Event Calendar Schedule: the weekly hours and date overrides of an event calendar, one per
 * calendar (Calendars API v3, /calendars/schedules/event-calendar/{calendarId}).
 */
export const eventCalendarSchedule: ResourceDefinition = {
	displayName: 'Event Calendar Schedule',
	value: RESOURCE,
	defaultOperation: 'get',
	operations: [createOperation, getOperation, updateOperation],
	fields: { main: [...createFields, ...updateFields] },
};
