import type { INodeProperties, INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';

/**
 * Each operation's panel: the properties the editor can show for it, in the order it shows them
 * (the node's property order, filtered by resource and operation; a property shown only under a
 * further condition, such as Filter By, is listed too). Written `displayName (name)`.
 */
export function panels(description: INodeTypeDescription): Record<string, string[]> {
	const result: Record<string, string[]> = {};
	const listed = (values: unknown, value: string) =>
		values === undefined || (values as unknown[]).includes(value);
	for (const operationProperty of description.properties.filter((p) => p.name === 'operation')) {
		const resource = (operationProperty.displayOptions?.show?.resource as string[])[0];
		for (const option of operationProperty.options as INodePropertyOptions[]) {
			const operation = String(option.value);
			const shown = (property: INodeProperties) => {
				const { show = {}, hide = {} } = property.displayOptions ?? {};
				if (!listed(show.resource, resource) || !listed(show.operation, operation)) return false;
				return !(
					hide.resource !== undefined &&
					(hide.resource as string[]).includes(resource) &&
					listed(hide.operation, operation)
				);
			};
			result[`${resource}: ${operation}`] = description.properties
				.filter(shown)
				.map((property) => `${property.displayName} (${property.name})`);
		}
	}
	return result;
}
