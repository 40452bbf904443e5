// A calendar's notifications: listed, fetched, created (a list at once), updated and deleted.
// prepare.ts has checked the query, the path, the Version header, the scopes (calendars/events.*)
// and the body against the spec: Create's is an array of CreateCalendarNotificationDTO, Update's
// an UpdateCalendarNotificationsDTO. The calendar is the path's: unknown 404, another location's
// 403; a notification of another calendar is not found at this address.
//
// What the spec leaves open, and the sandbox decides:
// - Delete is a soft delete (UpdateCalendarNotificationsDTO's `deleted` says "soft delete"): a
//   deleted notification can still be fetched by id and listed with deleted=true, an Update with
//   `deleted: false` restores it, and deleting it again answers the same;
// - without `deleted` the list leaves deleted notifications out (deleted=false does the same);
// - the field texts' rules are enforced (400, the operations' documented client error): a
//   reminder needs beforeTime, a follow-up afterTime, an "emails" receiver additionalEmailIds, a
//   "phoneNumbers" receiver additionalPhoneNumbers; and an empty list creates nothing (400);
// - answers: the created list (200, not 201, as documented), `{ message }` for Update and Delete.
import type { CalendarNotificationRecord } from '../calendarSettings';
import { newId } from '../store';
import { compact, fail, type Handler, type HandlerContext, ownedOrThrow, single } from './common';

type NotificationFields = Omit<CalendarNotificationRecord, 'id' | 'calendarId'>;

/** CalendarNotificationResponseDTO, with the sender fields the DTOs take. */
const notificationDto = (n: CalendarNotificationRecord) =>
	compact({
		_id: n.id,
		receiverType: n.receiverType,
		channel: n.channel,
		notificationType: n.notificationType,
		isActive: n.isActive,
		deleted: n.deleted,
		templateId: n.templateId,
		body: n.body,
		subject: n.subject,
		afterTime: n.afterTime,
		beforeTime: n.beforeTime,
		additionalEmailIds: n.additionalEmailIds,
		additionalPhoneNumbers: n.additionalPhoneNumbers,
		selectedUsers: n.selectedUsers,
		fromAddress: n.fromAddress,
		fromName: n.fromName,
		fromNumber: n.fromNumber,
	});

function calendarOf(ctx: HandlerContext) {
	return ownedOrThrow(ctx, ctx.store.calendars.get(ctx.params.calendarId), 'Calendar not found');
}

function notificationOf(ctx: HandlerContext): CalendarNotificationRecord {
	const calendar = calendarOf(ctx);
	const found = ctx.store.calendarNotifications.get(ctx.params.notificationId);
	if (!found || found.calendarId !== calendar.id) throw fail(404, 'Notification not found');
	return found;
}

/** The field texts' rules, on the notification as it would be stored. */
function checkNotification(n: CalendarNotificationRecord, place: string): void {
	const needs: Array<[boolean, keyof CalendarNotificationRecord, string]> = [
		[n.notificationType === 'reminder', 'beforeTime', 'a reminder'],
		[n.notificationType === 'followup', 'afterTime', 'a follow-up'],
		[n.receiverType === 'emails', 'additionalEmailIds', 'receiverType emails'],
		[n.receiverType === 'phoneNumbers', 'additionalPhoneNumbers', 'receiverType phoneNumbers'],
	];
	for (const [applies, field, what] of needs) {
		const value = n[field];
		if (applies && (!Array.isArray(value) || value.length === 0))
			throw fail(400, `${place}${field} is required for ${what}`);
	}
}

export const listCalendarNotifications: Handler = (ctx) => {
	const calendar = calendarOf(ctx);
	const isActive = single(ctx.query.isActive);
	const deleted = single(ctx.query.deleted) === 'true';
	// The spec's defaults.
	const skip = Number(single(ctx.query.skip) ?? '0');
	const limit = Number(single(ctx.query.limit) ?? '100');
	const notifications = [...ctx.store.calendarNotifications.values()].filter(
		(n) =>
			n.calendarId === calendar.id &&
			n.deleted === deleted &&
			(isActive === undefined || String(n.isActive) === isActive),
	);
	return { status: 200, body: notifications.slice(skip, skip + limit).map(notificationDto) };
};

export const getCalendarNotification: Handler = (ctx) => ({
	status: 200,
	body: notificationDto(notificationOf(ctx)),
});

export const createCalendarNotifications: Handler = (ctx) => {
	const calendar = calendarOf(ctx);
	// The schema made sure it is a list of notifications with their three required fields.
	const list = ctx.payload as NotificationFields[];
	if (list.length === 0) throw fail(400, 'At least one notification is required');
	const created = list.map((fields, index) => {
		const notification: CalendarNotificationRecord = {
			...fields,
			id: newId(),
			calendarId: calendar.id,
			isActive: fields.isActive ?? true,
			deleted: false,
		};
		checkNotification(notification, `${index}.`);
		return notification;
	});
	for (const notification of created)
		ctx.store.calendarNotifications.set(notification.id, notification);
	return { status: 200, body: created.map(notificationDto) };
};

export const updateCalendarNotification: Handler = (ctx) => {
	const current = notificationOf(ctx);
	const next: CalendarNotificationRecord = {
		...current,
		...(compact(ctx.body) as Partial<NotificationFields>),
	};
	checkNotification(next, '');
	ctx.store.calendarNotifications.set(next.id, next);
	return { status: 200, body: { message: 'Notification updated successfully' } };
};

/** CalendarNotificationDeleteResponseDTO. */
export const deleteCalendarNotification: Handler = (ctx) => {
	const notification = notificationOf(ctx);
	ctx.store.calendarNotifications.set(notification.id, { ...notification, deleted: true });
	return { status: 200, body: { message: 'Notification deleted successfully' } };
};
