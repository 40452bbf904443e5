import type { INodeProperties } from 'n8n-workflow';
import { calendarLocator, pickerField, userLocator } from '../../fields/locators';
import { scheduleRuleOptions } from '../../fields/scheduleRules';

/**
 * Fields several availability schedule operations show: the schedule picker, the calendar of an
 * association, and the rules' editor fields (Create's Additional Fields and Update's Update Fields).
 */

export const RESOURCE = 'availabilitySchedule';

/**
 * The user whose schedules Search lists, or who owns the schedule Create makes. Its own property:
 * the events' userId shows only with Filter By: User, which this resource does not have.
 */
export const scheduleUserIdField: INodeProperties = userLocator({
	name: 'userId',
	required: true,
	description: 'The HighLevel user (userId) whose availability schedules are searched or created',
	displayOptions: { show: { resource: [RESOURCE], operation: ['search', 'create'] } },
});

/** The schedule addressed by `{id}` in the path. */
export const scheduleIdField: INodeProperties = pickerField('schedule', {
	required: true,
	description:
		'The availability schedule (id). From List shows the schedules of every user of the sub-account.',
	displayOptions: {
		show: {
			resource: [RESOURCE],
			operation: ['get', 'update', 'delete', 'addCalendar', 'removeCalendar'],
		},
	},
});

/**
 * The calendar of Add Calendar and Remove Calendar (`{calendarId}` in the path). Its own property:
 * Calendar: Get's calendarId shows for operation `get`, which this resource has too.
 */
export const associationCalendarField: INodeProperties = calendarLocator({
	required: true,
	description: 'The team calendar (calendarId) that takes its availability from the schedule',
	displayOptions: { show: { resource: [RESOURCE], operation: ['addCalendar', 'removeCalendar'] } },
});

/** The options that make `rules`, for Create's Additional Fields and Update's Update Fields. */
export const ruleOptions: INodeProperties[] = scheduleRuleOptions('the user is available');

/** Create's and Update's name. */
export const scheduleNameField: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	default: '',
	placeholder: 'Business Hours',
	description: 'Name of the schedule',
};
