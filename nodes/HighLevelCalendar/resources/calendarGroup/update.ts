import type { INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from '../../helpers/constants';
import { responseCheckPostReceive } from '../../hooks/responseCheck';
import { normalizedBodyPreSend, pathIdsPreSend } from '../../hooks/request';
import { parametersPreSend } from '../../hooks/parameters';
import { normalizeGroupUpdateBody } from './normalize';

/**
 * PUT /calendars/groups/{groupId}. GroupUpdateDTO requires name, description and slug, so they
 * are top-level fields (fields.ts) and each update sends all three; the output is the group.
 */
export const updateOperation: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update a calendar group',
	description: 'Rename a calendar group, or change its description or slug',
	routing: {
		request: { method: 'PUT', url: '/calendars/groups/{groupId}' },
		send: {
			preSend: [
				parametersPreSend('body', ['name', 'description', 'slug']),
				pathIdsPreSend,
				normalizedBodyPreSend(normalizeGroupUpdateBody),
			],
		},
		output: {
			postReceive: [
				responseCheckPostReceive(SCOPES.groupsWrite, 'calendar group', 'groupId'),
				{ type: 'rootProperty', properties: { property: 'group' } },
			],
		},
	},
};
