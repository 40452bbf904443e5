import type { INodeProperties } from 'n8n-workflow';
import { serviceLocator } from '../../fields/locators';
import { namedOptions } from '../../fields/namedOptions';
import { simplifyField } from '../../fields/simplify';
import { SERVICE_SHAPE } from '../../helpers/simplify';
import { DEPOSIT_TYPE_NAMES, DURATION_UNIT_NAMES, VARIATIONS_EXAMPLE } from './normalize';

/**
 * The fields of a service (Calendars API v3: CreateServiceDTO, UpdateServiceDTO), with the spec's
 * help texts. Create shows what the spec requires at the top (Name and Slug are shared with
 * Service Location: fields/serviceMenu.ts); Update offers every field in Update Fields.
 */

const RESOURCE = ['service'];
type Mode = 'create' | 'update';

/** The editor lists a collection's options by name (n8n's lint asks for it). */
const sorted = (options: INodeProperties[]): INodeProperties[] =>
	[...options].sort((a, b) => a.displayName.localeCompare(b.displayName));

export const serviceIdField: INodeProperties = serviceLocator({
	required: true,
	description:
		'The service (serviceId): pick it from the list, or give the id Service: Get Many returns',
	displayOptions: { show: { resource: RESOURCE, operation: ['get', 'update', 'delete'] } },
});

/** Staff: a multi-select of the sub-account's users (the user picker's list, getUserOptions). */
const staffOption: INodeProperties = {
	displayName: 'Staff Names or IDs',
	name: 'staff',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getUserOptions' },
	default: [],
	description:
		'The users (team members) who perform the service (staff), at least one. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export const staffField: INodeProperties = {
	...staffOption,
	required: true,
	displayOptions: { show: { resource: RESOURCE, operation: ['create'] } },
};

const unitField = (displayName: string, name: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'options',
	options: namedOptions(DURATION_UNIT_NAMES),
	allowArbitraryValues: true,
	default: 'mins',
	description,
});

const amountField = (displayName: string, name: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'number',
	typeOptions: { minValue: 0 },
	default: 0,
	description,
});

const durationFields: INodeProperties[] = [
	{
		...amountField(
			'Duration',
			'serviceDuration',
			'How long the appointment lasts (serviceDuration), in the Duration Unit',
		),
		default: 30,
	},
	unitField('Duration Unit', 'serviceDurationUnit', 'Unit of the duration: minutes or hours'),
	amountField(
		'Pre-Buffer',
		'preBuffer',
		'Time added before an appointment, to get ready (preBuffer), in the Pre-Buffer Unit',
	),
	unitField('Pre-Buffer Unit', 'preBufferUnit', 'Unit of the pre-buffer: minutes or hours'),
	amountField(
		'Post-Buffer',
		'postBuffer',
		'Time added after an appointment, to wrap up (postBuffer), in the Post-Buffer Unit',
	),
	unitField('Post-Buffer Unit', 'postBufferUnit', 'Unit of the post-buffer: minutes or hours'),
];

const depositTypeField: INodeProperties = {
	displayName: 'Deposit Type',
	name: 'depositType',
	type: 'options',
	options: namedOptions(DEPOSIT_TYPE_NAMES),
	allowArbitraryValues: true,
	default: 'amount',
	description: 'Whether the deposit is an amount or a percentage of the price',
};

const paymentValues: INodeProperties[] = [
	amountField(
		'Amount',
		'amount',
		'Price of the service, in the currency of Service Global Settings',
	),
	amountField(
		'Deposit',
		'deposit',
		'Deposit taken at booking: an amount or a percentage (0: none)',
	),
	depositTypeField,
];

const paymentField: INodeProperties = {
	displayName: 'Payment',
	name: 'payment',
	type: 'fixedCollection',
	default: {},
	description:
		'Price and deposit (payment). Not set on create, the price is 0; the currency is the one of Service Global Settings.',
	options: [{ displayName: 'Settings', name: 'settings', values: paymentValues }],
};

/**
 * Variations: one entry per variation, every field a plain editor field (a unit is picked, a price
 * typed), which is what most people find easiest; Variations (JSON) takes the API's list whole,
 * for a list mapped from an expression, and `[]` removes every variation.
 */
