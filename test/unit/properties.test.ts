/**
 * n8n evaluates a node's parameter once for every property of that name, twice per item, before
 * any request leaves (docs/architecture.md): in a real n8n 2.x that is most of a declarative node's
 * cost per item. Fields users fill with expressions are therefore one property each.
 */
import type { INodeProperties } from 'n8n-workflow';
import { HighLevelCalendar } from '../../nodes/HighLevelCalendar/HighLevelCalendar.node';
import { APPOINTMENT_STATUS_NAMES } from '../../nodes/HighLevelCalendar/helpers/constants';
import { HighLevelCalendarTrigger } from '../../nodes/HighLevelCalendarTrigger/HighLevelCalendarTrigger.node';

const counts = new Map<string, number>();
for (const property of new HighLevelCalendar().description.properties)
	counts.set(property.name, (counts.get(property.name) ?? 0) + 1);

describe('one property per field name', () => {
	it.each([
		'eventId',
		'startTime',
		'additionalFields',
		'updateFields',
		'assignedUserId',
		'masterEventId',
		'occurrenceDate',
		'startDate',
		'endDate',
	])('%s is one property', (name) => expect(counts.get(name)).toBe(1));

	// userId and groupId: the events' Get Many filter (shown with Filter By: User / Group), and the
	// user of an availability schedule's Search and Create / the group a Calendar Group operation
	// changes. One property cannot show for both without a Filter By the schedule and group
	// operations lack (a hidden one stays in the editor's parameters when the operation changes).
	// Neither is a field of the bulk creates and updates.
	it.each(['userId', 'groupId'])('%s is at most two', (name) =>
		expect(counts.get(name)).toBeLessThanOrEqual(2),
	);

	// contactId: Create's contact and Get Many's (Filter By: Contact). One property shown on Create
	// by `hide: { filterBy }` vanished there after a visit to Get Many: the editor keeps the hidden
	// Filter By's value while the panel is open (resources/event/fields.ts).
	it('contactId is at most two', () => expect(counts.get('contactId')).toBeLessThanOrEqual(2));

	it('endTime is at most two (its routing differs by resource)', () => {
		expect(counts.get('endTime')).toBeLessThanOrEqual(2);
	});

	// calendarId: the event operations' field (resources/event/fields.ts), Calendar Get / Get Free
	// Slots' path id, and Calendar Notification's path id (+1: the calendar whose notifications
	// are addressed, on every notification operation; widening another's displayOptions would show
	// it on operations that do not take it; Event Calendar Schedule, whose every operation takes a
	// path calendarId too, shares it), and the path calendarId of an availability schedule's
	// Add and Remove Calendar (+1: Calendar: Get's cannot be widened to those, because the schedule
	// has a Get too, which would then show it).
	it('calendarId is at most four', () => {
		expect(counts.get('calendarId')).toBeLessThanOrEqual(4);
	});

	it('requestDefaults hold no expression (n8n evaluates them twice per item)', () => {
		const defaults = JSON.stringify(new HighLevelCalendar().description.requestDefaults);
		expect(defaults).not.toContain('={{');
	});
});

/**
 * One vocabulary for statuses: every field that offers appointment statuses, in the action node
 * and the trigger, lists the same names, and lets an expression give a name without the editor
 * marking it red (fields/namedOptions.ts).
 */
describe('status fields', () => {
	const statusFields: INodeProperties[] = [];
	const walk = (list: unknown[]) => {
		for (const item of list as Array<INodeProperties & { values?: unknown[] }>) {
			if (item.name === 'appointmentStatus' || item.name === 'toStatuses') statusFields.push(item);
			if (Array.isArray(item.options)) walk(item.options);
			if (Array.isArray(item.values)) walk(item.values);
		}
	};
	walk(new HighLevelCalendar().description.properties);
	walk(new HighLevelCalendarTrigger().description.properties);

	it('are found in both nodes (additional, update, Get Many, trigger filter and To Statuses)', () => {
		expect(statusFields).toHaveLength(5);
	});

	it.each(statusFields.map((field, i) => [i, field.name, field]))(
		'#%s %s lists the names and accepts them from expressions',
		(_i, _name, field) => {
			expect(field.options).toEqual(
				Object.entries(APPOINTMENT_STATUS_NAMES)
					.map(([value, name]) => ({ name, value }))
					.sort((a, b) => a.name.localeCompare(b.name)),
			);
			expect(field.allowArbitraryValues).toBe(true);
		},
	);
});
