import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { listCalendars } from '../../transport/calendarEvents';

export function matchesFilter(filter: string | undefined, ...texts: unknown[]): boolean {
	if (!filter) return true;
	const wanted = filter.toLowerCase();
	return texts.some((text) => typeof text === 'string' && text.toLowerCase().includes(wanted));
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
