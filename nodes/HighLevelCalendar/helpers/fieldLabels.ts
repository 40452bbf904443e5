import type { INodeProperties, INodePropertyCollection } from 'n8n-workflow';
import type { InputError } from './inputError';

/**
 * The names the editor shows for the node's fields, read from the node's own properties, so an
 * error names a field as the user sees it: `End Time (endTime)`, `Options > Look Ahead (Days)
 * (lookAheadDays)`. The pure checks throw InputError with the API name (the parameter's name: the
 * node names its parameters as the API does); where the error becomes the item's error (or the
 * trigger's), the name is looked up here. A name shown by several properties (End Time is one
 * field in Block Slot: Create and another in Appointment: Get Many) takes the label of the one the
 * node's current settings show: its resource and operation, read as the editor reads
 * displayOptions.
 */

/** One place a name is shown: its label and the displayOptions it (and its parents) need. */
interface Place {
	label: string;
	shows: Conditions[];
	hides: Conditions[];
}

/** Reads a parameter of the node's current settings (undefined when unknown). */
export type ReadParameter = (name: string) => unknown;

export type FieldLabels = ReadonlyMap<string, readonly Place[]>;

function isGroup(option: unknown): option is INodePropertyCollection {
	return Array.isArray((option as INodePropertyCollection).values);
}

/** Every name of a node's properties, with each place the editor shows it, in the editor's order. */
export function fieldLabels(properties: readonly INodeProperties[]): FieldLabels {
	const labels = new Map<string, Place[]>();
	const add = (property: INodeProperties, parents: string[], outer: Place) => {
		const place: Place = {
			label: [...parents, property.displayName].join(' > '),
			shows: [...outer.shows, property.displayOptions?.show ?? {}],
			hides: [...outer.hides, property.displayOptions?.hide ?? {}],
		};
		if (property.displayName)
			labels.set(property.name, [...(labels.get(property.name) ?? []), place]);
		for (const option of property.options ?? []) {
			if (isGroup(option)) {
				const path = [...parents, property.displayName];
				if (option.displayName !== property.displayName) path.push(option.displayName);
				for (const value of option.values) add(value, path, place);
			} else if ('displayName' in option && 'type' in option) {
				add(option, [...parents, property.displayName], place);
			}
		}
	};
	for (const property of properties) add(property, [], { label: '', shows: [], hides: [] });
	return labels;
}

type Conditions = Record<string, unknown[] | undefined>;

/**
 * Which of the conditions the current settings meet, as n8n's displayOptions: each key's value is
 * one of the listed ones. Only the node's own parameters are read (a leading `/` names one); a
 * condition on anything else (`@version`, a sibling inside a collection) or on a value that cannot
 * be read is not judged: undefined.
 */
function judged(conditions: Conditions, read: ReadParameter): boolean[] {
	return Object.entries(conditions).flatMap(([key, allowed]) => {
		if (key.startsWith('@') || !Array.isArray(allowed)) return [];
		const value = read(key.replace(/^\//, ''));
		if (value === undefined) return [];
		return [(Array.isArray(value) ? value : [value]).some((one) => allowed.includes(one))];
	});
}

function shown(place: Place, read: ReadParameter): boolean {
	return (
		place.shows.every((show) => judged(show, read).every(Boolean)) &&
		place.hides.every((hide) => !judged(hide, read).some(Boolean))
	);
}

/**
 * The label the editor shows for `name` in the current settings: the first place that is shown;
 * when none is, the label all its places share; else undefined.
 */
export function labelOf(
	labels: FieldLabels,
	name: string,
	read: ReadParameter,
): string | undefined {
	const places = labels.get(name);
	if (!places?.length) return undefined;
	const place = places.find((one) => shown(one, read));
	if (place) return place.label;
	const [first] = places;
	return places.every((one) => one.label === first.label) ? first.label : undefined;
}

/**
 * A field as an error names it: `End Time (endTime)`, or just `Title` where the label is the
 * API name's one word (`title`). A path (`rulesJson[0].to`) is labelled by its first name and keeps the
 * path beside it. Unknown names stay as they are.
 */
export function fieldName(labels: FieldLabels, field: string, read: ReadParameter): string {
	const head = /^[A-Za-z0-9_]+/.exec(field)?.[0] ?? field;
	const label = labelOf(labels, head, read);
	if (!label) return field;
	const last = label.split(' > ').pop() ?? label;
	return head === field && last.toLowerCase() === field.toLowerCase()
		? label
		: `${label} (${field})`;
}

/**
 * An input error's message, naming its field as the editor shows it, and the fields it mentions
 * by their label (the last part of the path), with the API name beside it the first time.
 */
export function inputErrorMessage(
	error: InputError,
	labels: FieldLabels | undefined,
	read: ReadParameter,
): string {
	if (!labels) return error.message;
	const named = new Set([error.field]);
	return error.messageNaming(fieldName(labels, error.field, read), (field) => {
		const label = labelOf(labels, field, read)?.split(' > ').pop();
		if (!label) return field;
		const first = !named.has(field) && label.toLowerCase() !== field.toLowerCase();
		named.add(field);
		return first ? `${label} (${field})` : label;
	});
}

/**
 * The node's labels, by node type, registered where the node's properties are put together: the
 * hooks that turn an error into the item's error cannot import the node's description (it imports
 * them), so they find its labels here by the node's type, built once on first use.
 */
const registry = new Map<string, () => INodeProperties[]>();
const built = new Map<string, FieldLabels>();

/** `highLevelCalendar` for `n8n-nodes-highlevel-calendar.highLevelCalendarTool` (a tool variant). */
function baseName(nodeType: string): string {
	return nodeType.slice(nodeType.lastIndexOf('.') + 1).replace(/Tool$/, '');
}

export function registerFieldLabels(nodeName: string, properties: () => INodeProperties[]): void {
	registry.set(nodeName, properties);
	built.delete(nodeName);
}

export function registeredFieldLabels(nodeType: string): FieldLabels | undefined {
	const name = baseName(nodeType);
	const cached = built.get(name);
	if (cached) return cached;
	const properties = registry.get(name);
	if (!properties) return undefined;
	const labels = fieldLabels(properties());
	built.set(name, labels);
	return labels;
}
