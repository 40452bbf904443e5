import {
	normalizeNotification,
	normalizeNotificationFilters,
	normalizeNotificationList,
} from '../../../../../nodes/HighLevelCalendar/resources/calendarNotification/normalize';
import {
	parseJsonOption,
	scheduleList,
} from '../../../../../nodes/HighLevelCalendar/resources/calendarNotification/schedules';

const confirmation = {
	receiverType: 'contact',
	channel: 'email',
	notificationType: 'confirmation',
};
const reminder = {
	receiverType: 'contact',
	channel: 'email',
	notificationType: 'reminder',
	beforeTime: { time: [{ timeOffset: 30, unit: 'minutes' }] },
};

describe('times (beforeTime, afterTime)', () => {
	it("takes the editor's list, a plain list, one object, or JSON text", () => {
		const half = [{ timeOffset: 30, unit: 'minutes' }];
		expect(scheduleList('beforeTime', { time: half }, undefined)).toEqual(half);
		expect(scheduleList('beforeTime', half, undefined)).toEqual(half);
		expect(scheduleList('beforeTime', { timeOffset: '30', unit: 'Minutes' }, undefined)).toEqual(
			half,
		);
		expect(
			scheduleList('beforeTime', undefined, '[{"timeOffset": 30, "unit": "minutes"}]'),
		).toEqual(half);
		expect(scheduleList('beforeTime', undefined, '  ')).toBeUndefined();
		expect(scheduleList('beforeTime', undefined, undefined)).toBeUndefined();
	});

	it.each([
		[
			{},
			undefined,
			'beforeTime {} holds no time. Add at least one time (e.g. 30 minutes), or remove beforeTime.',
		],
		[undefined, '[]', 'beforeTimeJson "[]" holds no time.'],
		[
			{ time: [{ timeOffset: 1, unit: 'hours' }] },
			'[{"timeOffset": 1, "unit": "hours"}]',
			'cannot be set together with beforeTime',
		],
		[
			[{ timeOffset: 0, unit: 'hours' }],
			undefined,
			'beforeTime[0].timeOffset 0 is not a positive number.',
		],
		[
			[{ timeOffset: 1, unit: 'fortnights' }],
			undefined,
			'beforeTime[0].unit "fortnights" is not an allowed value. Use one of: minutes, hours, days.',
		],
		[
			[{ timeOffset: 1, unit: 'hours', when: 'x' }],
			undefined,
			'beforeTime[0].when "x" is not a field of a time.',
		],
		[['1h'], undefined, 'beforeTime[0] "1h" is not a time.'],
		[7, undefined, 'beforeTime 7 is not a list of times.'],
	])('refuses %j / %j', (fromFields, fromJson, message) => {
		expect(() => scheduleList('beforeTime', fromFields, fromJson)).toThrow(message);
	});

	it('parses JSON options and names a parse error', () => {
		expect(parseJsonOption('x', { a: 1 })).toEqual({ a: 1 });
		expect(() => parseJsonOption('afterTimeJson', '[{')).toThrow(
			'afterTimeJson "[{" is not JSON. Write valid JSON (',
		);
	});
});

