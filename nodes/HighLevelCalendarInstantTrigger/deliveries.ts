import { createHash } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';
import type { Delivery, DeliveryKind } from './events';

/**
 * What each source posts, read into one Delivery. Pure; the bodies' shapes are in
 * docs/instant-trigger.md ("What HighLevel sends").
 *
 * - A Marketplace app: `{ type, locationId, appointment: {...}, timestamp, webhookId }`, signed.
 * - HighLevel's workflow builder, Webhook action: the contact's fields at the top level, the
 *   appointment under `calendar` (its id is `appointmentId`, the calendar's is `id`), the
 *   location under `location`, the action's Custom Data under `customData`. A Custom Webhook
 *   action may post the app's shape instead (an `appointment` object); both are read.
 */

export interface Received {
	/** Each delivery's identity for the replay guard: the app's webhookId, or the body's digest. */
	deliveryId: string;
	/** The signed send time (app only), in ms. */
	timestampMs?: number;
	delivery: Delivery;
}

/** Why a verified body fires nothing: a body that is not an appointment event. */
export interface Ignored {
	ignored: string;
}

const APP_KINDS: Record<string, DeliveryKind> = {
	AppointmentCreate: 'create',
	AppointmentUpdate: 'update',
	AppointmentDelete: 'delete',
};

/** `customData.event` of a workflow-builder action, as an event name or HighLevel's type. */
const NAMED_KINDS: Record<string, DeliveryKind> = {
	booked: 'create',
	appointmentbooked: 'create',
	appointmentcreate: 'create',
	create: 'create',
	updated: 'update',
	appointmentupdated: 'update',
	appointmentupdate: 'update',
	update: 'update',
	deleted: 'delete',
	appointmentdeleted: 'delete',
	appointmentdelete: 'delete',
	delete: 'delete',
};

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (value: unknown): string | undefined =>
	typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;

/** A Marketplace app's delivery; its webhookId and timestamp are required (the replay guard). */
export function readAppDelivery(body: unknown): Received | Ignored {
	if (!isObject(body)) return { ignored: 'the body is not a JSON object' };
	const kind = APP_KINDS[String(body.type)];
	if (!kind)
		return { ignored: `event type ${JSON.stringify(body.type)} is not an appointment event` };
	if (!isObject(body.appointment) || text(body.appointment.id) === undefined)
		return { ignored: 'the body has no appointment' };
	const webhookId = text(body.webhookId);
	const timestampMs = Date.parse(String(body.timestamp));
	if (!webhookId || !Number.isFinite(timestampMs))
		return { ignored: 'the body has no webhookId or timestamp' };
	const appointment = { ...body.appointment, locationId: body.locationId };
	return { deliveryId: webhookId, timestampMs, delivery: { kind, appointment } };
}

function kindNamed(value: unknown): DeliveryKind {
	return NAMED_KINDS[
		String(value ?? '')
			.toLowerCase()
			.replace(/[\s_-]+/g, '')
	];
}

/** The appointment of a workflow builder's Webhook action, under the names the app uses. */
function fromCalendarBlock(body: IDataObject, calendar: IDataObject): IDataObject {
	const location = isObject(body.location) ? body.location : {};
	const appointment: IDataObject = {
		id: text(calendar.appointmentId),
		title: calendar.title,
		// HighLevel's own key is spelled `appoinmentStatus`; `status` is the event's (booked, cancelled).
		appointmentStatus: calendar.appoinmentStatus ?? calendar.appointmentStatus ?? calendar.status,
		startTime: calendar.startTime,
		endTime: calendar.endTime,
		calendarId: text(calendar.id),
		contactId: body.contact_id ?? body.contactId,
		assignedUserId: calendar.assignedUserId ?? calendar.assigned_user_id,
		address: calendar.address,
		notes: calendar.notes,
		locationId: location.id ?? body.locationId,
		calendarName: calendar.calendarName,
		selectedTimezone: calendar.selectedTimezone,
	};
	for (const key of Object.keys(appointment))
		if (appointment[key] === undefined) delete appointment[key];
	return appointment;
}

/** A workflow builder's delivery. Its identity is the digest of the exact bytes received. */
export function readWorkflowDelivery(body: unknown, rawBody: Buffer): Received | Ignored {
	if (!isObject(body)) return { ignored: 'the body is not a JSON object' };
	const customData = isObject(body.customData) ? body.customData : {};
	let appointment: IDataObject | undefined;
	let kind = kindNamed(customData.event ?? body.event);
	if (isObject(body.appointment) && text(body.appointment.id) !== undefined) {
		appointment = {
			...body.appointment,
			locationId: body.appointment.locationId ?? body.locationId,
		};
		kind = kind ?? APP_KINDS[String(body.type)];
	} else if (isObject(body.calendar) && text(body.calendar.appointmentId) !== undefined) {
		appointment = { ...fromCalendarBlock(body, body.calendar), webhookBody: body };
	}
	if (!appointment)
		return {
			ignored: 'the body has no appointment (calendar.appointmentId or appointment.id)',
		};
	const deliveryId = createHash('sha256').update(rawBody).digest('base64url');
	return { deliveryId, delivery: { kind, appointment } };
}
