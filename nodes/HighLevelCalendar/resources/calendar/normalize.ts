import type { IDataObject } from 'n8n-workflow';
import { checkId, checkOption, coerceBoolean, coerceText } from '../../helpers/bodyChecks';
import type { BodyContext } from '../../hooks/request';
import { InputError } from '../../helpers/inputError';
import {
	AVAILABILITY_TYPE_NAMES,
	BOOKING_AFTER_UNIT_NAMES,
	BOOKING_FOR_UNIT_NAMES,
	CALENDAR_TYPE_NAMES,
	CONFERENCE_KINDS,
	DURATION_UNIT_NAMES,
	EVENT_TYPE_NAMES,
	FORM_SUBMIT_TYPE_NAMES,
	GUEST_TYPE_NAMES,
	WIDGET_TYPE_NAMES,
} from './enums';
import { normalizeNestedBodies } from './nested';
import { checkShape, type Shape } from './shapes';

/**
 * Calendar Create (CalendarCreateDTO) and Update (CalendarUpdateDTO) bodies: every field checked
 * and coerced before anything is sent, because expressions can put anything there.
 */

const TEXT_FIELDS = [
	'name',
	'description',
	'slug',
	'widgetSlug',
	'eventTitle',
	'eventColor',
	'formId',
	'alertEmail',
	'notes',
	'pixelId',
	'formSubmitRedirectURL',
	'formSubmitThanksMessage',
	'consentLabel',
	'calendarCoverImage',
];

const BOOLEAN_FIELDS = [
	'isActive',
	'enableRecurring',
	'stickyContact',
	'isLivePaymentMode',
	'autoConfirm',
	'shouldSendAlertEmailsToAssignedMember',
	'googleInvitationEmails',
	'allowReschedule',
	'allowCancellation',
	'shouldAssignContactToTeamMember',
	'shouldSkipAssigningContactForExisting',
];

/** Lengths are positive; buffers, notices and limits may be 0. The spec spells `appoinment` so. */
const NUMBER_FIELDS: Record<string, Shape> = {
	slotDuration: { type: 'number', min: 1 },
	slotInterval: { type: 'number', min: 1 },
	slotBuffer: { type: 'number', min: 0 },
	preBuffer: { type: 'number', min: 0 },
	appoinmentPerSlot: { type: 'number', integer: true, min: 1 },
	appoinmentPerDay: { type: 'number', integer: true, min: 0 },
	allowBookingAfter: { type: 'number', min: 0 },
	allowBookingFor: { type: 'number', min: 0 },
	// A number enum: 0 or 1, also as text ("0") or by name ("Open Hours Only").
	availabilityType: { type: 'number', names: AVAILABILITY_TYPE_NAMES },
};

/** No flat field is a date; the shape checker needs a zone only for those. */
const NO_DATES = { timeZone: 'UTC' };

const OPTION_FIELDS: Record<string, Record<string, string>> = {
	calendarType: CALENDAR_TYPE_NAMES,
	eventType: EVENT_TYPE_NAMES,
	widgetType: WIDGET_TYPE_NAMES,
	slotDurationUnit: DURATION_UNIT_NAMES,
	slotIntervalUnit: DURATION_UNIT_NAMES,
	slotBufferUnit: DURATION_UNIT_NAMES,
	preBufferUnit: DURATION_UNIT_NAMES,
	allowBookingAfterUnit: BOOKING_AFTER_UNIT_NAMES,
	allowBookingForUnit: BOOKING_FOR_UNIT_NAMES,
	formSubmitType: FORM_SUBMIT_TYPE_NAMES,
	guestType: GUEST_TYPE_NAMES,
};

/** "Team members are required for calendars of type: Round Robin, Collective, Class, Service." */
const TEAM_CALENDAR_TYPES = ['round_robin', 'collective', 'class_booking', 'service_booking'];

function normalizeFlatFields(body: IDataObject): void {
	for (const field of TEXT_FIELDS) coerceText(body, field);
	for (const field of BOOLEAN_FIELDS) coerceBoolean(body, field);
	checkId(body, 'groupId', false);
	for (const [field, shape] of Object.entries(NUMBER_FIELDS))
		if (body[field] !== undefined)
			body[field] = checkShape(field, body[field], shape, NO_DATES) as number;
	for (const [field, names] of Object.entries(OPTION_FIELDS)) checkOption(body, field, names);
}

/** "Please note that only one member should be added in the calendar to enable this." */
function checkRecurringMembers(body: IDataObject): void {
	const members = body.teamMembers as IDataObject[] | undefined;
	if (body.enableRecurring === true && members && members.length > 1) {
		throw new InputError(
			'enableRecurring',
			true,
			`HighLevel allows recurring appointments only on a calendar with one team member: remove Enable Recurring or keep one of the ${members.length} team members.`,
			'cannot be set with several team members',
		);
	}
}

/** What the spec's field texts require of a new calendar of a given type. */
function checkCalendarType(body: IDataObject): void {
	const type = body.calendarType as string | undefined;
	if (type === undefined) return;
	const members = (body.teamMembers as IDataObject[] | undefined) ?? [];
	const name = CALENDAR_TYPE_NAMES[type];
	if (TEAM_CALENDAR_TYPES.includes(type) && members.length === 0) {
		throw new InputError(
			'teamMembers',
			body.teamMembers,
			`A ${name} calendar needs team members: add them in Team Members (or Team Members (JSON)).`,
			'is missing',
		);
	}
	if (type === 'personal' && members.length !== 1) {
		throw new InputError(
			'teamMembers',
			body.teamMembers,
			'A Personal calendar must have exactly one team member.',
			`has ${members.length} members`,
		);
	}
	if (type === 'collective' && !members.some((member) => member.isPrimary === true)) {
		throw new InputError(
			'teamMembers',
			body.teamMembers,
			'A Collective calendar needs one primary team member: set Is Primary on one of them.',
			'has no primary member',
		);
	}
	const locations = (body.locationConfigurations as IDataObject[] | undefined) ?? [];
	const conference = locations.find((config) => CONFERENCE_KINDS.includes(String(config.kind)));
	if (type === 'event' && conference) {
		throw new InputError(
			'locationConfigurations',
			conference.kind,
			'An Event calendar supports no Zoom, Google Meet or Teams meeting location: pick another kind, or another calendar type.',
			'is not supported for an Event calendar',
		);
	}
}

export function normalizeCalendarCreateBody(body: IDataObject, context: BodyContext): IDataObject {
	if (body.locationId === undefined) body.locationId = context.credentialLocationId;
	checkId(body, 'locationId', true);
	coerceText(body, 'name');
	if (typeof body.name !== 'string' || body.name.trim() === '') {
		throw new InputError('name', body.name, 'Set the calendar name: it is required.', 'is empty');
	}
	normalizeFlatFields(body);
	normalizeNestedBodies(body, { timeZone: context.timeZone }, false);
	checkCalendarType(body);
	checkRecurringMembers(body);
	return body;
}

export function normalizeCalendarUpdateBody(body: IDataObject, context: BodyContext): IDataObject {
	if (Object.keys(body).length === 0) {
		throw new InputError(
			'calendarUpdateFields',
			body,
			'Add at least one field to Update Fields.',
			'is empty',
		);
	}
	if (body.name !== undefined) {
		coerceText(body, 'name');
		if (body.name === '')
			throw new InputError(
				'name',
				body.name,
				'Set a name or remove Name from the fields.',
				'is empty',
			);
	}
	normalizeFlatFields(body);
	normalizeNestedBodies(body, { timeZone: context.timeZone }, true);
	checkRecurringMembers(body);
	return body;
}
