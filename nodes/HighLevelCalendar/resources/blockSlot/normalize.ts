import type { IDataObject } from 'n8n-workflow';
import { checkId, coerceText, normalizeTimeRange } from '../../helpers/bodyChecks';
import type { BodyContext } from '../../hooks/request';
import { InputError } from '../../helpers/inputError';

/**
 * A block slot blocks either a calendar or a user: HighLevel's field text says "Either calendarId or
 * assignedUserId can be set, not both" (the schema's `required: [calendarId]` predates user blocks).
 */
export function normalizeBlockSlotBody(body: IDataObject, context: BodyContext): IDataObject {
	if (body.locationId === undefined) body.locationId = context.credentialLocationId;
	checkId(body, 'locationId', true);
	checkId(body, 'calendarId', false);
	checkId(body, 'assignedUserId', false);
	if (body.calendarId !== undefined && body.assignedUserId !== undefined) {
		throw new InputError(
			'assignedUserId',
			body.assignedUserId,
			`A block slot blocks a calendar or a user, not both: remove Calendar (${String(body.calendarId)}) or Assigned User.`,
			'cannot be set together with calendarId',
			['calendarId'],
		);
	}
	if (body.calendarId === undefined && body.assignedUserId === undefined) {
		throw new InputError(
			'calendarId',
			undefined,
			'Add Calendar (to block a calendar) or Assigned User (to block a user).',
			'is missing',
		);
	}
	coerceText(body, 'title');
	normalizeTimeRange(body, context);
	return body;
}
