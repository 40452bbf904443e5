import type { IDataObject } from 'n8n-workflow';
import { InputError } from '../../shared/inputError';
import { CONFERENCE_KINDS, LOCATION_KIND_NAMES } from './enums';
import {
	AVAILABILITY,
	checkDay,
	checkShape,
	LOCATION_CONFIGURATION,
	LOOK_BUSY,
	NOTIFICATION,
	OPEN_HOUR,
	parseJson,
	RECURRING,
	type Shape,
	type ShapeContext,
	TEAM_MEMBER,
	UPDATE_AVAILABILITY,
} from './shapes';

/**
 * The nested bodies of Calendar Create and Update. Each comes from the editor's fields (a
 * fixedCollection, converted here to the API's shape) or, for the lists, from a `<name>Json`
 * option (JSON typed or given by an expression); never both. Either way the result is checked
 * against the spec's schema (shapes.ts) and a few rules HighLevel states in its field texts.
 */

type Entry = IDataObject;

interface NestedBody {
	name: string;
	/** The editor's name of the field, for messages. */
	display: string;
	/** The fixedCollection's option holding its entries; none for a JSON-only field. */
	option?: string;
	/** fixedCollection entries → API value (before the shape check). */
	fromUi?: (field: string, entries: Entry[], context: ShapeContext) => unknown;
	/** The list has a `<name>Json` option. */
	json?: { example: string };
	shape: (update: boolean) => Shape;
	/** Rules beyond the schema, on the checked value. */
	rules?: (field: string, value: unknown) => void;
}

/** A picker's id (By ID / From List) or a plain id. */
function idOf(value: unknown): unknown {
	return typeof value === 'object' && value !== null && 'value' in value
		? (value as IDataObject).value
		: value;
}

/** "09:00", "9:30", "9" or the number 9 → hour and minute. */
export function parseClock(field: string, value: unknown): { hour: number; minute: number } {
	const match = /^\s*(\d{1,2})(?::(\d{2}))?\s*$/.exec(String(value ?? ''));
	const hour = Number(match?.[1]);
	const minute = Number(match?.[2] ?? 0);
	if (!match || hour > 23 || minute > 59) {
		throw new InputError(
			field,
			value,
			'Use a time of day as HH:MM from 00:00 to 23:59, e.g. 09:00 (HighLevel takes hours 0-23).',
			'is not a time of day',
		);
	}
	return { hour, minute };
}

function hoursOf(field: string, entry: Entry): IDataObject {
	const open = parseClock(`${field}.openTime`, entry.openTime);
	const close = parseClock(`${field}.closeTime`, entry.closeTime);
	return {
		openHour: open.hour,
		openMinute: open.minute,
		closeHour: close.hour,
		closeMinute: close.minute,
	};
}

/** Opening comes before closing, in every range of open hours and custom days. */
function checkHourOrder(field: string, list: IDataObject[]): void {
	list.forEach((entry, i) =>
		((entry.hours as IDataObject[] | undefined) ?? []).forEach((h, j) => {
			const open = Number(h.openHour) * 60 + Number(h.openMinute);
			const close = Number(h.closeHour) * 60 + Number(h.closeMinute);
			if (close <= open) {
				throw new InputError(
					`${field}[${i}].hours[${j}]`,
					h,
					'The closing time must be after the opening time: swap them or split the range.',
					'closes before it opens',
				);
			}
		}),
	);
}

/** Entries with the same key become one, their hours joined (a lunch break is two ranges of one day). */
function groupHours(entries: Array<{ key: string; value: IDataObject; hours: IDataObject }>) {
	const groups = new Map<string, IDataObject>();
	for (const { key, value, hours } of entries) {
		const group = groups.get(key);
		if (group) (group.hours as IDataObject[]).push(hours);
		else groups.set(key, { ...value, hours: [hours] });
	}
	return [...groups.values()];
}

