import type { INodeProperties } from 'n8n-workflow';

/**
 * The fields the service menu's creates share (Calendars API v3: CreateServiceDTO,
 * CreateServiceLocationDTO): one property each for Service and Service Location (one property per
 * name: docs/architecture.md), registered once, by resources/service/index.ts.
 */

const create = { resource: ['service', 'serviceLocation'], operation: ['create'] };

export const serviceMenuNameField: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'Hair Styling',
	description: 'Name of the service or service location (name), as bookers see it',
	displayOptions: { show: create },
};

export const serviceMenuSlugField: INodeProperties = {
	displayName: 'Slug',
	name: 'slug',
	type: 'string',
	default: '',
	placeholder: 'hair-styling',
	description:
		'Its part of the booking page address (slug), unique in the sub-account: letters, digits and dashes. HighLevel requires one; left empty, it is made of the name ("Hair Styling" gives hair-styling).',
	displayOptions: { show: create },
};
