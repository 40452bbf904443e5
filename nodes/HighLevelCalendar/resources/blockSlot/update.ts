import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from '../../helpers/constants';
import { timeZoneOptions } from '../../fields/options';
import { responseCheckPostReceive } from '../../hooks/responseCheck';
import { normalizedBodyPreSend, pathIdsPreSend } from '../../hooks/request';
import { normalizeBlockSlotBody } from './normalize';
import { parametersPreSend } from '../../hooks/parameters';

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

/** Update Fields is in resources/event/fields.ts. */
export const updateFields: INodeProperties[] = [timeZoneOptions('blockSlot', ['update'])];
