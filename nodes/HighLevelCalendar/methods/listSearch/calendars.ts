import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { CALENDARS_API_VERSION, SCOPES } from '../../helpers/constants';
import type { NodeContext } from '../../helpers/nodeRun';
import { listOfLocation } from './locationList';

export function matchesFilter(filter: string | undefined, ...texts: unknown[]): boolean {
	if (!filter) return true;
	const wanted = filter.toLowerCase();
	return texts.some((text) => typeof text === 'string' && text.toLowerCase().includes(wanted));
}

/** The sub-account's calendars: GET /calendars/?locationId answers all of them at once. */
export async function listCalendars(context: NodeContext): Promise<IDataObject[]> {
	return await listOfLocation(context, {
		path: '/calendars/',
		version: CALENDARS_API_VERSION,
		requiredScope: SCOPES.calendarsRead,
		property: 'calendars',
	});
}

/** Every calendar comes at once, so the search filters here. */
export async function searchCalendars(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const calendars = await listCalendars(this);
	return {
		results: calendars
			.filter((calendar) => matchesFilter(filter, calendar.name, calendar.id))
			.map((calendar) => ({
				name: String(calendar.name ?? calendar.id),
				value: String(calendar.id),
			}))
			.sort((a, b) => a.name.localeCompare(b.name)),
	};
}
