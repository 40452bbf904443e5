import type {
	IExecuteSingleFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { SCOPES } from '../../helpers/constants';
import { responseCheckPostReceive } from '../../hooks/responseCheck';
import { normalizedBodyPreSend, pathIdsPreSend } from '../../hooks/request';
import { readParameter } from '../../helpers/parameters';
import { parametersPreSend } from '../../hooks/parameters';
import { normalizeGroupStatusBody } from './normalize';
import { postReceiveHook } from '../../hooks/define';

/**
 * postReceive: HighLevel answers `{ success: true }`; the output also says which group and what it
 * is now, so a workflow can go on without reading the group again.
 */
export const groupStatusPostReceive = postReceiveHook(
	['groupId', 'isActive'],
	async function groupStatusPostReceive(
		this: IExecuteSingleFunctions,
		items: INodeExecutionData[],
	): Promise<INodeExecutionData[]> {
		const id = String(readParameter(this, 'groupId', '', { extractValue: true })).trim();
		const { isActive } = normalizeGroupStatusBody({ isActive: readParameter(this, 'isActive') });
		return [{ json: { id, isActive, ...(items[0]?.json ?? {}) } }];
	},
);

/**
 * One operation for PUT /calendars/groups/{groupId}/status (the spec's "Disable Group", whose body
 * GroupStatusUpdateParams takes isActive either way): Active on enables, off disables.
 */
export const setStatusOperation: INodePropertyOptions = {
	name: 'Enable or Disable',
	value: 'setStatus',
	action: 'Enable or disable a calendar group',
	description: 'Turn a calendar group on or off (isActive)',
	routing: {
		request: { method: 'PUT', url: '/calendars/groups/{groupId}/status' },
		send: {
			preSend: [
				parametersPreSend('body', ['isActive']),
				pathIdsPreSend,
				normalizedBodyPreSend(normalizeGroupStatusBody),
			],
		},
		output: {
			postReceive: [
				responseCheckPostReceive(SCOPES.groupsWrite, 'calendar group', 'groupId'),
				groupStatusPostReceive,
			],
		},
	},
};

export const setStatusFields: INodeProperties[] = [
	{
		displayName: 'Active',
		name: 'isActive',
		type: 'boolean',
		default: true,
		description: 'Whether the group is enabled (on) or disabled (off) (isActive)',
		displayOptions: { show: { resource: ['calendarGroup'], operation: ['setStatus'] } },
	},
];
