import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { CALENDARS_API_VERSION, SCOPES } from '../../helpers/constants';
import { readCredential } from '../../transport/credential';
import { highLevelRequest } from '../../transport/client';
import { matchesFilter } from './calendars';
import { searchUsers } from './users';

/** The most GET /calendars/schedules/search answers at once (its `limit`, "max 500"). */
const PAGE_SIZE = 500;

/** Every schedule of one user: the search requires a userId and pages with skip. */
async function schedulesOf(
	context: ILoadOptionsFunctions,
	locationId: string,
	userId: string,
): Promise<IDataObject[]> {
	const schedules: IDataObject[] = [];
	for (;;) {
		const response = await highLevelRequest(context, {
			method: 'GET',
			path: '/calendars/schedules/search',
			version: CALENDARS_API_VERSION,
			requiredScope: SCOPES.calendarsRead,
			qs: { locationId, userId, limit: PAGE_SIZE, skip: schedules.length },
		});
		const page = (response.schedules as IDataObject[] | undefined) ?? [];
		schedules.push(...page);
		if (page.length < PAGE_SIZE) return schedules;
	}
}

/**
 * The schedule picker. HighLevel lists schedules only per user (userId is required), and no
 * operation that picks a schedule shows the User field (n8n drops a hidden field's value, so it
 * cannot be read here either): the picker lists the schedules of every user of the sub-account,
 * from the users picker's own list (which needs users.readonly), each labelled with its user.
 * By ID needs none of this.
 */
export async function searchAvailabilitySchedules(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const { locationId } = await readCredential(this);
	const { results: users } = await searchUsers.call(this);
	const perUser = await Promise.all(
		users.map(async (user) => ({
			user,
			schedules: await schedulesOf(this, locationId, String(user.value)),
		})),
	);
	return {
		results: perUser
			.flatMap(({ user, schedules }) =>
				schedules.map((schedule) => {
					const name = String(schedule.name ?? schedule.id);
					return { name: `${name} (${user.name})`, value: String(schedule.id) };
				}),
			)
			.filter((result) => matchesFilter(filter, result.name, result.value))
			.sort((a, b) => a.name.localeCompare(b.name)),
	};
}
