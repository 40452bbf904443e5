import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from '../../helpers/constants';
import { locationIdOverrideField } from '../../fields/options';
import { responseCheckPostReceive } from '../../hooks/responseCheck';
import { normalizedQueryPreSend } from '../../hooks/request';
import { calendarLocator } from '../../fields/locators';
import { pagedListPreSend } from '../../hooks/pagedList';
import { parametersPreSend } from '../../hooks/parameters';
import { RESOURCE } from './fields';
import { normalizeScheduleSearchQuery } from './normalize';

/** The spec's `limit`: "Maximum number of items to return (max 500)"; `skip` counts schedules. */
export const SCHEDULE_PAGE_SIZE = 500;

/** The user (userId) is resources/availabilitySchedule/fields.ts's User. */
export const searchOperation: INodePropertyOptions = {
	name: 'Search',
	value: 'search',
	action: 'Search availability schedules of a user',
	description: "List a user's availability schedules, optionally only those of one calendar",
	routing: {
		request: { method: 'GET', url: '/calendars/schedules/search' },
		send: {
			preSend: [
				parametersPreSend('qs', ['userId', 'availabilityScheduleFilters']),
				// The query checked, with the credential's location by default.
				normalizedQueryPreSend((qs, { credentialLocationId }) =>
					normalizeScheduleSearchQuery(qs, credentialLocationId),
				),
				pagedListPreSend({
					offsetParameter: 'skip',
					pageSize: SCHEDULE_PAGE_SIZE,
					listed: 'schedules',
				}),
			],
		},
		output: {
			postReceive: [
				responseCheckPostReceive(SCOPES.calendarsRead, 'user', 'userId'),
				// One item per schedule of the page (GetAllSchedulesResponseDTO's `schedules`).
				{ type: 'rootProperty', properties: { property: 'schedules' } },
			],
		},
	},
};

/** Return All and Limit are the shared ones (transport/pagedList.ts). */
export const searchFields: INodeProperties[] = [
	{
		displayName: 'Filters',
		name: 'availabilityScheduleFilters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: { resource: [RESOURCE], operation: ['search'] } },
		options: [
			calendarLocator({
				description: 'Only the schedules applied to this calendar (calendarId)',
			}),
			locationIdOverrideField,
		],
	},
];
