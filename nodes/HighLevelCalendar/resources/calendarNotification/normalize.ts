import type { IDataObject } from 'n8n-workflow';
import { coerceBoolean, coerceText, commaList, matchOption } from '../../helpers/bodyChecks';
import { InputError } from '../../helpers/inputError';
import { didYouMean } from '../../helpers/suggest';
import { parseJsonOption, scheduleList } from './schedules';

/**
 * Checks on a calendar notification (CreateCalendarNotificationDTO, UpdateCalendarNotificationsDTO),
 * whether it comes from the editor's fields or from the Notifications (JSON) option. Pure, so
 * test/unit/HighLevelCalendar/resources/calendarNotification tests them alone. Field names in errors carry their place
 * (`notificationsJson[1].channel`) when the notification came from JSON.
 */

export const RECEIVER_TYPE_NAMES: Record<string, string> = {
	contact: 'Contact',
	guest: 'Guest',
	assignedUser: 'Assigned User',
	emails: 'Emails',
	phoneNumbers: 'Phone Numbers',
	business: 'Business',
};

export const CHANNEL_NAMES: Record<string, string> = {
	email: 'Email',
	inApp: 'In-App',
	sms: 'SMS',
	whatsapp: 'WhatsApp',
};

export const NOTIFICATION_TYPE_NAMES: Record<string, string> = {
	booked: 'Booked',
	confirmation: 'Confirmation',
	cancellation: 'Cancellation',
	reminder: 'Reminder',
	followup: 'Follow-Up',
	reschedule: 'Reschedule',
};

const SHARED_FIELDS = [
	'receiverType',
	'channel',
	'notificationType',
	'isActive',
	'templateId',
	'body',
	'subject',
	'afterTime',
	'beforeTime',
	'additionalEmailIds',
	'additionalPhoneNumbers',
	'selectedUsers',
	'fromAddress',
	'fromName',
	'fromNumber',
];
/** The fields each DTO has; Update alone can set `deleted` (a soft delete, or undoing one). */
export const CREATE_NOTIFICATION_FIELDS = SHARED_FIELDS;
export const UPDATE_NOTIFICATION_FIELDS = [...SHARED_FIELDS, 'deleted'];

const TEXT_FIELDS = ['templateId', 'body', 'subject', 'fromAddress', 'fromName', 'fromNumber'];
const EMAIL = /^[^\s@,]+@[^\s@,]+\.[^\s@,]+$/;
/** E.164, as the spec's examples (+919876744444); spaces, dashes, dots and brackets are dropped. */
const PHONE = /^\+[1-9]\d{6,14}$/;
const phoneDigits = (value: string) => value.replace(/[\s().-]/g, '');

type Mode = 'create' | 'update';

function checkKnownFields(notification: IDataObject, mode: Mode, at: (f: string) => string): void {
	const known = mode === 'create' ? CREATE_NOTIFICATION_FIELDS : UPDATE_NOTIFICATION_FIELDS;
	for (const key of Object.keys(notification)) {
		if (known.includes(key)) continue;
		throw new InputError(
			at(key),
			notification[key],
			`${didYouMean(key, known)}A notification ${mode === 'create' ? 'created' : 'updated'} here has: ${known.join(', ')}.`,
			'is not a field of a notification',
		);
	}
}

/** A list of emails, phone numbers or user ids: from a comma list or a list, trimmed, no repeats. */
function checkList(
	notification: IDataObject,
	field: string,
	at: (f: string) => string,
	check?: { pattern: RegExp; clean?: (v: string) => string; fix: string; problem: string },
): void {
	const raw = notification[field];
	if (raw === undefined) return;
	if (typeof raw !== 'string' && !Array.isArray(raw)) {
		throw new InputError(
			at(field),
			raw,
			'Give a list, or values separated by commas.',
			'is not a list',
		);
	}
	const values = [...new Set(commaList(raw).map((value) => check?.clean?.(value) ?? value))];
	const wrong = check ? values.find((value) => !check.pattern.test(value)) : undefined;
	if (check && wrong !== undefined)
		throw new InputError(at(field), wrong, check.fix, check.problem);
	notification[field] = values;
}

/** A shared check (coerceBoolean, coerceText) whose errors name the field's place. */
function coerced(
	notification: IDataObject,
	field: string,
	at: (f: string) => string,
	coerce: (body: IDataObject, field: string) => void,
): void {
	if (notification[field] === undefined) return;
	const holder: IDataObject = { [at(field)]: notification[field] };
	coerce(holder, at(field));
	notification[field] = holder[at(field)];
}

/** The sender: an email address for email, an E.164 number for SMS. */
function checkFrom(notification: IDataObject, at: (f: string) => string): void {
	const { fromAddress, fromNumber } = notification;
	if (typeof fromAddress === 'string' && fromAddress.trim() !== '') {
		notification.fromAddress = fromAddress.trim();
		if (!EMAIL.test(fromAddress.trim()))
			throw new InputError(
				at('fromAddress'),
				fromAddress,
				'Use an email address, e.g. frontdesk@example.com.',
				'is not an email address',
			);
	}
	if (typeof fromNumber === 'string' && fromNumber.trim() !== '') {
		notification.fromNumber = phoneDigits(fromNumber);
		if (!PHONE.test(notification.fromNumber as string))
			throw new InputError(
				at('fromNumber'),
				fromNumber,
				'Use E.164, e.g. +14155550100.',
				'is not a phone number',
			);
	}
}

function checkRequired(notification: IDataObject, fields: string[], at: (f: string) => string) {
	for (const field of fields) {
		if (notification[field] !== undefined) continue;
		throw new InputError(at(field), undefined, 'Set it: HighLevel requires it.', 'is missing');
	}
}

