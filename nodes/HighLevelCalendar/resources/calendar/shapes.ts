import type { IDataObject } from 'n8n-workflow';
import { matchOption } from '../../helpers/bodyChecks';
import { InputError } from '../../helpers/inputError';
import { formatInTimeZone } from '../../helpers/time';
import {
	DAY_NAMES,
	LOCATION_KIND_NAMES,
	NOTIFICATION_TYPE_NAMES,
	OVERLAP_STATUS_NAMES,
	PRIORITY_NAMES,
	RECURRING_BOOKING_OPTION_NAMES,
	RECURRING_FREQ_NAMES,
} from './enums';

/**
 * The nested bodies of a calendar (open hours, team members, ...) as the spec's schemas define
 * them, and one checker for them. What a user gives as JSON, or what the node builds from the
 * editor's fields, goes through `checkShape` before it is sent: numbers and booleans from
 * expressions are coerced, enum names matched, and anything HighLevel would refuse (an unknown
 * key, since it rejects fields it does not know; a missing required one; an hour of 24) fails the
 * item with the path of the value, e.g. `openHoursJson[0].hours[1].closeHour`.
 */
export type Shape =
	| {
			type: 'number';
			min?: number;
			max?: number;
			integer?: boolean;
			names?: Record<string, string>;
	  }
	| { type: 'string'; names?: Record<string, string>; nonEmpty?: boolean }
	| { type: 'boolean' }
	| { type: 'day' }
	| { type: 'date' }
	| { type: 'array'; items: Shape; nonEmpty?: boolean }
	| { type: 'object'; fields: Record<string, Shape>; required?: string[] };

export interface ShapeContext {
	/** Where a JS Date given for a custom availability's day is read. */
	timeZone: string;
}

function checkNumber(field: string, value: unknown, shape: Extract<Shape, { type: 'number' }>) {
	if (shape.names) return Number(matchOption(field, String(value), shape.names));
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isFinite(number))
		throw new InputError(field, value, 'Use a number.', 'is not a number');
	if (shape.integer && !Number.isInteger(number))
		throw new InputError(field, value, 'Use a whole number.', 'is not a whole number');
	if (
		(shape.min !== undefined && number < shape.min) ||
		(shape.max !== undefined && number > shape.max)
	) {
		const range = `${shape.min ?? '-∞'} to ${shape.max ?? '∞'}`;
		throw new InputError(field, value, `Use a number from ${range}.`, 'is out of range');
	}
	return number;
}

function checkText(field: string, value: unknown, shape: Extract<Shape, { type: 'string' }>) {
	const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
	if (typeof text !== 'string')
		throw new InputError(field, value, 'Use plain text.', 'is not text');
	if (shape.names) return matchOption(field, text, shape.names);
	if (shape.nonEmpty && text.trim() === '')
		throw new InputError(field, value, 'Set it: it is required.', 'is empty');
	return shape.nonEmpty ? text.trim() : text;
}

function checkBoolean(field: string, value: unknown): boolean {
	if (typeof value === 'boolean') return value;
	if (value === 'true' || value === 'false') return value === 'true';
	throw new InputError(field, value, 'Use true or false.', 'is not a boolean');
}

/** A day of the week as HighLevel numbers it (0 Sunday ... 6 Saturday), also by name: "Mon", "monday". */
export function checkDay(field: string, value: unknown): number {
	const fix = 'Use 0 (Sunday) to 6 (Saturday), or a day name such as Monday.';
	if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) value = Number(value);
	if (typeof value === 'number') {
		if (Number.isInteger(value) && value >= 0 && value <= 6) return value;
		throw new InputError(field, value, fix, 'is not a day of the week');
	}
	const wanted = typeof value === 'string' ? value.trim().toLowerCase() : '';
	const day = DAY_NAMES.findIndex(
		(name) => wanted.length >= 3 && name.toLowerCase().startsWith(wanted),
	);
	if (day === -1) throw new InputError(field, value, fix, 'is not a day of the week');
	return day;
}

interface DateLike {
	isValid: boolean;
	toISODate(): string | null;
}

/**
 * A custom availability's day, sent as the spec asks: `<YYYY-MM-DD in local timezone>T00:00:00.000Z`.
 * A text's date is taken as written (n8n's date picker gives `2030-01-14T00:00:00`), a Luxon
 * DateTime's in its own zone, a JS Date's in the reading time zone.
 */
export function checkAvailabilityDate(field: string, value: unknown, timeZone: string): string {
	const fix = 'Use the day as YYYY-MM-DD, e.g. 2030-01-14.';
	let day: string | undefined;
	if (typeof value === 'string') day = /^\s*(\d{4}-\d{2}-\d{2})(?:[T ]|\s*$)/.exec(value)?.[1];
	else if (value instanceof Date && !Number.isNaN(value.getTime()))
		day = formatInTimeZone(value.getTime(), timeZone).slice(0, 10);
	else if (typeof (value as DateLike)?.toISODate === 'function' && (value as DateLike).isValid)
		day = (value as DateLike).toISODate() ?? undefined;
	if (!day) throw new InputError(field, value, fix, 'is not a date');
	const [year, month, date] = day.split('-').map(Number);
	const check = new Date(Date.UTC(year, month - 1, date));
	if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date)
		throw new InputError(field, value, fix, 'is not a real date');
	return `${day}T00:00:00.000Z`;
}

