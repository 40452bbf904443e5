import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { listCalendars } from '../../transport/calendarEvents';

/** The calendars as options of a multi-select (a resource's service calendars), by name. */
export async function getCalendarOptions(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const calendars = await listCalendars(this);
	return calendars
		.map((calendar) => ({ name: String(calendar.name ?? calendar.id), value: String(calendar.id) }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
