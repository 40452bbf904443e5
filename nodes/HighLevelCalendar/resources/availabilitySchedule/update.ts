import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from '../../helpers/constants';
import { responseCheckPostReceive } from '../../hooks/responseCheck';
import { normalizedBodyPreSend, pathIdsPreSend } from '../../hooks/request';
import { parametersPreSend } from '../../hooks/parameters';
import { RESOURCE, ruleOptions, scheduleNameField } from './fields';
import { scheduleTimeZoneField } from '../../fields/scheduleRules';
import { TARGET, UNWRAP_SCHEDULE } from './get';
import { normalizeScheduleUpdateBody } from './normalize';

export const updateOperation: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update an availability schedule',
	description: "Rename a schedule, change its time zone or replace its rules; what isn't set stays",
	routing: {
		request: { method: 'PUT', url: '/calendars/schedules/{id}' },
		send: {
			preSend: [
				parametersPreSend('body', ['availabilityScheduleUpdateFields']),
				pathIdsPreSend,
				normalizedBodyPreSend(normalizeScheduleUpdateBody),
			],
		},
		output: {
			postReceive: [responseCheckPostReceive(SCOPES.calendarsWrite, TARGET, 'id'), UNWRAP_SCHEDULE],
		},
	},
};

export const updateFields: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'availabilityScheduleUpdateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: { resource: [RESOURCE], operation: ['update'] } },
		options: [scheduleNameField, scheduleTimeZoneField, ...ruleOptions].sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
	},
];
