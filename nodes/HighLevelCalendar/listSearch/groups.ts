import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { CALENDARS_API_VERSION, SCOPES } from '../shared/constants';
import { readCredential } from '../shared/credential';
import { highLevelRequest } from '../shared/client';
import { matchesFilter } from './calendars';

/**
 * The group picker (shared/locators.ts, kind 'group'). GET /calendars/groups?locationId answers
 * every group at once, so the search filters here, by name, slug or id; a disabled group says so.
 */
export async function searchCalendarGroups(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const { locationId } = await readCredential(this);
	const response = await highLevelRequest(this, {
		method: 'GET',
		path: '/calendars/groups',
		version: CALENDARS_API_VERSION,
		requiredScope: SCOPES.groupsRead,
		qs: { locationId },
	});
	const groups = (response.groups as IDataObject[] | undefined) ?? [];
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
