import type { INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from '../../helpers/constants';
import { responseCheckPostReceive } from '../../hooks/responseCheck';
import { pathIdsPreSend } from '../../hooks/request';
import { arrayItemsPostReceive } from '../../hooks/pagedList';
import { parametersPreSend } from '../../hooks/parameters';
import { notificationListPreSend } from './request';

/** HighLevel creates a list in one request and answers the created ones: one item each. */
export const createOperation: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a calendar notification',
	description:
		'Create a notification of a calendar (e.g. an email reminder to the contact 30 minutes before), or several at once',
	routing: {
		request: { method: 'POST', url: '/calendars/{calendarId}/notifications' },
		send: {
			preSend: [
				parametersPreSend('body', [
					'receiverType',
					'channel',
					'notificationType',
					'additionalEmailIds',
					'additionalPhoneNumbers',
					'calendarNotificationAdditionalFields',
				]),
				notificationListPreSend,
				pathIdsPreSend,
			],
		},
		output: {
			postReceive: [
				responseCheckPostReceive(SCOPES.eventsWrite, 'calendar', 'calendarId'),
				arrayItemsPostReceive,
			],
		},
	},
};
