import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { CALENDARS_API_VERSION, SCOPES } from '../shared/constants';
import { readCredential } from '../shared/credential';
import { highLevelRequest } from '../shared/client';

export function matchesFilter(filter: string | undefined, ...texts: unknown[]): boolean {
	if (!filter) return true;
	const wanted = filter.toLowerCase();
	return texts.some((text) => typeof text === 'string' && text.toLowerCase().includes(wanted));
}

/** GET /calendars/?locationId lists every calendar at once, so the search filters here. */
export async function searchCalendars(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const { locationId } = await readCredential(this);
	const response = await highLevelRequest(this, {
		method: 'GET',
		path: '/calendars/',
		version: CALENDARS_API_VERSION,
		requiredScope: SCOPES.calendarsRead,
		qs: { locationId },
	});
	const calendars = (response.calendars as IDataObject[] | undefined) ?? [];
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
