import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { CALENDARS_API_VERSION, SCOPES } from '../../helpers/constants';
import { highLevelRequest } from '../../transport/client';
import { encodePathSegment } from '../../helpers/pathSegment';
import {
	CHANNEL_NAMES,
	NOTIFICATION_TYPE_NAMES,
	RECEIVER_TYPE_NAMES,
} from '../../resources/calendarNotification/normalize';
import { matchesFilter } from './calendars';

const PAGE_SIZE = 100;

/** "1 hour", "30 minutes": the API's unit, singular for one. */
const amount = (time: IDataObject): string => {
	const unit = String(time.unit);
	return `${String(time.timeOffset)} ${Number(time.timeOffset) === 1 ? unit.replace(/s$/, '') : unit}`;
};

const times = (list: unknown, when: string): string =>
	Array.isArray(list) && list.length
		? `, ${(list as IDataObject[]).map(amount).join(' and ')} ${when}`
		: '';

/** Notifications have no name: "Reminder by Email to Contact, 30 minutes before". */
export function notificationLabel(notification: IDataObject): string {
	const name = (names: Record<string, string>, value: unknown) =>
		names[String(value)] ?? String(value ?? '?');
	const label = `${name(NOTIFICATION_TYPE_NAMES, notification.notificationType)} by ${name(CHANNEL_NAMES, notification.channel)} to ${name(RECEIVER_TYPE_NAMES, notification.receiverType)}`;
	const inactive = notification.isActive === false ? ' (inactive)' : '';
	return `${label}${times(notification.beforeTime, 'before')}${times(notification.afterTime, 'after')}${inactive}`;
}

/** The notifications of the calendar the node shows (not the deleted ones), 100 at a time. */
export async function searchCalendarNotifications(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const calendarId = this.getCurrentNodeParameter('calendarId', { extractValue: true }) as unknown;
	if (typeof calendarId !== 'string' || calendarId.trim() === '' || calendarId.startsWith('=')) {
		throw new NodeOperationError(
			this.getNode(),
			"Pick the Calendar first: the list shows that calendar's notifications",
		);
	}
	const skip = Number(paginationToken ?? 0) || 0;
	const response = (await highLevelRequest(this, {
		method: 'GET',
		path: `/calendars/${encodePathSegment(calendarId, 'calendarId')}/notifications`,
		version: CALENDARS_API_VERSION,
		requiredScope: SCOPES.eventsRead,
		qs: { deleted: false, limit: PAGE_SIZE, skip },
		target: `calendar "${calendarId}"`,
	})) as unknown;
	const notifications = Array.isArray(response) ? (response as IDataObject[]) : [];
	return {
		results: notifications
			.map((notification) => ({
				name: notificationLabel(notification),
				value: String(notification._id ?? notification.id),
			}))
			.filter((result) => matchesFilter(filter, result.name, result.value)),
		paginationToken: notifications.length === PAGE_SIZE ? String(skip + PAGE_SIZE) : undefined,
	};
}
