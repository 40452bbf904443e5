import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

/** The fields most workflows need; HighLevel's full objects carry a lot more. */
export const SIMPLIFIED_EVENT_FIELDS = [
	'id',
	'title',
	'appointmentStatus',
	'startTime',
	'endTime',
	'calendarId',
	'contactId',
	'assignedUserId',
	'isRecurring',
	'masterEventId',
] as const;

/** What a model needs of a calendar to pick one; a full calendar object is thousands of tokens. */
export const SIMPLIFIED_CALENDAR_FIELDS = [
	'id',
	'name',
	'description',
	'calendarType',
	'groupId',
	'slotDuration',
	'slotDurationUnit',
	'isActive',
] as const;

/**
 * At most this many items answer a tool call with Simplify on: enough to choose from, few enough
 * for a model's context (a month of free slots is hundreds).
 */
export const TOOL_LIST_LIMIT = 30;

export function pick(object: IDataObject, fields: readonly string[]): IDataObject {
	const picked: IDataObject = {};
	for (const field of fields) if (object[field] !== undefined) picked[field] = object[field];
	return picked;
}

export function simplifyEvent(event: IDataObject): IDataObject {
	return pick(event, SIMPLIFIED_EVENT_FIELDS);
}

/**
 * A list cut to TOOL_LIST_LIMIT items, then one item that says how many were left out and how to
 * see them, so the model knows the list is not whole.
 */
export function trimListForModel(
	items: INodeExecutionData[],
	narrowing: string,
): INodeExecutionData[] {
	if (items.length <= TOOL_LIST_LIMIT) return items;
	const moreItems = items.length - TOOL_LIST_LIMIT;
	return [
		...items.slice(0, TOOL_LIST_LIMIT),
		{
			json: {
				moreItems,
				note: `Only the first ${TOOL_LIST_LIMIT} of ${items.length} are listed; ${moreItems} more were left out. To see them, ${narrowing}.`,
			},
		},
	];
}

/**
 * What Simplify keeps of an operation's items: the Simplify switch (simplifyField) and what it
 * does (simplifyPostReceive) read the same shape.
 */
export type SimplifyShape =
	| {
			/** The fields kept. */
			fields: readonly string[];
			/** The switch's description on the node. */
			description: string;
			/** What to change to see the items left out of a long list, for the model. */
			narrowing: string;
	  }
	/** Items small already (free slots): nothing to drop, a tool's long list only trimmed. */
	| { fields?: undefined; narrowing: string };

export const EVENT_SHAPE: SimplifyShape = {
	fields: SIMPLIFIED_EVENT_FIELDS,
	description:
		"Whether to return only the ID, title, appointmentStatus, startTime, endTime, calendarId, contactId, assignedUserId, isRecurring and masterEventId instead of HighLevel's full object",
	narrowing: 'ask again with a shorter startTime to endTime window',
};

export const CALENDAR_SHAPE: SimplifyShape = {
	fields: SIMPLIFIED_CALENDAR_FIELDS,
	description:
		"Whether to return only the ID, name, description, calendarType, groupId, slotDuration, slotDurationUnit and isActive instead of HighLevel's full calendar",
	narrowing: 'ask again with the groupId filter',
};

/** What a model needs of a service booking: when, who, what, where, and its status. */
export const SIMPLIFIED_SERVICE_BOOKING_FIELDS = [
	'bookingId',
	'title',
	'status',
	'startTime',
	'endTime',
	'timezone',
	'contactId',
	'serviceLocationId',
	'services',
	'meetingLocation',
] as const;

export const SERVICE_BOOKING_SHAPE: SimplifyShape = {
	fields: SIMPLIFIED_SERVICE_BOOKING_FIELDS,
	description:
		"Whether to return only the bookingId, title, status, startTime, endTime, timezone, contactId, serviceLocationId, services and meetingLocation instead of HighLevel's full booking",
	narrowing: 'ask again with a shorter startTime to endTime window',
};

export const TOOL_NOTE = `. As a tool, also at most ${TOOL_LIST_LIMIT} items, then the count of the others.`;