function variationsFields(mode: Mode): INodeProperties[] {
	const idField: INodeProperties = {
		displayName: 'Variation ID',
		name: 'id',
		type: 'string',
		default: '',
		description:
			'The ID of the variation to change (Service: Get lists them); empty adds a new variation',
	};
	const replaces =
		mode === 'update'
			? ' The list replaces the current one: list every variation to keep, with its ID.'
			: '';
	return [
		{
			displayName: 'Variations',
			name: 'variations',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Variation',
			default: {},
			description:
				mode === 'update'
					? 'Variants of the service, each with its own name, duration and price (variations). The list replaces the current one: list every variation to keep, with its ID. Each entry sends every field it shows; a deposit of 0 is none.'
					: 'Variants of the service, each with its own name, duration and price (variations). Each entry sends every field it shows; a deposit of 0 is none.',
			options: [
				{
					displayName: 'Variation',
					name: 'variation',
					values: [
						...(mode === 'update' ? [idField] : []),
						...sorted([
							{
								displayName: 'Name',
								name: 'name',
								type: 'string',
								default: '',
								placeholder: 'Standard Haircut',
								description: 'Name of the variation',
							},
							...durationFields,
							...paymentValues,
						]),
					],
				},
			],
		},
		{
			displayName: 'Variations (JSON)',
			name: 'variationsJson',
			type: 'json',
			default: '',
			placeholder: VARIATIONS_EXAMPLE,
			description: `The variations list as the API takes it${mode === 'update' ? ' (an id to change a variation, none to add one; [] removes them all)' : ''}. Instead of Variations, not together with it. The JSON is checked before anything is sent.${replaces}`,
		},
	];
}

function commonOptions(mode: Mode): INodeProperties[] {
	return [
		{
			displayName: 'Cover Image URL',
			name: 'coverImage',
			type: 'string',
			default: '',
			placeholder: 'https://example.com/cover.jpg',
			description: 'Address of the cover image (coverImage)',
		},
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			typeOptions: { rows: 2 },
			default: '',
			description: 'Description of the service',
		},
		...durationFields,
		{
			displayName: 'Event Color',
			name: 'eventColor',
			type: 'color',
			default: '#66C61C',
			description: "Color of the service's appointments in the calendar (eventColor), hex",
		},
		{
			displayName: 'Form ID',
			name: 'formId',
			type: 'string',
			default: '',
			description:
				'Custom form shown on the booking page when only this service is selected (formId)',
		},
		{
			displayName: 'Private',
			name: 'isPrivate',
			type: 'boolean',
			default: false,
			description: 'Whether the service is private (not shown publicly)',
		},
		paymentField,
		{
			displayName: 'Service Category ID',
			name: 'serviceCategoryId',
			type: 'string',
			default: '',
			description:
				mode === 'create'
					? 'The category of the service (serviceCategoryId). Not set, the default category.'
					: 'The category of the service (serviceCategoryId)',
		},
		...variationsFields(mode),
	];
}

export const createFields: INodeProperties[] = [
	{
		displayName: 'Additional Fields',
		name: 'serviceAdditionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: { resource: RESOURCE, operation: ['create'] } },
		options: sorted(commonOptions('create')),
	},
];

export const updateFields: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'serviceUpdateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: { resource: RESOURCE, operation: ['update'] } },
		options: sorted([
			...commonOptions('update'),
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'Name of the service',
			},
			{
				displayName: 'Slug',
				name: 'slug',
				type: 'string',
				default: '',
				placeholder: 'hair-styling',
				description:
					'Its part of the booking page address (slug), unique in the sub-account: letters, digits and dashes',
			},
			{ ...staffOption, description: `${staffOption.description} Replaces the current staff.` },
		]),
	},
];

export const getManyFields: INodeProperties[] = [
	{
		displayName: 'Filters',
		name: 'serviceFilters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: { resource: RESOURCE, operation: ['getAll'] } },
		options: [
			{
				displayName: 'Private',
				name: 'isPrivate',
				type: 'boolean',
				default: false,
				description:
					'Whether to list only private services (on) or only public ones (off). Not added, all services.',
			},
			{
				displayName: 'Service Category ID',
				name: 'serviceCategoryId',
				type: 'string',
				default: '',
				description: 'Only the services of this category (serviceCategoryId)',
			},
		],
	},
	...simplifyField('service', ['getAll'], false, SERVICE_SHAPE),
];