/** Rules between fields: times only where the type uses them, recipients the channel can reach. */
function checkCombinations(notification: IDataObject, mode: Mode, at: (f: string) => string) {
	const { notificationType: type, channel, receiverType: receiver } = notification;
	const timed: Array<[string, string, string]> = [
		['beforeTime', 'reminder', 'before the appointment'],
		['afterTime', 'followup', 'after the appointment'],
	];
	for (const [field, usedBy, when] of timed) {
		if (type === undefined) continue;
		if (notification[field] !== undefined && type !== usedBy) {
			throw new InputError(
				at(field),
				notification[field],
				`Only a ${usedBy} notification is sent at a time ${when}: remove ${field}, or make notificationType ${usedBy}.`,
				`does not apply to a ${String(type)} notification`,
			);
		}
		if (mode === 'create' && type === usedBy && notification[field] === undefined) {
			throw new InputError(
				at(field),
				undefined,
				`A ${usedBy} notification needs at least one time ${when} (e.g. 1 hours).`,
				'is missing',
			);
		}
	}
	const listFor: Record<string, string> = {
		emails: 'additionalEmailIds',
		phoneNumbers: 'additionalPhoneNumbers',
	};
	const needed = typeof receiver === 'string' ? listFor[receiver] : undefined;
	if (mode === 'create' && needed && notification[needed] === undefined) {
		throw new InputError(
			at(needed),
			undefined,
			`Sending to ${String(receiver)} needs the list of them in ${needed}.`,
			'is missing',
		);
	}
	const unreachable =
		(channel === 'email' && receiver === 'phoneNumbers') ||
		((channel === 'sms' || channel === 'whatsapp') && receiver === 'emails');
	if (unreachable) {
		throw new InputError(
			at('receiverType'),
			receiver,
			`A ${String(channel)} notification cannot reach ${String(receiver)}: pick another receiver or channel.`,
			`does not fit channel ${String(channel)}`,
		);
	}
}

/**
 * One notification, checked and in the API's shape. `beforeTimeJson` and `afterTimeJson` (the
 * options) are folded into `beforeTime` and `afterTime`. `prefix` names where a JSON one came from.
 */
export function normalizeNotification(input: IDataObject, mode: Mode, prefix = ''): IDataObject {
	const at = (field: string) => (prefix ? `${prefix}.${field}` : field);
	const { beforeTimeJson, afterTimeJson, ...notification } = input;
	checkKnownFields(notification, mode, at);
	if (
		mode === 'update' &&
		Object.keys(notification).length === 0 &&
		!beforeTimeJson &&
		!afterTimeJson
	) {
		throw new InputError(
			'calendarNotificationUpdateFields',
			undefined,
			'Add at least one field to Update Fields.',
			'is empty',
		);
	}
	for (const [field, json] of [
		['beforeTime', beforeTimeJson],
		['afterTime', afterTimeJson],
	] as const) {
		const times = scheduleList(at(field), notification[field], json);
		if (times === undefined) delete notification[field];
		else notification[field] = times;
	}
	if (mode === 'create')
		checkRequired(notification, ['receiverType', 'channel', 'notificationType'], at);
	const options: Array<[string, Record<string, string>]> = [
		['receiverType', RECEIVER_TYPE_NAMES],
		['channel', CHANNEL_NAMES],
		['notificationType', NOTIFICATION_TYPE_NAMES],
	];
	for (const [field, names] of options)
		if (notification[field] !== undefined)
			notification[field] = matchOption(at(field), notification[field], names);
	for (const field of ['isActive', 'deleted']) coerced(notification, field, at, coerceBoolean);
	for (const field of TEXT_FIELDS) coerced(notification, field, at, coerceText);
	checkFrom(notification, at);
	checkList(notification, 'additionalEmailIds', at, {
		pattern: EMAIL,
		fix: 'Use email addresses separated by commas, e.g. a@example.com, b@example.com.',
		problem: 'is not an email address',
	});
	checkList(notification, 'additionalPhoneNumbers', at, {
		pattern: PHONE,
		clean: phoneDigits,
		fix: 'Use E.164 numbers separated by commas, e.g. +14155550100.',
		problem: 'is not an E.164 phone number',
	});
	checkList(notification, 'selectedUsers', at);
	checkCombinations(notification, mode, at);
	return notification;
}

/**
 * Create: the notification the fields describe, then any the Notifications (JSON) option adds
 * (one object or a list), all created by one request, as HighLevel takes them.
 */
export function normalizeNotificationList(input: IDataObject): IDataObject[] {
	const { notificationsJson, ...fields } = input;
	const main = normalizeNotification(fields, 'create');
	const parsed = parseJsonOption('notificationsJson', notificationsJson);
	if (parsed === undefined) return [main];
	const extra = Array.isArray(parsed) ? parsed : [parsed];
	return [
		main,
		...extra.map((entry, index) => {
			const place = `notificationsJson[${index}]`;
			if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
				throw new InputError(
					place,
					entry,
					'Each notification is an object such as {"receiverType": "contact", "channel": "email", "notificationType": "confirmation"}.',
					'is not a notification',
				);
			}
			return normalizeNotification({ ...(entry as IDataObject) }, 'create', place);
		}),
	];
}

/** Get Many's filters: booleans, also as text from an expression. */
export function normalizeNotificationFilters(qs: IDataObject): IDataObject {
	coerceBoolean(qs, 'isActive');
	coerceBoolean(qs, 'deleted');
	return qs;
}
