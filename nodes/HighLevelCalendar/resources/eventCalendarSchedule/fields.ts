import type { INodeProperties } from 'n8n-workflow';
import { scheduleRuleOptions, scheduleTimeZoneField } from '../../fields/scheduleRules';

/**
 * The fields of an event calendar's schedule (Calendars API v3). The calendar of the path
 * (calendarId) is Calendar Notification's property, shown for this resource too
 * (resources/calendarNotification/fields.ts; test/unit/properties.test.ts says why).
 */

export const RESOURCE = 'eventCalendarSchedule';

/** Get, Create and Update answer `{ schedule: {...} }` (EventCalendarScheduleWrapperDTO); the item is the schedule. */
export const UNWRAP_SCHEDULE = {
	type: 'rootProperty',
	properties: { property: 'schedule' },
} as const;

export const TARGET = 'event calendar schedule';

const ruleOptions = scheduleRuleOptions('the calendar can be booked');

const byName = (a: INodeProperties, b: INodeProperties) =>
	a.displayName.localeCompare(b.displayName);

/** Create: the time zone and the rules, both required by CreateEventCalendarScheduleDTO. */
export const createFields: INodeProperties[] = [
	{
		...scheduleTimeZoneField,
		required: true,
		displayOptions: { show: { resource: [RESOURCE], operation: ['create'] } },
	},
	{
		displayName: 'Rules',
		name: 'eventCalendarScheduleRules',
		type: 'collection',
		placeholder: 'Add Rules',
		default: {},
		description:
			'When the calendar can be booked: Weekly Hours and Date Overrides, or Rules (JSON). Required: add at least one.',
		displayOptions: { show: { resource: [RESOURCE], operation: ['create'] } },
		options: [...ruleOptions].sort(byName),
	},
];

/** Update: what is set is sent (UpdateEventCalendarScheduleDTO); rules are replaced whole. */
export const updateFields: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'eventCalendarScheduleUpdateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: { resource: [RESOURCE], operation: ['update'] } },
		options: [scheduleTimeZoneField, ...ruleOptions].sort(byName),
	},
];
