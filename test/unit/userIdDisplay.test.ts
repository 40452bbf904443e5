/**
 * The node's one User property (userId) shows for Get Many of appointments and block slots
 * Filtered By User and for Availability Schedule Search and Create, and nowhere else: its
 * `hide` relies on fields the other operations have (shared/eventList.ts). Checked for every
 * resource, operation and value of those fields, the way n8n resolves a node's parameters.
 */
import { NodeHelpers, type INodeParameters, type INodeProperties } from 'n8n-workflow';
import { HighLevelCalendar } from '../../nodes/HighLevelCalendar/HighLevelCalendar.node';

const description = new HighLevelCalendar().description;
const { properties } = description;
const node = { typeVersion: 1 };

const resolve = (values: INodeParameters) =>
	NodeHelpers.getNodeParameters(properties, values, true, false, node, description) ?? {};

function optionValues(property: INodeProperties): string[] {
	return (property.options ?? []).map((option) => String((option as { value: unknown }).value));
}

/** Every combination of resource, operation and the fields userId's display depends on. */
function combinations(): INodeParameters[] {
	const found: INodeParameters[] = [];
	const resources = optionValues(properties.find((p) => p.name === 'resource')!);
	for (const resource of resources) {
		const operations = properties
			.filter((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource))
			.flatMap(optionValues);
		for (const operation of operations) {
			let variants: INodeParameters[] = [{ resource, operation }];
			for (const name of ['filterBy', 'target', 'recurrence']) {
				variants = variants.flatMap((values) => {
					const shown = resolve(values);
					if (shown[name] === undefined) return [values];
					const property = properties.find(
						(p) => p.name === name && NodeHelpers.displayParameter(shown, p, node, description),
					)!;
					return optionValues(property).map((value) => ({ ...values, [name]: value }));
				});
			}
			found.push(...variants);
		}
	}
	return found;
}

const expected = ({ resource, operation, filterBy }: INodeParameters) =>
	(['appointment', 'blockSlot'].includes(String(resource)) &&
		operation === 'getAll' &&
		filterBy === 'user') ||
	(resource === 'availabilitySchedule' && ['search', 'create'].includes(String(operation)));

describe('User (userId) display', () => {
	const all = combinations();

	it('covers every operation of every resource', () => {
		expect(all.length).toBeGreaterThan(20);
		expect(all).toContainEqual({ resource: 'availabilitySchedule', operation: 'search' });
		expect(all).toContainEqual({
			resource: 'appointment',
			operation: 'create',
			recurrence: 'raw',
		});
	});

	const userId = properties.find((p) => p.name === 'userId')!;

	// At run time (the parameters n8n resolves) and in the editor (the field shown for them).
	it.each(all.map((values) => [JSON.stringify(values), values]))('%s', (_name, values) => {
		const resolved = resolve(values as INodeParameters);
		const wanted = expected(values as INodeParameters);
		expect('userId' in resolved).toBe(wanted);
		expect(NodeHelpers.displayParameter(resolved, userId, node, description)).toBe(wanted);
	});
});
