import type { INodeProperties } from 'n8n-workflow';

/**
 * Return All and Limit: one property each for every list of the node (one property per name:
 * docs/architecture.md). description.ts gives the resources whose lists show them: those with an
 * operation whose hooks read `limit` (a list that pages, or that HighLevel answers long).
 * transport/pagedList.ts reads them and asks for the pages.
 */

/** The list operations' values: Get Many, and Availability Schedule's Search. */
export const LIST_OPERATIONS = ['getAll', 'search'];

export function listFields(resources: string[]): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: { show: { resource: resources, operation: LIST_OPERATIONS } },
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: {
				show: { resource: resources, operation: LIST_OPERATIONS, returnAll: [false] },
			},
		},
	];
}
