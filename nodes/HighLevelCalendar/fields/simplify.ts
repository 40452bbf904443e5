import type { INodeProperties } from 'n8n-workflow';
import { SimplifyShape, EVENT_SHAPE, TOOL_LIST_LIMIT, TOOL_NOTE } from '../helpers/simplify';

/**
 * The Simplify switch of the given operations. As a tool it is on unless the builder turns it off
 * (a model reads every token of the answer): n8n shows a property with `@tool` in its display
 * options only on the tool variant (n8n-workflow 2.41, node-helpers `getPropertyValues`), so the
 * tool variant gets its own Simplify, on by default, and the node keeps its own default. A shape
 * without fields (items small already) has a Simplify that only trims: shown on the tool only.
 */
export function simplifyField(
	resource: string | string[],
	operations: string[],
	defaultOn: boolean,
	shape: SimplifyShape = EVENT_SHAPE,
): INodeProperties[] {
	const show = { resource: Array.isArray(resource) ? resource : [resource], operation: operations };
	const field: INodeProperties = {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: `Whether to return at most ${TOOL_LIST_LIMIT} items, then the count of the others`,
		displayOptions: { show: { ...show, '@tool': [true] } },
	};
	if (!shape.fields) return [field];
	field.description = `${shape.description}${TOOL_NOTE}`;
	if (defaultOn) return [{ ...field, displayOptions: { show } }];
	return [
		{
			...field,
			default: false,
			description: shape.description,
			displayOptions: { show, hide: { '@tool': [true] } },
		},
		field,
	];
}
