import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from '../../shared/constants';
import { bodyField, timeZoneOptions } from '../../shared/descriptions';
import { throwOnHighLevelError } from '../../shared/errors';
import { normalizeBody } from '../../shared/hooks';
import { calendarLocator, userLocator } from '../../shared/locators';
import { normalizeBlockSlotBody } from './normalize';

const show = { resource: ['blockSlot'], operation: ['create'] };

export const createOperation: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a block slot',
	description: 'Block time on a calendar or for a user, so nothing can be booked then',
	routing: {
		request: { method: 'POST', url: '/calendars/events/block-slots' },
		send: { preSend: [normalizeBody(normalizeBlockSlotBody)] },
		output: { postReceive: [throwOnHighLevelError(SCOPES.eventsWrite, 'block slot')] },
	},
};

export const createFields: INodeProperties[] = [
	{
		displayName: 'Block',
		name: 'target',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Calendar', value: 'calendar', description: 'Block a calendar (calendarId)' },
			{ name: 'User', value: 'user', description: 'Block a user across calendars (assignedUserId)' },
		],
		default: 'calendar',
		description: 'HighLevel blocks either a calendar or a user, not both',
		displayOptions: { show },
	},
	bodyField(calendarLocator({ required: true, displayOptions: { show: { ...show, target: ['calendar'] } } })),
	bodyField(
		userLocator({
			displayName: 'Assigned User',
			name: 'assignedUserId',
			required: true,
			description: 'The user whose time is blocked (assignedUserId)',
			displayOptions: { show: { ...show, target: ['user'] } },
		}),
	),
	bodyField({
		displayName: 'Start Time',
		name: 'startTime',
		type: 'dateTime',
		required: true,
		default: '',
		description:
			'When the block starts. ISO 8601 with an offset keeps its instant; a time without an offset is read in the Time Zone option.',
		displayOptions: { show },
	}),
	bodyField({
		displayName: 'End Time',
		name: 'endTime',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'When the block ends; must be after the start time. Read like Start Time.',
		displayOptions: { show },
	}),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: [
			bodyField({
				displayName: 'Location ID',
				name: 'locationId',
				type: 'string',
				default: '',
				placeholder: 'C2QujeCh8ZnC7al2InWR',
				description: "Sub-account ID. Defaults to the credential's Location ID.",
			}),
			bodyField({
				displayName: 'Title',
				name: 'title',
				type: 'string',
				default: '',
				placeholder: 'Public holiday',
				description: 'Title of the block slot',
			}),
		],
	},
	timeZoneOptions('blockSlot', ['create']),
];
