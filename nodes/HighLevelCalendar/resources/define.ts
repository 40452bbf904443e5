import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/**
 * The one shape every resource exports from its index.ts, and the node's registry of them is
 * description.ts's RESOURCES. A resource lists its operations (one file each, in the order of
 * the Operation list) and says where its own fields go in the node's one ordered property list:
 *
 * - `target`: before the fields appointments and block slots share (resources/event/fields.ts),
 *   for what picks the item an operation works on (Update's This Appointment or One Occurrence, Block);
 * - `main`: after them and before Return All and Limit;
 * - `list`: after Return All and Limit (a Get Many's filters, and the rest).
 *
 * Why one list and these three places: docs/architecture.md, "One property per name".
 */
export interface ResourceDefinition {
	/** The Resource list's entry: its name and value. */
	displayName: string;
	value: string;
	/** The Operation list's default. */
	defaultOperation: string;
	operations: INodePropertyOptions[];
	fields: Partial<Record<FieldPlace, INodeProperties[]>>;
}

export type FieldPlace = 'target' | 'main' | 'list';

/** A resource's Operation property: its operations, shown when the resource is chosen. */
export function operationProperty(resource: ResourceDefinition): INodeProperties {
	const { defaultOperation } = resource;
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource.value] } },
		options: resource.operations,
		default: defaultOperation,
	};
}
