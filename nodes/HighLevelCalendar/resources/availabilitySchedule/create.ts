import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from '../../helpers/constants';
import { locationIdOverrideField } from '../../fields/options';
import { responseCheckPostReceive } from '../../hooks/responseCheck';
import { normalizedBodyPreSend } from '../../hooks/request';
import { parametersPreSend } from '../../hooks/parameters';
import { RESOURCE, ruleOptions, scheduleNameField } from './fields';
import { scheduleTimeZoneField } from '../../fields/scheduleRules';
import { TARGET, UNWRAP_SCHEDULE } from './get';
import { normalizeScheduleCreateBody } from './normalize';

/** The user (userId) is resources/availabilitySchedule/fields.ts's User. */
export const createOperation: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create an availability schedule',
	description:
		'Create the weekly hours (and date overrides) a user is available, for their calendars',
	routing: {
		request: { method: 'POST', url: '/calendars/schedules' },
		send: {
			preSend: [
				parametersPreSend('body', [
					'name',
					'userId',
					'timezone',
					'availabilityScheduleAdditionalFields',
				]),
				normalizedBodyPreSend(normalizeScheduleCreateBody),
			],
		},
		output: {
			postReceive: [responseCheckPostReceive(SCOPES.calendarsWrite, TARGET), UNWRAP_SCHEDULE],
		},
	},
};

const show = { resource: [RESOURCE], operation: ['create'] };

const calendarIdsOption: INodeProperties = {
	displayName: 'Calendar IDs',
	name: 'calendarIds',
	type: 'string',
	default: '',
	placeholder: 'WvVX9LpvlBO6K506xLbp,XyZ8MnQrStUvWxYzAbCd',
	description:
		'Calendars that take their availability from the schedule: IDs separated by commas (calendarIds)',
};

export const createFields: INodeProperties[] = [
	{ ...scheduleNameField, required: true, displayOptions: { show } },
	{ ...scheduleTimeZoneField, required: true, displayOptions: { show } },
	{
		displayName: 'Additional Fields',
		name: 'availabilityScheduleAdditionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: [calendarIdsOption, ...ruleOptions, locationIdOverrideField].sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
	},
];
