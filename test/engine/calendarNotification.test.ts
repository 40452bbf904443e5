// Calendar Notification: every operation in n8n's engine against the sandbox, with the exact
// requests HighLevel receives, the outputs, paging, bad input and scopes.
import { HighLevelCalendarApi } from '../../credentials/HighLevelCalendarApi.credentials';
import { HighLevelCalendar } from '../../nodes/HighLevelCalendar/HighLevelCalendar.node';
import { runListSearch } from './harness/editorRequests';
import { runHighLevel, sandboxCredentials } from './harness/highLevel';
import {
	ALL_SCOPES,
	SANDBOX_CALENDAR_ID,
	SANDBOX_LOCATION_ID,
	SANDBOX_NOTIFICATION_2_ID,
	SANDBOX_NOTIFICATION_ID,
	SANDBOX_TOKEN,
} from '../sandbox';
import { byId, sandbox, useSandbox } from './testing';

const READ_ONLY_TOKEN = 'pit-events-read-only-77';

useSandbox({
	tokens: {
		[SANDBOX_TOKEN]: { locationId: SANDBOX_LOCATION_ID, scopes: ALL_SCOPES },
		[READ_ONLY_TOKEN]: {
			locationId: SANDBOX_LOCATION_ID,
			scopes: ['calendars.readonly', 'calendars/events.readonly'],
		},
	},
});

const NOTIFICATIONS = `/calendars/${SANDBOX_CALENDAR_ID}/notifications`;
const base = { resource: 'calendarNotification', calendarId: byId(SANDBOX_CALENDAR_ID) };
const emailReminder = {
	...base,
	operation: 'create',
	notificationType: 'reminder',
	channel: 'email',
	receiverType: 'contact',
	beforeTime: { time: [{ timeOffset: 30, unit: 'minutes' }] },
};

/** Adds `count` notifications to the seeded calendar, after its two. */
function addNotifications(count: number) {
	const seeded = sandbox.store.calendarNotifications.get(SANDBOX_NOTIFICATION_2_ID)!;
	for (let i = 0; i < count; i++) {
		const id = `ntf_${String(i).padStart(3, '0')}`;
		sandbox.store.calendarNotifications.set(id, { ...seeded, id });
	}
}

describe('Calendar Notification: Get Many', () => {
	it("lists the calendar's notifications with the filters set", async () => {
		const { items, error } = await runHighLevel(sandbox, {
			...base,
			operation: 'getAll',
			calendarNotificationFilters: { isActive: true, deleted: '={{ "false" }}' },
		});
		expect(error).toBeUndefined();
		expect(sandbox.requests).toHaveLength(1);
		expect(sandbox.requests[0]).toMatchObject({
			method: 'GET',
			path: NOTIFICATIONS,
			query: { isActive: 'true', deleted: 'false', limit: '50', skip: '0' },
			status: 200,
		});
		expect(items.map((item) => item.json)).toEqual(sandbox.requests[0].response);
		expect(items.map((item) => item.json._id)).toEqual([
			SANDBOX_NOTIFICATION_ID,
			SANDBOX_NOTIFICATION_2_ID,
		]);
	});

	it('Return All pages with skip, Limit stops where it is reached', async () => {
		addNotifications(230);
		const all = await runHighLevel(sandbox, { ...base, operation: 'getAll', returnAll: true });
		expect(sandbox.requests.map((request) => [request.query.limit, request.query.skip])).toEqual([
			['100', '0'],
			['100', '100'],
			['100', '200'],
		]);
		expect(all.items).toHaveLength(232);
		sandbox.resetStats();
		const some = await runHighLevel(sandbox, { ...base, operation: 'getAll', limit: 120 });
		expect(sandbox.requests.map((request) => [request.query.limit, request.query.skip])).toEqual([
			['100', '0'],
			['20', '100'],
		]);
		expect(some.items).toHaveLength(120);
	});

	it('refuses a filter that is not a boolean before any request', async () => {
		const { error } = await runHighLevel(sandbox, {
			...base,
			operation: 'getAll',
			calendarNotificationFilters: { isActive: '={{ "yes" }}' },
		});
		expect(sandbox.requests).toHaveLength(0);
		expect(error?.message).toBe(
			'Filters > Is Active (isActive) "yes" is not a boolean. Use true or false.',
		);
	});

	it('names an unknown calendar', async () => {
		const { error } = await runHighLevel(sandbox, {
			...base,
			operation: 'getAll',
			calendarId: byId('cal_missing'),
		});
		expect(sandbox.requests[0].status).toBe(404);
		expect(error?.message).toBe('HighLevel found no calendar with calendarId "cal_missing" (404)');
	});
});