function daysOf(field: string, value: unknown): number[] {
	const list = Array.isArray(value) ? value : String(value ?? '').split(',');
	const days = list.filter((day) => String(day).trim() !== '').map((day) => checkDay(field, day));
	if (days.length === 0)
		throw new InputError(field, value, 'Pick at least one day of the week.', 'is empty');
	return [...new Set(days)].sort((a, b) => a - b);
}

function openHoursFromUi(field: string, entries: Entry[]) {
	return groupHours(
		entries.map((entry, i) => {
			const daysOfTheWeek = daysOf(`${field}[${i}].daysOfTheWeek`, entry.daysOfTheWeek);
			return {
				key: daysOfTheWeek.join(','),
				value: { daysOfTheWeek },
				hours: hoursOf(`${field}[${i}]`, entry),
			};
		}),
	);
}

function availabilitiesFromUi(field: string, entries: Entry[], context: ShapeContext) {
	return groupHours(
		entries.map((entry, i) => {
			const date = checkShape(`${field}[${i}].date`, entry.date, { type: 'date' }, context);
			const id = typeof entry.id === 'string' && entry.id.trim() ? entry.id.trim() : undefined;
			const deleted = entry.deleted === true || entry.deleted === 'true';
			const value: IDataObject = { date: date as string };
			if (id) value.id = id;
			if (deleted) value.deleted = true;
			return { key: `${String(date)} ${id ?? ''}`, value, hours: hoursOf(`${field}[${i}]`, entry) };
		}),
	);
}

const locationOf = (entry: Entry): IDataObject =>
	entry.location === undefined || entry.location === ''
		? { kind: entry.kind }
		: { kind: entry.kind, location: entry.location };

function teamMembersFromUi(_field: string, entries: Entry[]) {
	return entries.map((entry) => {
		const member: IDataObject = { userId: idOf(entry.userId) as IDataObject[string] };
		if (entry.priority !== undefined) member.priority = entry.priority;
		if (entry.isPrimary !== undefined) member.isPrimary = entry.isPrimary;
		// "Calendar default" (empty) adds no meeting location of the member's own.
		if (entry.kind !== undefined && entry.kind !== '')
			member.locationConfigurations = [locationOf(entry)];
		return member;
	});
}

/** Zoom, Google Meet and Teams make their own link: HighLevel takes no location for them. */
function checkLocations(field: string, list: unknown): void {
	(list as IDataObject[]).forEach((config, i) => {
		if (CONFERENCE_KINDS.includes(String(config.kind)) && config.location !== undefined) {
			throw new InputError(
				`${field}[${i}].location`,
				config.location,
				`${LOCATION_KIND_NAMES[String(config.kind)]} creates its own meeting link: remove the location.`,
				`is not applicable to kind ${String(config.kind)}`,
			);
		}
	});
}

/** One entry per user; "Only one user can be primary". */
function checkTeamMembers(field: string, list: unknown): void {
	const members = list as IDataObject[];
	members.forEach((member, i) => {
		if (members.findIndex((other) => other.userId === member.userId) !== i) {
			throw new InputError(
				`${field}[${i}].userId`,
				member.userId,
				'List each user once.',
				'is already a team member',
			);
		}
		checkLocations(`${field}[${i}].locationConfigurations`, member.locationConfigurations ?? []);
	});
	const primaries = members.filter((member) => member.isPrimary === true);
	if (primaries.length > 1) {
		throw new InputError(
			`${field}`,
			primaries.map((member) => member.userId),
			'Only one user can be primary: set Is Primary on one team member.',
			'has more than one primary member',
		);
	}
}

const HOUR_EXAMPLE = '{"openHour":9,"openMinute":0,"closeHour":17,"closeMinute":0}';

