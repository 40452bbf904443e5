import type { INodeProperties } from 'n8n-workflow';
import { serviceLocationLocator } from '../../fields/locators';
import { namedOptions } from '../../fields/namedOptions';
import { LOCATION_TYPE_NAMES } from './normalize';

/**
 * The fields of a service location (Calendars API v3: CreateServiceLocationDTO,
 * UpdateServiceLocationDTO), with the spec's help texts. Name and Slug of Create are shared with
 * Service: Create (fields/serviceMenu.ts).
 */

const RESOURCE = ['serviceLocation'];

/** The editor lists a collection's options by name (n8n's lint asks for it). */
const sorted = (options: INodeProperties[]): INodeProperties[] =>
	[...options].sort((a, b) => a.displayName.localeCompare(b.displayName));

export const serviceLocationIdField: INodeProperties = serviceLocationLocator({
	required: true,
	description:
		'The service location (serviceLocationId): pick it from the list, or give the id Service Location: Get Many returns',
	displayOptions: { show: { resource: RESOURCE, operation: ['get', 'update', 'delete'] } },
});

const commonOptions: INodeProperties[] = [
	{
		displayName: 'Address',
		name: 'address',
		type: 'string',
		default: '',
		placeholder: '789 5th Avenue, Floor 3, New York, NY 10022',
		description:
			'A full street address when the Location Type is Offline; a label bookers see (e.g. Home Service) when it is Ask Booker',
	},
	{
		displayName: 'Cover Image URL',
		name: 'coverImage',
		type: 'string',
		default: '',
		placeholder: 'https://example.com/cover.jpg',
		description: 'Address of the cover image of the service location (coverImage)',
	},
	{
		displayName: 'Location Type',
		name: 'locationType',
		type: 'options',
		options: namedOptions(LOCATION_TYPE_NAMES),
		allowArbitraryValues: true,
		default: 'offline',
		description:
			'Offline: the service takes place at the address. Ask Booker: the booker says where (their home, for instance).',
	},
	{
		displayName: 'Phone',
		name: 'phone',
		type: 'string',
		default: '',
		placeholder: '+1-212-555-0174',
		description: 'Phone number of the service location',
	},
];

export const createFields: INodeProperties[] = [
	{
		displayName: 'Additional Fields',
		name: 'serviceLocationAdditionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: { resource: RESOURCE, operation: ['create'] } },
		options: commonOptions,
	},
];

export const updateFields: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'serviceLocationUpdateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: { resource: RESOURCE, operation: ['update'] } },
		options: sorted([
			...commonOptions,
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'Name of the service location',
			},
			{
				displayName: 'Slug',
				name: 'slug',
				type: 'string',
				default: '',
				placeholder: 'midtown-studio',
				description:
					'Its part of the booking page address (slug), unique in the sub-account: letters, digits and dashes',
			},
		]),
	},
];