describe('Calendar Notification: Get', () => {
	it('gets one notification', async () => {
		const { items } = await runHighLevel(sandbox, {
			...base,
			operation: 'get',
			notificationId: byId(SANDBOX_NOTIFICATION_ID),
		});
		expect(sandbox.requests[0]).toMatchObject({
			method: 'GET',
			path: `${NOTIFICATIONS}/${SANDBOX_NOTIFICATION_ID}`,
			query: {},
			status: 200,
		});
		expect(items.map((item) => item.json)).toEqual([sandbox.requests[0].response]);
		expect(items[0].json).toMatchObject({ notificationType: 'reminder', channel: 'email' });
	});

	it('names an unknown notification', async () => {
		const { error } = await runHighLevel(sandbox, {
			...base,
			operation: 'get',
			notificationId: byId('ntf_missing'),
		});
		expect(error?.message).toBe(
			'HighLevel found no calendar notification with notificationId "ntf_missing" (404)',
		);
	});
});

describe('Calendar Notification: Create', () => {
	it('an email to the contact 30 minutes before: one notification in a list, one item out', async () => {
		const { items, error } = await runHighLevel(sandbox, {
			...emailReminder,
			calendarNotificationAdditionalFields: { subject: 'See you soon', body: 'In 30 minutes' },
		});
		expect(error).toBeUndefined();
		expect(sandbox.requests).toHaveLength(1);
		const [request] = sandbox.requests;
		expect(request).toMatchObject({ method: 'POST', path: NOTIFICATIONS, status: 200 });
		expect(request.body).toEqual([
			{
				notificationType: 'reminder',
				channel: 'email',
				receiverType: 'contact',
				beforeTime: [{ timeOffset: 30, unit: 'minutes' }],
				subject: 'See you soon',
				body: 'In 30 minutes',
			},
		]);
		expect(items.map((item) => item.json)).toEqual(request.response);
		expect(items[0].json).toMatchObject({ _id: expect.any(String), isActive: true });
		expect(sandbox.stats.applied).toEqual([
			expect.objectContaining({ kind: 'calendarNotification', id: items[0].json._id }),
		]);
	});

	it('creates more from Notifications (JSON) in the same request, and emails to a list', async () => {
		const { items } = await runHighLevel(sandbox, {
			...base,
			operation: 'create',
			notificationType: 'booked',
			channel: 'email',
			receiverType: 'emails',
			additionalEmailIds: 'frontdesk@example.com, owner@example.com',
			calendarNotificationAdditionalFields: {
				notificationsJson:
					'[{"receiverType": "Assigned User", "channel": "sms", "notificationType": "followup", "afterTime": [{"timeOffset": "1", "unit": "days"}]}]',
			},
		});
		expect(sandbox.requests).toHaveLength(1);
		expect(sandbox.requests[0].body).toEqual([
			{
				notificationType: 'booked',
				channel: 'email',
				receiverType: 'emails',
				additionalEmailIds: ['frontdesk@example.com', 'owner@example.com'],
			},
			{
				receiverType: 'assignedUser',
				channel: 'sms',
				notificationType: 'followup',
				afterTime: [{ timeOffset: 1, unit: 'days' }],
			},
		]);
		expect(items).toHaveLength(2);
		expect(items[1].json).toMatchObject({ notificationType: 'followup', channel: 'sms' });
	});

	it.each([
		[
			'a reminder without a time',
			{ ...emailReminder, beforeTime: {} },
			'Before Time (beforeTime) {} holds no time. Add at least one time (e.g. 30 minutes), or remove beforeTime.',
		],
		[
			'times given twice',
			{
				...emailReminder,
				calendarNotificationAdditionalFields: {
					beforeTimeJson: '[{"timeOffset": 1, "unit": "hours"}]',
				},
			},
			'Additional Fields > Before Time (JSON) (beforeTimeJson) "[{\\"timeOffset\\": 1, \\"unit\\": \\"hours\\"}]" cannot be set together with beforeTime. Set the times in beforeTime or in beforeTimeJson, not both.',
		],
		[
			'JSON that does not parse',
			{ ...emailReminder, calendarNotificationAdditionalFields: { notificationsJson: '[{' } },
			'Additional Fields > Notifications (JSON) (notificationsJson) "[{" is not JSON.',
		],
		[
			'a wrong channel in the JSON',
			{
				...emailReminder,
				calendarNotificationAdditionalFields: {
					notificationsJson: {
						receiverType: 'contact',
						channel: 'pigeon',
						notificationType: 'booked',
					} as never,
				},
			},
			'Additional Fields > Notifications (JSON) (notificationsJson[0].channel) "pigeon" is not an allowed value. Use one of: email, inApp, sms, whatsapp.',
		],
		[
			'an email list without an address',
			{ ...emailReminder, receiverType: 'emails', additionalEmailIds: 'frontdesk' },
			'Additional Email IDs (additionalEmailIds) "frontdesk" is not an email address. Use email addresses separated by commas',
		],
		[
			'an SMS to email addresses',
			{ ...emailReminder, channel: 'sms', receiverType: 'emails', additionalEmailIds: 'a@b.co' },
			'Receiver Type (receiverType) "emails" does not fit channel sms. A sms notification cannot reach emails: pick another receiver or channel.',
		],
	])('refuses %s before any request', async (_name, parameters, message) => {
		const { error } = await runHighLevel(sandbox, parameters);
		expect(sandbox.requests).toHaveLength(0);
		expect(error?.message).toContain(message);
		expect(error?.description).toBe('Nothing was sent to HighLevel for this item.');
	});

	it('with Continue On Fail, a bad item fails alone', async () => {
		const { items } = await runHighLevel(
			sandbox,
			{
				...emailReminder,
				beforeTime: { time: [{ timeOffset: '={{ $json.minutes }}', unit: 'minutes' }] },
			},
			{ continueOnFail: true, items: [{ minutes: 0 }, { minutes: 15 }] },
		);
		expect(items[0].json.error).toBe(
			'Before Time (beforeTime[0].timeOffset) 0 is not a positive number. Use a number above 0, e.g. 30 with unit minutes.',
		);
		expect(sandbox.requests).toHaveLength(1);
		expect(sandbox.requests[0].body).toMatchObject([
			{ beforeTime: [{ timeOffset: 15, unit: 'minutes' }] },
		]);
		expect(items[1].json).toMatchObject({ notificationType: 'reminder' });
	});

	it('names the write scope a token lacks', async () => {
		const { error } = await runHighLevel(sandbox, emailReminder, {
			credentials: sandboxCredentials(sandbox, { accessToken: READ_ONLY_TOKEN }),
		});
		expect(sandbox.requests[0].status).toBe(401);
		expect(error?.message).toBe('The access token is missing the scope calendars/events.write');
	});
});

