import type { INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from '../../helpers/constants';
import { responseCheckPostReceive } from '../../hooks/responseCheck';
import { normalizedQueryPreSend, pathIdsPreSend } from '../../hooks/request';
import { arrayItemsPostReceive, pagedListPreSend } from '../../hooks/pagedList';
import { parametersPreSend } from '../../hooks/parameters';
import { normalizeNotificationFilters } from './normalize';

/**
 * GET /calendars/{calendarId}/notifications?isActive&deleted&limit&skip. skip counts results; the
 * spec's default limit is 100 and it names no maximum, so pages of 100 are asked for.
 */
export const getManyOperation: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many notifications of a calendar',
	description: "List a calendar's notifications (confirmations, reminders, follow-ups...)",
	routing: {
		request: { method: 'GET', url: '/calendars/{calendarId}/notifications' },
		send: {
			preSend: [
				parametersPreSend('qs', ['calendarNotificationFilters']),
				// The filters as booleans.
				normalizedQueryPreSend(normalizeNotificationFilters),
				pathIdsPreSend,
				pagedListPreSend({ offsetParameter: 'skip', pageSize: 100, listed: 'notifications' }),
			],
		},
		output: {
			postReceive: [
				responseCheckPostReceive(SCOPES.eventsRead, 'calendar', 'calendarId'),
				arrayItemsPostReceive,
			],
		},
	},
};
