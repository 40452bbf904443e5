import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { SCOPES, USERS_API_VERSION } from '../../helpers/constants';
import { matchesFilter } from './calendars';
import { listOfLocation } from '../../transport/locationList';

/**
 * GET /users/?locationId: deprecated in the spec, but it needs only the sub-account, whereas
 * GET /users/search needs the agency's companyId (one more call, and the locations.readonly scope).
 */
export async function searchUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const users = await listOfLocation(this, {
		path: '/users/',
		version: USERS_API_VERSION,
		requiredScope: SCOPES.usersRead,
		property: 'users',
	});
	return {
		results: users
			.map((user) => {
				const name =
					String(user.name ?? [user.firstName, user.lastName].filter(Boolean).join(' ')) ||
					String(user.id);
				return {
					name: user.email ? `${name} (${String(user.email)})` : name,
					value: String(user.id),
				};
			})
			.filter((user) => matchesFilter(filter, user.name, user.value))
			.sort((a, b) => a.name.localeCompare(b.name)),
	};
}
