import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { CALENDARS_API_VERSION, SCOPES } from '../../helpers/constants';
import { matchesFilter } from './calendars';
import { listOfLocation } from '../../transport/locationList';

/**
 * The group picker (fields/locators.ts, kind 'group'). GET /calendars/groups?locationId answers
 * every group at once, so the search filters here, by name, slug or id; a disabled group says so.
 */
export async function searchCalendarGroups(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const groups = await listOfLocation(this, {
		path: '/calendars/groups',
		version: CALENDARS_API_VERSION,
		requiredScope: SCOPES.groupsRead,
		property: 'groups',
	});
	return {
		results: groups
			.filter((group) => matchesFilter(filter, group.name, group.slug, group.id))
			.map((group) => {
				const name = String(group.name ?? group.id);
				return {
					name: group.isActive === false ? `${name} (disabled)` : name,
					value: String(group.id),
				};
			})
			.sort((a, b) => a.name.localeCompare(b.name)),
	};
}
