/**
 * A groupId is shown exactly where a group is asked for: Appointment and Block Slot Get Many with
 * Filter By: Group (the events' property), and Calendar Group Update, Delete and Enable or Disable
 * (the group operations' own). Checked
 * with n8n's own parameter resolution (what the editor shows and the engine keeps), for every
 * resource, operation and Filter By of the node.
 */
import { NodeHelpers, type INodeParameters, type INodeProperties } from 'n8n-workflow';
import { HighLevelCalendar } from '../../../../../nodes/HighLevelCalendar/HighLevelCalendar.node';

const description = new HighLevelCalendar().description;
const { properties } = description;

const optionsOf = (property: INodeProperties | undefined) =>
	(property?.options ?? []).map((option) => (option as { value: string }).value);

/** Every resource x operation (x Filter By where the operation has one) the editor can reach. */
function combinations(): INodeParameters[] {
	const resources = optionsOf(properties.find((p) => p.name === 'resource'));
	return resources.flatMap((resource) =>
		properties
			.filter(
				(p) =>
					p.name === 'operation' &&
					(p.displayOptions?.show?.resource as string[] | undefined)?.includes(resource),
			)
			.flatMap(optionsOf)
			.flatMap((operation) => {
				const shown = NodeHelpers.getNodeParameters(
					properties,
					{ resource, operation },
					true,
					false,
					null,
					description,
				)!;
				const filterBy = properties.find(
					(p) =>
						p.name === 'filterBy' &&
						p.type === 'options' &&
						NodeHelpers.displayParameter({ resource, operation }, p, null, description),
				);
				return filterBy
					? optionsOf(filterBy).map((value) => ({ resource, operation, filterBy: value }))
					: [{ resource, operation, ...(shown.filterBy ? { filterBy: shown.filterBy } : {}) }];
			}),
	);
}

const label = (values: INodeParameters) =>
	[values.resource, values.operation, values.filterBy].filter(Boolean).join(' ');

describe('groupId', () => {
	const all = combinations();

	it('is shown for a group, and nowhere else', () => {
		const showing = all
			.filter(
				(values) =>
					'groupId' in
					NodeHelpers.getNodeParameters(properties, values, true, false, null, description)!,
			)
			.map(label)
			.sort();
		expect(showing).toEqual([
			'appointment getAll group',
			'blockSlot getAll group',
			'calendarGroup delete',
			'calendarGroup setStatus',
			'calendarGroup update',
		]);
		// The combinations really cover the node: every resource, Filter By of both Get Manys.
		expect(all.map(label)).toEqual(
			expect.arrayContaining([
				'appointment getAll contact',
				'blockSlot getAll user',
				'calendarGroup getAll',
				'calendarGroup create',
				'calendarGroup validateSlug',
				'appointment update',
				'blockSlot delete',
			]),
		);
	});

	it('is a group picker (From List or By ID) wherever it shows', () => {
		const groupId = properties.filter((p) => p.name === 'groupId');
		expect(groupId).toHaveLength(2);
		for (const field of groupId) {
			expect(field).toMatchObject({ type: 'resourceLocator', required: true });
			expect(field.modes?.map((mode) => mode.name)).toEqual(['list', 'id']);
			expect(field.modes?.[0].typeOptions?.searchListMethod).toBe('searchCalendarGroups');
		}
	});
});