export const NESTED_BODIES: NestedBody[] = [
	{
		name: 'openHours',
		display: 'Open Hours',
		option: 'period',
		fromUi: openHoursFromUi,
		json: { example: `[{"daysOfTheWeek":[1,2,3,4,5],"hours":[${HOUR_EXAMPLE}]}]` },
		shape: () => ({ type: 'array', items: OPEN_HOUR }),
		rules: (field, value) => checkHourOrder(field, value as IDataObject[]),
	},
	{
		name: 'availabilities',
		display: 'Custom Availabilities',
		option: 'day',
		fromUi: availabilitiesFromUi,
		json: { example: `[{"date":"2030-01-14T00:00:00.000Z","hours":[${HOUR_EXAMPLE}]}]` },
		shape: (update) => ({ type: 'array', items: update ? UPDATE_AVAILABILITY : AVAILABILITY }),
		rules: (field, value) => checkHourOrder(field, value as IDataObject[]),
	},
	{
		name: 'teamMembers',
		display: 'Team Members',
		option: 'member',
		fromUi: teamMembersFromUi,
		json: { example: '[{"userId":"usr1","priority":0.5,"isPrimary":true}]' },
		shape: () => ({ type: 'array', items: TEAM_MEMBER }),
		rules: checkTeamMembers,
	},
	{
		name: 'locationConfigurations',
		display: 'Meeting Locations',
		option: 'location',
		fromUi: (_field, entries) => entries.map(locationOf),
		json: { example: '[{"kind":"physical","location":"1 Main St"}]' },
		shape: () => ({ type: 'array', items: LOCATION_CONFIGURATION }),
		rules: checkLocations,
	},
	{
		name: 'recurring',
		display: 'Recurring',
		option: 'settings',
		fromUi: (_field, entries) => entries[0],
		shape: () => RECURRING,
	},
	{
		name: 'lookBusyConfig',
		display: 'Look Busy',
		option: 'settings',
		fromUi: (_field, entries) => entries[0],
		shape: () => LOOK_BUSY,
	},
	{
		name: 'notifications',
		display: 'Notifications',
		json: {
			example:
				'[{"shouldSendToContact":true,"shouldSendToGuest":false,"shouldSendToUser":true,"shouldSendToSelectedUsers":false,"selectedUsers":""}]',
		},
		shape: () => ({ type: 'array', items: NOTIFICATION }),
	},
];

/** A fixedCollection's entries: a list (multiple values) or one object (a single value). */
function entriesOf(nested: NestedBody, value: unknown): Entry[] {
	const holder = typeof value === 'object' && value !== null ? (value as IDataObject) : {};
	const entries = holder[nested.option!];
	const list = (Array.isArray(entries) ? entries : entries ? [entries] : []) as Entry[];
	if (list.length === 0) {
		throw new InputError(
			nested.name,
			value,
			`Add an entry to ${nested.display}, or remove the option.`,
			'has no entries',
		);
	}
	return list;
}

/**
 * Replaces the editor's values of every nested body in `body` by the API's, and each
 * `<name>Json` option by `<name>`: checked, with the field's path in any error.
 */
export function normalizeNestedBodies(
	body: IDataObject,
	context: ShapeContext,
	update: boolean,
): void {
	for (const nested of NESTED_BODIES) {
		const jsonName = `${nested.name}Json`;
		const fromUi = body[nested.name];
		const fromJson = body[jsonName];
		delete body[jsonName];
		if (fromUi !== undefined && fromJson !== undefined) {
			throw new InputError(
				jsonName,
				fromJson,
				`Set ${nested.display} or ${nested.display} (JSON), not both.`,
				`cannot be set together with ${nested.name}`,
			);
		}
		let field: string;
		let value: unknown;
		if (fromJson !== undefined && nested.json) {
			field = jsonName;
			value = parseJson(jsonName, fromJson, nested.json.example);
		} else if (fromUi !== undefined && nested.fromUi) {
			field = nested.name;
			value = nested.fromUi(field, entriesOf(nested, fromUi), context);
		} else continue;
		const checked = checkShape(field, value, nested.shape(update), context);
		nested.rules?.(field, checked);
		body[nested.name] = checked as IDataObject;
	}
}
