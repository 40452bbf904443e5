import type {
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';
import type { NodeContext } from '../../helpers/nodeRun';
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
	return {
		results: (await listUserOptions(this)).filter((user) =>
			matchesFilter(filter, user.name, user.value),
		),
	};
}

/** The sub-account's users as options, "Name (email)", sorted by name: the picker's and the multi-selects'. */
export async function listUserOptions(context: NodeContext): Promise<INodePropertyOptions[]> {
	const users = await listOfLocation(context, {
		path: '/users/',
		version: USERS_API_VERSION,
		requiredScope: SCOPES.usersRead,
		property: 'users',
	});
	return users
		.map((user) => {
			const name =
				String(user.name ?? [user.firstName, user.lastName].filter(Boolean).join(' ')) ||
				String(user.id);
			return {
				name: user.email ? `${name} (${String(user.email)})` : name,
				value: String(user.id),
			};
		})
		.sort((a, b) => a.name.localeCompare(b.name));
}
