import type { IDataObject } from 'n8n-workflow';
import { parseJson } from '../../helpers/bodyChecks';
import { InputError } from '../../helpers/inputError';
import { CONFERENCE_KINDS, LOCATION_KIND_NAMES } from './enums';
import { availabilitiesFromUi, checkHourOrder, openHoursFromUi } from './hours';
import {
	AVAILABILITY,
	checkShape,
	LOCATION_CONFIGURATION,
	LOOK_BUSY,
	NOTIFICATION,
	OPEN_HOUR,
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
