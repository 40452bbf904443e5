// The HighLevel sandbox itself, over real HTTP: a calendar's notifications.
import {
	OTHER_LOCATION_TOKEN,
	READONLY_TOKEN,
	SANDBOX_CALENDAR_2_ID,
	SANDBOX_CALENDAR_ID,
	SANDBOX_NOTIFICATION_2_ID,
	SANDBOX_NOTIFICATION_ID,
	call,
	conforms,
	sandbox,
	unprocessable,
	useSandbox,
} from '../sandbox/fixtures';

useSandbox();

const NOTIFICATIONS = `/calendars/${SANDBOX_CALENDAR_ID}/notifications`;
const REMINDER = `${NOTIFICATIONS}/${SANDBOX_NOTIFICATION_ID}`;
const LIST_SCHEMA =
	'/paths/~1calendars~1{calendarId}~1notifications/get/responses/200/content/application~1json/schema';
const ids = (list: Array<{ _id: string }>) => list.map((n) => n._id);
const smsReminder = {
	receiverType: 'assignedUser',
	channel: 'sms',
	notificationType: 'reminder',
	beforeTime: [{ timeOffset: 30, unit: 'minutes' }],
};

describe('list and get', () => {
	test("the calendar's notifications as CalendarNotificationResponseDTOs; paging with limit and skip", async () => {
		const res = await call('GET', NOTIFICATIONS);
		expect(res.status).toBe(200);
		conforms('calendars', LIST_SCHEMA, res.body);
		expect(res.body[0]).toEqual({
			_id: SANDBOX_NOTIFICATION_ID,
			receiverType: 'contact',
			channel: 'email',
			notificationType: 'reminder',
			isActive: true,
			deleted: false,
			subject: 'See you soon',
			body: 'Your appointment is in an hour.',
			beforeTime: [{ timeOffset: 1, unit: 'hours' }],
		});
		expect(ids(res.body as never)).toEqual([SANDBOX_NOTIFICATION_ID, SANDBOX_NOTIFICATION_2_ID]);
		expect(ids((await call('GET', `${NOTIFICATIONS}?limit=1&skip=1`)).body as never)).toEqual([
			SANDBOX_NOTIFICATION_2_ID,
		]);
		expect((await call('GET', `/calendars/${SANDBOX_CALENDAR_2_ID}/notifications`)).body).toEqual(
			[],
		);
		expect((await call('GET', `${NOTIFICATIONS}?isActive=maybe`)).body.message).toEqual([
			'isActive must be a boolean value',
		]);
	});

	test('isActive and deleted filter; deleted ones are left out unless asked for', async () => {
		sandbox.store.calendarNotifications.get(SANDBOX_NOTIFICATION_2_ID)!.isActive = false;
		expect(ids((await call('GET', `${NOTIFICATIONS}?isActive=false`)).body as never)).toEqual([
			SANDBOX_NOTIFICATION_2_ID,
		]);
		await call('DELETE', REMINDER);
		expect(ids((await call('GET', NOTIFICATIONS)).body as never)).toEqual([
			SANDBOX_NOTIFICATION_2_ID,
		]);
		expect(ids((await call('GET', `${NOTIFICATIONS}?deleted=true`)).body as never)).toEqual([
			SANDBOX_NOTIFICATION_ID,
		]);
	});

	test('get: unknown calendar or notification 404, another calendar 404, another location 403', async () => {
		const res = await call('GET', REMINDER);
		expect(res.status).toBe(200);
		conforms('calendars', 'CalendarNotificationResponseDTO', res.body);
		expect(await call('GET', `/calendars/cal_missing/notifications`)).toEqual({
			status: 404,
			body: { statusCode: 404, message: 'Calendar not found' },
		});
		const notFound = { status: 404, body: { statusCode: 404, message: 'Notification not found' } };
		expect(await call('GET', `${NOTIFICATIONS}/ntf_missing`)).toEqual(notFound);
		expect(
			await call(
				'GET',
				`/calendars/${SANDBOX_CALENDAR_2_ID}/notifications/${SANDBOX_NOTIFICATION_ID}`,
			),
		).toEqual(notFound);
		expect((await call('GET', REMINDER, undefined, { token: OTHER_LOCATION_TOKEN })).status).toBe(
			403,
		);
	});
});

