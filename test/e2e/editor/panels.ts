// What the node's panel shows for the resources without a hand-written list in expected.ts, worked
// out from the built node's description the way n8n's editor decides it (NodeHelpers.displayParameter,
// with each shown field at its default). The editor test then checks the real editor agrees: every
// such operation's panel opens and shows its fields, and none of its sibling operations' fields.
import {
	NodeHelpers,
	type INodeParameters,
	type INodeProperties,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

export interface Panel {
	resource: string;
	operation: string;
	fields: string[];
	absent: string[];
	shot?: string;
}

/**
 * A built node's description (dist/, through index.js). Read when first asked for, not on import:
 * the run builds dist/ in its first step, so a fresh clone has none when the test starts.
 */
export function builtDescription(exported: string): INodeTypeDescription {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const nodes = require('../../../index.js') as Record<string, new () => INodeType>;
	return new nodes[exported]().description;
}
let action: { description: INodeTypeDescription; properties: INodeProperties[] } | undefined;
function actionNode() {
	if (!action) {
		const description = builtDescription('HighLevelCalendar');
		action = { description, properties: description.properties as INodeProperties[] };
	}
	return action;
}
/** Labels the panel shows for no operation in particular (expected.ts's ALWAYS) or never draws. */
const UNLABELLED = new Set(['notice', 'hidden']);
/** What displayParameter reads of the node: its version (for `@version` conditions). */
const NODE = { typeVersion: 1, parameters: {} } as never;

function shownFields(resource: string, operation: string): string[] {
	const { description, properties } = actionNode();
	const values: INodeParameters = { resource, operation };
	// A field's default may show further fields (Return All off shows Limit): settle first.
	for (let changed = true; changed; ) {
		changed = false;
		for (const property of properties) {
			if (property.name in values) continue;
			if (!NodeHelpers.displayParameter(values, property, NODE, description, values)) continue;
			values[property.name] = property.default as INodeParameters[string];
			changed = true;
		}
	}
	return properties
		.filter((property) => !UNLABELLED.has(property.type))
		.filter((property) => NodeHelpers.displayParameter(values, property, NODE, description, values))
		.map((property) => property.displayName);
}

function optionsOf(name: string, resource?: string) {
	const { properties } = actionNode();
	const property = properties.find(
		(p) =>
			p.name === name &&
			(resource === undefined ||
				((p.displayOptions?.show?.resource as string[] | undefined) ?? []).includes(resource)),
	);
	return (property?.options ?? []) as Array<{ name: string; value: string }>;
}

/** Every operation of every resource, with its fields and the fields only its siblings show. */
export function derivedPanels(): Panel[] {
	const panels: Panel[] = [];
	for (const resource of optionsOf('resource')) {
		const operations = optionsOf('operation', resource.value).map((operation) => ({
			operation,
			fields: shownFields(resource.value, operation.value),
		}));
		for (const { operation, fields } of operations) {
			const siblings = operations.flatMap((other) => other.fields);
			panels.push({
				resource: resource.name,
				operation: operation.name,
				// Authentication is drawn with the credential (editor/oauth.ts checks it).
				fields: fields.filter(
					(field) => !['Resource', 'Operation', 'Authentication'].includes(field),
				),
				absent: [...new Set(siblings.filter((field) => !fields.includes(field)))],
			});
		}
	}
	return panels;
}

/** The node creator's actions: every operation's action text, resource by resource, in their order. */
export function derivedActions(): string[] {
	return optionsOf('resource').flatMap((resource) =>
		optionsOf('operation', resource.value).map(
			(operation) => (operation as { action?: string }).action ?? operation.name,
		),
	);
}
