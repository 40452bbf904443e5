import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { CALENDARS_API_VERSION, SCOPES } from '../../helpers/constants';
import { matchesFilter } from './calendars';
import { listOfLocation } from '../../transport/locationList';

/**
 * The service picker (fields/locators.ts, kind 'service'). GET /calendars/services/catalog
 * (Calendars API v3) answers every service of the sub-account at once, so the search filters
 * here, by name, slug or id; a private service says so.
 */
export async function searchServices(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const services = await listOfLocation(this, {
		path: '/calendars/services/catalog',
		version: CALENDARS_API_VERSION,
		requiredScope: SCOPES.calendarsRead,
		property: 'services',
	});
	return { results: pickerResults(services, filter, (service) => service.isPrivate === true) };
}

/** A whole list as picker results: by name, slug or id, sorted by name; `marked` says "(private)". */
export function pickerResults(
	records: IDataObject[],
	filter: string | undefined,
	marked: (record: IDataObject) => boolean,
): INodeListSearchResult['results'] {
	return records
		.filter((record) => matchesFilter(filter, record.name, record.slug, record.id))
		.map((record) => {
			const name = String(record.name ?? record.id);
			return { name: marked(record) ? `${name} (private)` : name, value: String(record.id) };
		})
		.sort((a, b) => a.name.localeCompare(b.name));
}
