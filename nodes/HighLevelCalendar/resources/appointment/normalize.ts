import type { IDataObject } from 'n8n-workflow';
import { APPOINTMENT_STATUS_NAMES, MEETING_LOCATION_TYPE_NAMES } from '../../helpers/constants';
import {
	checkId,
	checkOption,
	coerceBoolean,
	coerceText,
	normalizeTimeRange,
} from '../../helpers/bodyChecks';
import type { BodyContext } from '../../hooks/request';
import { InputError } from '../../helpers/inputError';

const BOOLEAN_FIELDS = [
	'overrideLocationConfig',
	'ignoreDateRange',
	'toNotify',
	'ignoreFreeSlotValidation',
];
const TEXT_FIELDS = ['title', 'description', 'address', 'rrule'];
const OPTIONAL_ID_FIELDS = ['assignedUserId', 'meetingLocationId'];

/**
 * HighLevel applies an rrule only when ignoreFreeSlotValidation is true and silently drops it
 * otherwise, so we send true for the user, and refuse an explicit false rather than lose the rule.
 */
function applyRecurrenceRule(body: IDataObject): void {
	if (body.rrule === undefined) return;
	if (typeof body.rrule !== 'string' || body.rrule.trim() === '') {
		throw new InputError(
			'rrule',
			body.rrule,
			'Set an RRULE such as RRULE:FREQ=WEEKLY;COUNT=5, or remove the field.',
			'is empty',
		);
	}
	if (body.ignoreFreeSlotValidation === false) {
		throw new InputError(
			'ignoreFreeSlotValidation',
			false,
			'HighLevel applies an rrule only when ignoreFreeSlotValidation is true: remove ignoreFreeSlotValidation or set it to true.',
			'cannot be false together with an rrule',
			['ignoreFreeSlotValidation'],
		);
	}
	body.ignoreFreeSlotValidation = true;
}

function normalizeCommonFields(body: IDataObject, context: BodyContext): void {
	for (const field of BOOLEAN_FIELDS) coerceBoolean(body, field);
	for (const field of TEXT_FIELDS) coerceText(body, field);
	for (const field of OPTIONAL_ID_FIELDS) checkId(body, field, false);
	checkOption(body, 'meetingLocationType', MEETING_LOCATION_TYPE_NAMES);
	checkOption(body, 'appointmentStatus', APPOINTMENT_STATUS_NAMES);
	normalizeTimeRange(body, context);
	applyRecurrenceRule(body);
}

export function normalizeCreateBody(body: IDataObject, context: BodyContext): IDataObject {
	if (body.locationId === undefined) body.locationId = context.credentialLocationId;
	for (const field of ['calendarId', 'contactId', 'locationId']) checkId(body, field, true);
	if (body.startTime === undefined || body.startTime === '') {
		throw new InputError(
			'startTime',
			body.startTime,
			'Set the appointment start, e.g. 2026-06-23T09:30:00+02:00.',
			'is required',
		);
	}
	normalizeCommonFields(body, context);
	return body;
}

export function normalizeUpdateBody(body: IDataObject, context: BodyContext): IDataObject {
	if (Object.keys(body).length === 0) {
		throw new InputError(
			'updateFields',
			body,
			'Add at least one field to Update Fields.',
			'is empty',
		);
	}
	checkId(body, 'calendarId', false);
	normalizeCommonFields(body, context);
	return body;
}