describe('Calendar Notification: Update', () => {
	it('sends only the fields set (times from JSON) and outputs { id, message }', async () => {
		const { items, error } = await runHighLevel(sandbox, {
			...base,
			operation: 'update',
			notificationId: byId(SANDBOX_NOTIFICATION_ID),
			calendarNotificationUpdateFields: {
				isActive: false,
				beforeTimeJson: '[{"timeOffset": 2, "unit": "days"}]',
				selectedUsers: 'sub_account_admin',
			},
		});
		expect(error).toBeUndefined();
		expect(sandbox.requests[0]).toMatchObject({
			method: 'PUT',
			path: `${NOTIFICATIONS}/${SANDBOX_NOTIFICATION_ID}`,
			status: 200,
		});
		expect(sandbox.requests[0].body).toEqual({
			isActive: false,
			beforeTime: [{ timeOffset: 2, unit: 'days' }],
			selectedUsers: ['sub_account_admin'],
		});
		expect(items.map((item) => item.json)).toEqual([
			{ id: SANDBOX_NOTIFICATION_ID, message: 'Notification updated successfully' },
		]);
		expect(sandbox.store.calendarNotifications.get(SANDBOX_NOTIFICATION_ID)).toMatchObject({
			isActive: false,
			beforeTime: [{ timeOffset: 2, unit: 'days' }],
		});
	});

	it('takes the times from the editor list too', async () => {
		await runHighLevel(sandbox, {
			...base,
			operation: 'update',
			notificationId: byId(SANDBOX_NOTIFICATION_ID),
			calendarNotificationUpdateFields: {
				beforeTime: {
					time: [
						{ timeOffset: 10, unit: 'minutes' },
						{ timeOffset: 1, unit: 'days' },
					],
				},
			},
		});
		expect(sandbox.requests[0].body).toEqual({
			beforeTime: [
				{ timeOffset: 10, unit: 'minutes' },
				{ timeOffset: 1, unit: 'days' },
			],
		});
	});

	it.each([
		[
			{},
			'Update Fields (calendarNotificationUpdateFields) (not set) is empty. Add at least one field to Update Fields.',
		],
		[
			{ notificationType: 'confirmation', beforeTimeJson: '[{"timeOffset": 1, "unit": "hours"}]' },
			'Update Fields > Before Time (beforeTime) [{"timeOffset":1,"unit":"hours"}] does not apply to a confirmation notification.',
		],
		[
			{ beforeTimeJson: '[{"timeOffset": 1, "unit": "weeks"}]' },
			'Update Fields > Before Time (JSON) (beforeTimeJson[0].unit) "weeks" is not an allowed value. Use one of: minutes, hours, days.',
		],
	])('refuses %j before any request', async (fields, message) => {
		const { error } = await runHighLevel(sandbox, {
			...base,
			operation: 'update',
			notificationId: byId(SANDBOX_NOTIFICATION_ID),
			calendarNotificationUpdateFields: fields,
		});
		expect(sandbox.requests).toHaveLength(0);
		expect(error?.message).toContain(message);
	});
});

