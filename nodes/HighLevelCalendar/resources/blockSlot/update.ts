import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from '../../shared/constants';
import { bodyField, timeZoneOptions } from '../../shared/descriptions';
import { throwOnHighLevelError } from '../../shared/errors';
import { normalizeBody, setPathIds } from '../../shared/hooks';
import { calendarLocator, userLocator } from '../../shared/locators';
import { normalizeBlockSlotBody } from './normalize';

export const updateOperation: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update a block slot',
	description: 'Move, retitle or retarget a block slot (time blocked on a calendar or for a user)',
	routing: {
		request: { method: 'PUT', url: '/calendars/events/block-slots/{eventId}' },
		send: { preSend: [setPathIds, normalizeBody(normalizeBlockSlotBody)] },
		output: { postReceive: [throwOnHighLevelError(SCOPES.eventsWrite, 'block slot')] },
	},
};

export const updateFields: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: { resource: ['blockSlot'], operation: ['update'] } },
		options: [
			bodyField(
				userLocator({
					displayName: 'Assigned User',
					name: 'assignedUserId',
					description: 'The user whose time is blocked (assignedUserId). Set Calendar or Assigned User, not both.',
				}),
			),
			bodyField(
				calendarLocator({
					description: 'The calendar whose time is blocked (calendarId). Set Calendar or Assigned User, not both.',
				}),
			),
			bodyField({
				displayName: 'End Time',
				name: 'endTime',
				type: 'dateTime',
				default: '',
				description: 'When the block ends; must be after the start time. Read like Start Time.',
			}),
			bodyField({
				displayName: 'Location ID',
				name: 'locationId',
				type: 'string',
				default: '',
				placeholder: 'C2QujeCh8ZnC7al2InWR',
				description: "Sub-account ID. Defaults to the credential's Location ID.",
			}),
			bodyField({
				displayName: 'Start Time',
				name: 'startTime',
				type: 'dateTime',
				default: '',
				description:
					'When the block starts. ISO 8601 with an offset keeps its instant; a time without an offset is read in the Time Zone option.',
			}),
			bodyField({
				displayName: 'Title',
				name: 'title',
				type: 'string',
				default: '',
				placeholder: 'Team offsite',
				description: 'Title of the block slot',
			}),
		],
	},
	timeZoneOptions('blockSlot', ['update']),
];