function checkObject(
	field: string,
	value: unknown,
	shape: Extract<Shape, { type: 'object' }>,
	context: ShapeContext,
): IDataObject {
	if (typeof value !== 'object' || value === null || Array.isArray(value))
		throw new InputError(field, value, 'Use a JSON object.', 'is not an object');
	const known = Object.keys(shape.fields);
	const result: IDataObject = {};
	for (const [key, entry] of Object.entries(value)) {
		if (!known.includes(key)) {
			throw new InputError(
				`${field}.${key}`,
				entry,
				`Remove it: HighLevel refuses unknown fields here and accepts ${known.join(', ')}.`,
				'is not a field HighLevel accepts',
			);
		}
		if (entry === undefined) continue;
		result[key] = checkShape(`${field}.${key}`, entry, shape.fields[key], context) as IDataObject;
	}
	for (const key of shape.required ?? []) {
		if (result[key] === undefined)
			throw new InputError(`${field}.${key}`, undefined, 'Set it: it is required.', 'is missing');
	}
	return result;
}

export function checkShape(
	field: string,
	value: unknown,
	shape: Shape,
	context: ShapeContext,
): unknown {
	switch (shape.type) {
		case 'number':
			return checkNumber(field, value, shape);
		case 'string':
			return checkText(field, value, shape);
		case 'boolean':
			return checkBoolean(field, value);
		case 'day':
			return checkDay(field, value);
		case 'date':
			return checkAvailabilityDate(field, value, context.timeZone);
		case 'object':
			return checkObject(field, value, shape, context);
		case 'array': {
			if (!Array.isArray(value))
				throw new InputError(field, value, 'Use a JSON array: [ ... ].', 'is not an array');
			if (shape.nonEmpty && value.length === 0)
				throw new InputError(field, value, 'Add at least one entry.', 'is empty');
			return value.map((entry, i) => checkShape(`${field}[${i}]`, entry, shape.items, context));
		}
	}
}

// The spec's nested schemas -------------------------------------------------------------------

const minute = { type: 'number', integer: true, min: 0, max: 59 } as const;
const hour = { type: 'number', integer: true, min: 0, max: 23 } as const;

/** Hour; the spec allows minute 60, which is no minute of a clock: 0-59 here. */
export const HOUR: Shape = {
	type: 'object',
	fields: { openHour: hour, openMinute: minute, closeHour: hour, closeMinute: minute },
	required: ['openHour', 'openMinute', 'closeHour', 'closeMinute'],
};

export const OPEN_HOUR: Shape = {
	type: 'object',
	fields: {
		daysOfTheWeek: { type: 'array', items: { type: 'day' }, nonEmpty: true },
		hours: { type: 'array', items: HOUR, nonEmpty: true },
	},
	required: ['daysOfTheWeek', 'hours'],
};

const availabilityFields: Record<string, Shape> = {
	date: { type: 'date' },
	hours: { type: 'array', items: HOUR },
	deleted: { type: 'boolean' },
};

/** Availability (create); UpdateAvailability adds the id of an existing custom day. */
export const AVAILABILITY: Shape = {
	type: 'object',
	fields: availabilityFields,
	required: ['date', 'hours'],
};
export const UPDATE_AVAILABILITY: Shape = {
	type: 'object',
	fields: { ...availabilityFields, id: { type: 'string', nonEmpty: true } },
	required: ['date', 'hours'],
};

export const LOCATION_CONFIGURATION: Shape = {
	type: 'object',
	fields: {
		kind: { type: 'string', names: LOCATION_KIND_NAMES },
		location: { type: 'string' },
	},
	required: ['kind'],
};

/** TeamMember; its deprecated read-only fields are in the schema, so HighLevel accepts them. */
export const TEAM_MEMBER: Shape = {
	type: 'object',
	fields: {
		userId: { type: 'string', nonEmpty: true },
		priority: { type: 'number', names: PRIORITY_NAMES },
		isPrimary: { type: 'boolean' },
		locationConfigurations: { type: 'array', items: LOCATION_CONFIGURATION },
		meetingLocationType: { type: 'string' },
		meetingLocation: { type: 'string' },
	},
	required: ['userId'],
};

export const RECURRING: Shape = {
	type: 'object',
	fields: {
		freq: { type: 'string', names: RECURRING_FREQ_NAMES },
		count: { type: 'number', integer: true, min: 1, max: 24 },
		bookingOption: { type: 'string', names: RECURRING_BOOKING_OPTION_NAMES },
		bookingOverlapDefaultStatus: { type: 'string', names: OVERLAP_STATUS_NAMES },
	},
};

export const LOOK_BUSY: Shape = {
	type: 'object',
	fields: {
		enabled: { type: 'boolean' },
		LookBusyPercentage: { type: 'number', min: 0, max: 100 },
	},
	required: ['enabled', 'LookBusyPercentage'],
};

export const NOTIFICATION: Shape = {
	type: 'object',
	fields: {
		type: { type: 'string', names: NOTIFICATION_TYPE_NAMES },
		shouldSendToContact: { type: 'boolean' },
		shouldSendToGuest: { type: 'boolean' },
		shouldSendToUser: { type: 'boolean' },
		shouldSendToSelectedUsers: { type: 'boolean' },
		selectedUsers: { type: 'string' },
	},
	required: [
		'shouldSendToContact',
		'shouldSendToGuest',
		'shouldSendToUser',
		'shouldSendToSelectedUsers',
		'selectedUsers',
	],
};
