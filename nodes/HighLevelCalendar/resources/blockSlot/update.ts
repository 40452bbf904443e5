import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from '../../shared/constants';
import { timeZoneOptions } from '../../shared/descriptions';
import { responseCheckPostReceive } from '../../shared/errors';
import { normalizedBodyPreSend, pathIdsPreSend } from '../../shared/hooks';
import { normalizeBlockSlotBody } from './normalize';
import { parametersPreSend } from '../../shared/parameters';

export const updateOperation: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Move or update a block slot',
	description: 'Move, retitle or retarget a block slot (time blocked on a calendar or for a user)',
	routing: {
		request: { method: 'PUT', url: '/calendars/events/block-slots/{eventId}' },
		send: {
			preSend: [
				parametersPreSend('body', ['updateFields']),
				pathIdsPreSend,
				normalizedBodyPreSend(normalizeBlockSlotBody),
			],
		},
		output: { postReceive: [responseCheckPostReceive(SCOPES.eventsWrite, 'block slot')] },
	},
};

/** Update Fields is in shared/eventFields.ts. */
export const updateFields: INodeProperties[] = [timeZoneOptions('blockSlot', ['update'])];
