import type { INodeProperties, INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';

function listed(values: unknown, value: string): boolean {
	return values === undefined || (values as unknown[]).includes(value);
}

/**
 * Whether the editor can show a property for a resource and operation, judged by those two alone
 * (a further condition, such as Filter By, may still hide it).
 */
export function shownFor(property: INodeProperties, resource: string, operation: string): boolean {
	const { show = {}, hide = {} } = property.displayOptions ?? {};
	if (!listed(show.resource, resource) || !listed(show.operation, operation)) return false;
	return !(
		hide.resource !== undefined &&
		(hide.resource as string[]).includes(resource) &&
		listed(hide.operation, operation)
	);
}

/**
 * Each operation's panel: the properties the editor can show for it, in the order it shows them
 * (the node's property order, filtered by shownFor). Written `displayName (name)`.
 */
export function panels(description: INodeTypeDescription): Record<string, string[]> {
	const result: Record<string, string[]> = {};
	for (const operationProperty of description.properties.filter((p) => p.name === 'operation')) {
		const resource = (operationProperty.displayOptions?.show?.resource as string[])[0];
		for (const option of operationProperty.options as INodePropertyOptions[]) {
			const operation = String(option.value);
			result[`${resource}: ${operation}`] = description.properties
				.filter((property) => shownFor(property, resource, operation))
				.map((property) => `${property.displayName} (${property.name})`);
		}
	}
	return result;
}
