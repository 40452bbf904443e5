import type {
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodePropertyOptions,
} from 'n8n-workflow';
import { SCOPES } from '../../helpers/constants';
import { highLevelError } from '../../transport/errors';
import { pathIdsPreSend } from '../../hooks/request';
import { readParameter } from '../../helpers/parameters';
import { postReceiveHook } from '../../hooks/define';

/**
 * Add Calendar and Remove Calendar: PUT and DELETE /calendars/schedules/{id}/associations/{calendarId}.
 * HighLevel answers `{ success: true }`; the node outputs which schedule and calendar it joined or
 * parted (`{ id, calendarId, added: true }`), as a Delete outputs what it deleted.
 */

type Change = 'added' | 'removed';

const idOf = (context: IExecuteSingleFunctions, name: string) =>
	String(readParameter(context, name, '', { extractValue: true })).trim();

/**
 * postReceive, first: the response check. A 404 here is "Schedule or calendar not found", so the
 * message names both ids rather than blaming the schedule alone.
 */
function associationPostReceive(change: Change) {
	return postReceiveHook(
		{ reads: ['id', 'calendarId'], checksResponse: true },
		async function associationPostReceive(
			this: IExecuteSingleFunctions,
			_items: INodeExecutionData[],
			response: IN8nHttpFullResponse,
		): Promise<INodeExecutionData[]> {
			const id = idOf(this, 'id');
			const calendarId = idOf(this, 'calendarId');
			const error = await highLevelError(
				this,
				{ statusCode: response.statusCode, body: response.body, headers: response.headers },
				{
					requiredScope: SCOPES.calendarsWrite,
					target: `availability schedule with id "${id}" or calendar with calendarId "${calendarId}"`,
				},
			);
			if (error) throw error;
			return [{ json: { id, calendarId, [change]: true } }];
		},
	);
}

function associationOperation(change: Change): INodePropertyOptions {
	const adding = change === 'added';
	return {
		name: adding ? 'Add Calendar' : 'Remove Calendar',
		value: adding ? 'addCalendar' : 'removeCalendar',
		action: adding
			? 'Add a calendar to an availability schedule'
			: 'Remove a calendar from an availability schedule',
		description: adding
			? "Apply the schedule to a team calendar: the calendar takes the schedule's hours"
			: 'Stop applying the schedule to a team calendar',
		routing: {
			request: {
				method: adding ? 'PUT' : 'DELETE',
				url: '/calendars/schedules/{id}/associations/{calendarId}',
			},
			send: { preSend: [pathIdsPreSend] },
			output: { postReceive: [associationPostReceive(change)] },
		},
	};
}

export const addCalendarOperation = associationOperation('added');
export const removeCalendarOperation = associationOperation('removed');