describe('one notification', () => {
	it('create: the required three, options by the editor name, lists from text', () => {
		expect(
			normalizeNotification(
				{
					receiverType: 'Phone Numbers',
					channel: 'SMS',
					notificationType: 'Follow-Up',
					afterTimeJson: [{ timeOffset: 1, unit: 'days' }],
					additionalPhoneNumbers: '+1 (415) 555-0100, +14155550100, +4930123456',
					fromNumber: '+1 415 555 0199',
					isActive: 'true',
				},
				'create',
			),
		).toEqual({
			receiverType: 'phoneNumbers',
			channel: 'sms',
			notificationType: 'followup',
			afterTime: [{ timeOffset: 1, unit: 'days' }],
			additionalPhoneNumbers: ['+14155550100', '+4930123456'],
			fromNumber: '+14155550199',
			isActive: true,
		});
	});

	it.each([
		[
			{ ...confirmation, channel: undefined },
			'create',
			'channel (not set) is missing. Set it: HighLevel requires it.',
		],
		[
			{ ...reminder, beforeTime: undefined },
			'create',
			'beforeTime (not set) is missing. A reminder notification needs at least one time before the appointment',
		],
		[
			{ ...confirmation, notificationType: 'followup' },
			'create',
			'afterTime (not set) is missing.',
		],
		[
			{ ...confirmation, beforeTime: [{ timeOffset: 1, unit: 'hours' }] },
			'create',
			'beforeTime [{"timeOffset":1,"unit":"hours"}] does not apply to a confirmation notification.',
		],
		[
			{ ...confirmation, receiverType: 'emails' },
			'create',
			'additionalEmailIds (not set) is missing. Sending to emails needs the list of them in additionalEmailIds.',
		],
		[
			{ ...confirmation, receiverType: 'emails', additionalEmailIds: 'a@b.co, nope' },
			'create',
			'additionalEmailIds "nope" is not an email address.',
		],
		[
			{ ...confirmation, receiverType: 'phoneNumbers', additionalPhoneNumbers: '4155550100' },
			'create',
			'additionalPhoneNumbers "4155550100" is not an E.164 phone number.',
		],
		[
			{ ...confirmation, receiverType: 'phoneNumbers', additionalPhoneNumbers: '+14155550100' },
			'create',
			'receiverType "phoneNumbers" does not fit channel email.',
		],
		[
			{ ...confirmation, fromAddress: 'front desk' },
			'create',
			'fromAddress "front desk" is not an email address.',
		],
		[
			{ ...confirmation, deleted: true },
			'create',
			'deleted true is not a field of a notification. A notification created here has:',
		],
		[
			{ ...confirmation, chanel: 'sms' },
			'create',
			'chanel "sms" is not a field of a notification. Did you mean channel?',
		],
		[{ ...confirmation, subject: { text: 'x' } }, 'create', 'subject {"text":"x"} is not text.'],
		[{ selectedUsers: 5 }, 'update', 'selectedUsers 5 is not a list.'],
		[{ isActive: 'on' }, 'update', 'isActive "on" is not a boolean.'],
	])('refuses %j (%s)', (input, mode, message) => {
		expect(() => normalizeNotification({ ...input } as never, mode as 'create')).toThrow(message);
	});

	it('update: only what is given; deleted can be set; the type rule only when the type is given', () => {
		expect(
			normalizeNotification(
				{ deleted: 'false', beforeTimeJson: '[{"timeOffset":2,"unit":"hours"}]' },
				'update',
			),
		).toEqual({ deleted: false, beforeTime: [{ timeOffset: 2, unit: 'hours' }] });
		expect(normalizeNotification({ receiverType: 'emails' }, 'update')).toEqual({
			receiverType: 'emails',
		});
		expect(() => normalizeNotification({}, 'update')).toThrow(
			'calendarNotificationUpdateFields (not set) is empty.',
		);
	});
});

describe('the list Create sends', () => {
	it('the fields make the first, Notifications (JSON) adds one or more', () => {
		expect(normalizeNotificationList({ ...confirmation })).toEqual([confirmation]);
		expect(
			normalizeNotificationList({
				...reminder,
				notificationsJson: JSON.stringify([confirmation, { ...confirmation, channel: 'In-App' }]),
			}),
		).toEqual([
			{ ...reminder, beforeTime: [{ timeOffset: 30, unit: 'minutes' }] },
			confirmation,
			{ ...confirmation, channel: 'inApp' },
		]);
		expect(
			normalizeNotificationList({ ...confirmation, notificationsJson: confirmation }),
		).toHaveLength(2);
	});

	it('names the place of a bad JSON notification', () => {
		expect(() =>
			normalizeNotificationList({ ...confirmation, notificationsJson: [confirmation, 'booked'] }),
		).toThrow('notificationsJson[1] "booked" is not a notification.');
		expect(() =>
			normalizeNotificationList({
				...confirmation,
				notificationsJson: [
					{
						...confirmation,
						notificationType: 'reminder',
						beforeTime: [{ timeOffset: 'soon', unit: 'hours' }],
					},
				],
			}),
		).toThrow('notificationsJson[0].beforeTime[0].timeOffset "soon" is not a positive number.');
		expect(() =>
			normalizeNotificationList({ ...confirmation, notificationsJson: [{ channel: 'email' }] }),
		).toThrow('notificationsJson[0].receiverType (not set) is missing.');
	});
});

describe('Get Many filters', () => {
	it('booleans, also from text', () => {
		expect(normalizeNotificationFilters({ isActive: 'true', deleted: false })).toEqual({
			isActive: true,
			deleted: false,
		});
		expect(() => normalizeNotificationFilters({ deleted: 'no' })).toThrow(
			'deleted "no" is not a boolean.',
		);
	});
});