describe('create', () => {
	test('a list in one request: 200 with the created list, each recorded with its own body', async () => {
		const confirmation = {
			receiverType: 'contact',
			channel: 'email',
			notificationType: 'confirmation',
		};
		const res = await call('POST', NOTIFICATIONS, [smsReminder, confirmation]);
		expect(res.status).toBe(200);
		conforms(
			'calendars',
			'/paths/~1calendars~1{calendarId}~1notifications/post/responses/200/content/application~1json/schema',
			res.body,
		);
		expect(res.body).toEqual([
			{ _id: expect.any(String), ...smsReminder, isActive: true, deleted: false },
			{ _id: expect.any(String), ...confirmation, isActive: true, deleted: false },
		]);
		expect(sandbox.store.calendarNotifications.get(res.body[0]._id)?.calendarId).toBe(
			SANDBOX_CALENDAR_ID,
		);
		expect(sandbox.stats.applied).toEqual([
			expect.objectContaining({
				kind: 'calendarNotification',
				id: res.body[0]._id,
				body: smsReminder,
			}),
			expect.objectContaining({
				kind: 'calendarNotification',
				id: res.body[1]._id,
				body: confirmation,
			}),
		]);
	});

	test('the body is checked against CreateCalendarNotificationDTO (422)', async () => {
		expect(await call('POST', NOTIFICATIONS, { ...smsReminder })).toEqual(
			unprocessable(['body must be an array']),
		);
		expect(
			await call('POST', NOTIFICATIONS, [{ ...smsReminder, channel: 'pigeon', deleted: false }]),
		).toEqual(
			unprocessable([
				'property 0.deleted should not exist',
				'0.channel must be one of the following values: email, inApp, sms, whatsapp',
			]),
		);
	});

	test("the field texts' rules (400); nothing is created when one entry is refused", async () => {
		const refused = async (body: unknown, message: string) =>
			expect(await call('POST', NOTIFICATIONS, body)).toEqual({
				status: 400,
				body: { statusCode: 400, message },
			});
		await refused([], 'At least one notification is required');
		await refused(
			[smsReminder, { ...smsReminder, beforeTime: [] }],
			'1.beforeTime is required for a reminder',
		);
		await refused(
			[{ receiverType: 'contact', channel: 'email', notificationType: 'followup' }],
			'0.afterTime is required for a follow-up',
		);
		await refused(
			[{ receiverType: 'emails', channel: 'email', notificationType: 'booked' }],
			'0.additionalEmailIds is required for receiverType emails',
		);
		expect(sandbox.store.calendarNotifications.size).toBe(2);
		expect(sandbox.stats.applied).toEqual([]);
		expect(
			(await call('POST', NOTIFICATIONS, [smsReminder], { token: READONLY_TOKEN })).status,
		).toBe(401);
		expect((await call('POST', `/calendars/cal_missing/notifications`, [smsReminder])).status).toBe(
			404,
		);
	});
});

describe('update and delete', () => {
	test('update: only what is sent, { message }; the rules apply to the result', async () => {
		const res = await call('PUT', REMINDER, {
			beforeTime: [{ timeOffset: 2, unit: 'days' }],
			isActive: false,
		});
		expect(res).toEqual({ status: 200, body: { message: 'Notification updated successfully' } });
		conforms('calendars', 'CalendarNotificationDeleteResponseDTO', res.body);
		expect(sandbox.store.calendarNotifications.get(SANDBOX_NOTIFICATION_ID)).toMatchObject({
			beforeTime: [{ timeOffset: 2, unit: 'days' }],
			isActive: false,
			subject: 'See you soon',
		});
		expect(sandbox.stats.applied).toEqual([
			expect.objectContaining({
				method: 'PUT',
				kind: 'calendarNotification',
				id: SANDBOX_NOTIFICATION_ID,
			}),
		]);
		expect((await call('PUT', REMINDER, { beforeTime: [] })).body.message).toBe(
			'beforeTime is required for a reminder',
		);
		expect((await call('PUT', REMINDER, { receiverType: 'phoneNumbers' })).body.message).toBe(
			'additionalPhoneNumbers is required for receiverType phoneNumbers',
		);
		expect((await call('PUT', REMINDER, { colour: 'red' })).status).toBe(422);
	});

	test('delete is soft: { message }, still fetched by id, restored by an update', async () => {
		const res = await call('DELETE', REMINDER);
		expect(res).toEqual({ status: 200, body: { message: 'Notification deleted successfully' } });
		expect((await call('GET', REMINDER)).body.deleted).toBe(true);
		expect(sandbox.stats.applied).toEqual([
			expect.objectContaining({
				method: 'DELETE',
				kind: 'calendarNotification',
				id: SANDBOX_NOTIFICATION_ID,
			}),
		]);
		await call('PUT', REMINDER, { deleted: false });
		expect((await call('GET', REMINDER)).body.deleted).toBe(false);
		expect((await call('DELETE', `${NOTIFICATIONS}/ntf_missing`)).status).toBe(404);
	});
});
