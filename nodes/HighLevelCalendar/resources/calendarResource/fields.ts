import type { INodeProperties } from 'n8n-workflow';
import { locationIdOverrideField } from '../../fields/options';
import { pickerField } from '../../fields/locators';

/**
 * The fields of rooms and equipment (CreateCalendarResourceDTO, UpdateCalendarResourceDTO), with
 * the spec's help texts. Create shows the ones the spec requires at the top; Update offers them all
 * in Update Fields.
 */

const RESOURCE = ['calendarResource'];

export const resourceTypeField: INodeProperties = {
	displayName: 'Resource Type',
	name: 'resourceType',
	type: 'options',
	required: true,
	options: [
		{
			name: 'Equipment',
			value: 'equipments',
			description: 'Equipment a service needs (a quantity, some possibly out of service)',
		},
		{ name: 'Room', value: 'rooms', description: 'A room a service takes place in (a capacity)' },
	],
	default: 'rooms',
	description: 'Calendar Resource Type (resourceType): rooms or equipment',
	displayOptions: { show: { resource: RESOURCE } },
};

export const calendarResourceIdField: INodeProperties = pickerField('calendarResource', {
	required: true,
	description: 'Calendar Resource ID (id): the room or equipment, of the Resource Type above',
	displayOptions: { show: { resource: RESOURCE, operation: ['get', 'update', 'delete'] } },
});

const nameField: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	default: '',
	placeholder: 'Yoga room',
	description: 'Name of the resource',
};

const descriptionField: INodeProperties = {
	displayName: 'Description',
	name: 'description',
	type: 'string',
	typeOptions: { rows: 2 },
	default: '',
	description: 'Description of the resource',
};

const countField = (
	displayName: string,
	name: string,
	defaultValue: number,
	description: string,
): INodeProperties => ({
	displayName,
	name,
	type: 'number',
	typeOptions: { minValue: 0, numberPrecision: 0 },
	default: defaultValue,
	description,
});

const quantityField = countField(
	'Quantity',
	'quantity',
	1,
	'Quantity of the equipment. For a room, how many of it there are (usually 1).',
);
const outOfServiceField = countField(
	'Out of Service',
	'outOfService',
	0,
	'Quantity of the out of service equipment, at most the quantity. For a room, 0.',
);
const capacityField = countField(
	'Capacity',
	'capacity',
	1,
	'Capacity of the room. For equipment, how many people one unit serves.',
);

const calendarIdsField: INodeProperties = {
	displayName: 'Service Calendar Names or IDs',
	name: 'calendarIds',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getCalendarOptions' },
	default: [],
	description:
		'Service calendars to be mapped with the resource (calendarIds). One equipment can only be mapped with one service calendar; one room can be mapped with multiple service calendars. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

const show = { resource: RESOURCE, operation: ['create'] };

/** Create: what CreateCalendarResourceDTO requires, at the top; the location comes from the credential. */
export const createFields: INodeProperties[] = [
	{ ...nameField, required: true, displayOptions: { show } },
	{ ...descriptionField, required: true, displayOptions: { show } },
	{ ...quantityField, required: true, displayOptions: { show } },
	{ ...outOfServiceField, required: true, displayOptions: { show } },
	{ ...capacityField, required: true, displayOptions: { show } },
	{ ...calendarIdsField, displayOptions: { show } },
	{
		displayName: 'Additional Fields',
		name: 'calendarResourceAdditionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: [locationIdOverrideField],
	},
];

export const updateFields: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'calendarResourceUpdateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: { resource: RESOURCE, operation: ['update'] } },
		options: [
			{
				displayName: 'Active',
				name: 'isActive',
				type: 'boolean',
				default: true,
				description: 'Whether the resource is active (can be booked)',
			},
			capacityField,
			descriptionField,
			locationIdOverrideField,
			nameField,
			outOfServiceField,
			quantityField,
			calendarIdsField,
		],
	},
];
