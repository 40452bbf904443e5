import type {
	IExecuteSingleFunctions,
	IDataObject,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { SCOPES } from '../../helpers/constants';
import { responseCheckPostReceive } from '../../hooks/responseCheck';
import { pathIdsPreSend } from '../../hooks/request';
import { calendarLocator } from '../../fields/locators';
import { postReceiveHook } from '../../hooks/define';

export const unwrapCalendarPostReceive = postReceiveHook(
	[],
	async function unwrapCalendarPostReceive(
		this: IExecuteSingleFunctions,
		items: INodeExecutionData[],
	): Promise<INodeExecutionData[]> {
		return items.map((item) => ({
			...item,
			json: (item.json.calendar as IDataObject | undefined) ?? item.json,
		}));
	},
);

export const getOperation: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a calendar by ID',
	description: 'Get one calendar with its settings (slot length, team members, meeting locations)',
	routing: {
		request: { method: 'GET', url: '/calendars/{calendarId}' },
		send: { preSend: [pathIdsPreSend] },
		output: {
			postReceive: [
				responseCheckPostReceive(SCOPES.calendarsRead, 'calendar', 'calendarId'),
				unwrapCalendarPostReceive,
			],
		},
	},
};

/** The calendar addressed by Get, Get Free Slots, Update and Delete (the path's calendarId). */
export const getFields: INodeProperties[] = [
	calendarLocator({
		required: true,
		displayOptions: {
			show: { resource: ['calendar'], operation: ['get', 'getFreeSlots', 'update', 'delete'] },
		},
	}),
];
