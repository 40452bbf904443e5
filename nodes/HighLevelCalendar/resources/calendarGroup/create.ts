import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from '../../helpers/constants';
import { responseCheckPostReceive } from '../../hooks/responseCheck';
import { normalizedBodyPreSend } from '../../hooks/request';
import { parametersPreSend } from '../../hooks/parameters';
import { normalizeGroupCreateBody } from './normalize';

/** POST /calendars/groups in the credential's sub-account; the output is the new group. */
export const createOperation: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a calendar group',
	description: 'Create a calendar group: one booking page for several calendars',
	routing: {
		request: { method: 'POST', url: '/calendars/groups' },
		send: {
			preSend: [
				parametersPreSend('body', ['name', 'description', 'slug', 'calendarGroupAdditionalFields']),
				normalizedBodyPreSend(normalizeGroupCreateBody),
			],
		},
		output: {
			postReceive: [
				responseCheckPostReceive(SCOPES.groupsWrite, 'calendar group'),
				{ type: 'rootProperty', properties: { property: 'group' } },
			],
		},
	},
};

/** Name, Description and Slug are in fields.ts (Update shows them too). */
export const createFields: INodeProperties[] = [
	{
		displayName: 'Additional Fields',
		name: 'calendarGroupAdditionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: { resource: ['calendarGroup'], operation: ['create'] } },
		options: [
			{
				displayName: 'Active',
				name: 'isActive',
				type: 'boolean',
				default: true,
				description:
					'Whether the group starts enabled (isActive). Not set, HighLevel decides (its app creates groups enabled).',
			},
		],
	},
];