describe('Calendar Notification: Delete', () => {
	it('deletes and outputs { id, deleted: true }', async () => {
		const { items } = await runHighLevel(sandbox, {
			...base,
			operation: 'delete',
			notificationId: byId(SANDBOX_NOTIFICATION_2_ID),
		});
		expect(sandbox.requests[0]).toMatchObject({
			method: 'DELETE',
			path: `${NOTIFICATIONS}/${SANDBOX_NOTIFICATION_2_ID}`,
			status: 200,
			response: { message: 'Notification deleted successfully' },
		});
		expect(items.map((item) => item.json)).toEqual([
			{ id: SANDBOX_NOTIFICATION_2_ID, deleted: true },
		]);
		expect(sandbox.store.calendarNotifications.get(SANDBOX_NOTIFICATION_2_ID)?.deleted).toBe(true);
	});

	it('names the write scope a token lacks', async () => {
		const { error } = await runHighLevel(
			sandbox,
			{ ...base, operation: 'delete', notificationId: byId(SANDBOX_NOTIFICATION_2_ID) },
			{ credentials: sandboxCredentials(sandbox, { accessToken: READ_ONLY_TOKEN }) },
		);
		expect(error?.message).toBe('The access token is missing the scope calendars/events.write');
		expect(sandbox.store.calendarNotifications.get(SANDBOX_NOTIFICATION_2_ID)?.deleted).toBe(false);
	});
});

describe('Calendar Notification: picker', () => {
	const search = (parameters: Record<string, unknown>) =>
		runListSearch({
			nodeType: new HighLevelCalendar(),
			credentialType: new HighLevelCalendarApi(),
			credentials: sandboxCredentials(sandbox),
			method: 'searchCalendarNotifications',
			parameters: parameters as never,
		});

	it("lists the chosen calendar's notifications by what they do", async () => {
		const found = await search(base);
		expect(found).toEqual({
			results: [
				{ name: 'Reminder by Email to Contact, 1 hour before', value: SANDBOX_NOTIFICATION_ID },
				{ name: 'Confirmation by Email to Contact', value: SANDBOX_NOTIFICATION_2_ID },
			],
			paginationToken: undefined,
		});
		expect(sandbox.requests[0]).toMatchObject({
			path: NOTIFICATIONS,
			query: { deleted: 'false', limit: '100', skip: '0' },
		});
	});

	it('asks for the calendar first', async () => {
		await expect(search({ resource: 'calendarNotification' })).rejects.toThrow(
			"Pick the Calendar first: the list shows that calendar's notifications",
		);
		expect(sandbox.requests).toHaveLength(0);
	});
});
