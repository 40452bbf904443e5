import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from '../../helpers/constants';
import { responseCheckPostReceive } from '../../hooks/responseCheck';
import { credentialLocationPreSend } from '../../hooks/request';
import { groupLocator } from '../../fields/locators';
import { parametersPreSend } from '../../hooks/parameters';
import { simplifyPostReceive } from '../../hooks/simplify';
import { CALENDAR_SHAPE } from '../../helpers/simplify';
import { simplifyField } from '../../fields/simplify';

export const getManyOperation: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many calendars and their IDs',
	description: "List the sub-account's calendars",
	routing: {
		request: { method: 'GET', url: '/calendars/' },
		send: { preSend: [parametersPreSend('qs', ['filters']), credentialLocationPreSend('qs')] },
		output: {
			postReceive: [
				responseCheckPostReceive(SCOPES.calendarsRead, 'calendar'),
				{ type: 'rootProperty', properties: { property: 'calendars' } },
				simplifyPostReceive(CALENDAR_SHAPE),
			],
		},
	},
};

export const getManyFields: INodeProperties[] = [
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: { resource: ['calendar'], operation: ['getAll'] } },
		options: [
			groupLocator({ description: 'Only calendars of this calendar group (groupId)' }),
			{
				displayName: 'Show Drafted',
				name: 'showDrafted',
				type: 'boolean',
				default: true,
				description: 'Whether to include draft calendars',
			},
		],
	},
	...simplifyField('calendar', ['getAll'], false, CALENDAR_SHAPE),
];
