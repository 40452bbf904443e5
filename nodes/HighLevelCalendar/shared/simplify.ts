import type {
	IDataObject,
	IExecuteSingleFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { readParameter } from './parameters';

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

export function simplifyEvent(event: IDataObject): IDataObject {
	const simplified: IDataObject = {};
	for (const field of SIMPLIFIED_EVENT_FIELDS) {
		if (event[field] !== undefined) simplified[field] = event[field];
	}
	return simplified;
}

export function simplifyField(
	resource: string | string[],
	operations: string[],
	defaultOn: boolean,
): INodeProperties {
	const field: INodeProperties = {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: false,
		description:
			"Whether to return only the ID, title, appointmentStatus, startTime, endTime, calendarId, contactId, assignedUserId, isRecurring and masterEventId instead of HighLevel's full object",
		displayOptions: {
			show: { resource: Array.isArray(resource) ? resource : [resource], operation: operations },
		},
	};
	return defaultOn ? { ...field, default: true } : field;
}

/** postReceive: applies the Simplify switch to every output item. */
export async function simplifyPostReceive(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	if (!(readParameter(this, 'simplify', false) as boolean)) return items;
	return items.map((item) => ({ ...item, json: simplifyEvent(item.json) }));
}
