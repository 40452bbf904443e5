import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { CALENDARS_API_VERSION, SCOPES } from '../../helpers/constants';
import { readCredential } from '../../transport/credential';
import { highLevelRequest } from '../../transport/client';
import { matchResourceType } from '../../resources/calendarResource/normalize';
import { matchesFilter } from './calendars';

const PAGE_SIZE = 100;

/** The spec's resource DTOs have no id field; HighLevel's stored documents carry `_id`. */
export const resourceIdOf = (resource: IDataObject): string => String(resource._id ?? resource.id);

/**
 * The rooms or equipment of the Resource Type the node shows, a page of 100 at a time (HighLevel
 * lists them by limit and skip and cannot search by name, so the filter applies to each page).
 */
export async function searchCalendarResources(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const resourceType = matchResourceType(this.getCurrentNodeParameter('resourceType') ?? 'rooms');
	const { locationId } = await readCredential(this);
	const skip = Number(paginationToken ?? 0) || 0;
	const response = (await highLevelRequest(this, {
		method: 'GET',
		path: `/calendars/resources/${resourceType}`,
		version: CALENDARS_API_VERSION,
		requiredScope: SCOPES.resourcesRead,
		qs: { locationId, limit: PAGE_SIZE, skip },
	})) as unknown;
	const resources = Array.isArray(response) ? (response as IDataObject[]) : [];
	return {
		results: resources
			.filter((resource) => matchesFilter(filter, resource.name, resourceIdOf(resource)))
			.map((resource) => ({
				name: String(resource.name ?? resourceIdOf(resource)),
				value: resourceIdOf(resource),
			})),
		paginationToken: resources.length === PAGE_SIZE ? String(skip + PAGE_SIZE) : undefined,
	};
}
