import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { CALENDARS_API_VERSION, SCOPES } from '../../helpers/constants';
import { listOfLocation } from '../../transport/locationList';
import { pickerResults } from './services';

/**
 * The service location picker (fields/locators.ts, kind 'serviceLocation'). GET
 * /calendars/services/locations (Calendars API v3) answers every service location of the
 * sub-account at once, so the search filters here, by name, slug or id.
 */
export async function searchServiceLocations(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const locations = await listOfLocation(this, {
		path: '/calendars/services/locations',
		version: CALENDARS_API_VERSION,
		requiredScope: SCOPES.calendarsRead,
		property: 'serviceLocations',
	});
	return { results: pickerResults(locations, filter, (location) => location.isPrivate === true) };
}
