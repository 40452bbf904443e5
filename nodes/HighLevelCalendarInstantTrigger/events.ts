import type { IDataObject } from 'n8n-workflow';
import {
	changesOf,
	passesFilters,
	previousOf,
	type FiringRules,
	type Fired,
	type Snapshot,
	type TriggerEvent,
} from '../HighLevelCalendarTrigger/changes';

/**
 * What one delivery fires: pure, so each rule is tested alone
 * (test/unit/HighLevelCalendarInstantTrigger/events.test.ts). The event names, items and filters
 * are the polling trigger's (HighLevelCalendarTrigger/changes.ts); what a push cannot know is
 * the previous state, so Rescheduled and Status Changed compare with what this trigger heard of
 * the appointment last (memory.ts), and fire only when it heard of it before.
 */

/** The events a push can tell apart; Starting and Ended are moments only polling sees. */
export const INSTANT_EVENT_NAMES = {
	appointmentBooked: 'Appointment Booked',
	appointmentDeleted: 'Appointment Deleted',
	appointmentRescheduled: 'Appointment Rescheduled',
	appointmentStatusChanged: 'Appointment Status Changed',
	appointmentUpdated: 'Appointment Updated',
} as const satisfies Partial<Record<TriggerEvent, string>>;
export type InstantEvent = keyof typeof INSTANT_EVENT_NAMES;

/** The header that carries the workflow-builder source's secret. */
export const SECRET_HEADER = 'x-n8n-secret';

/** What HighLevel says happened; `undefined` when the source does not say (memory decides). */
export type DeliveryKind = 'create' | 'update' | 'delete' | undefined;

export interface Delivery {
	kind: DeliveryKind;
	/** The appointment as the item shows it (locationId included). */
	appointment: IDataObject;
}

export interface InstantRules extends FiringRules {
	locationIds: string[];
}

/**
 * The events of one delivery, given what was remembered of the appointment before it.
 * A create is Booked; a delete is Deleted; an update is Updated, plus Rescheduled and Status
 * Changed when the remembered times or status differ. A delivery that does not say (the workflow
 * builder without an `event`) is a booking when the appointment is new to the trigger, an update
 * otherwise.
 */
export function firedOf(
	delivery: Delivery,
	before: Snapshot | undefined,
	rules: InstantRules,
): Fired[] {
	const { appointment } = delivery;
	if (!passesFilters(appointment, rules)) return [];
	if (rules.locationIds.length && !rules.locationIds.includes(String(appointment.locationId)))
		return [];
	const wants = (event: InstantEvent) => rules.events.includes(event);
	const previous = before ? previousOf(before) : undefined;
	const kind = delivery.kind ?? (before ? 'update' : 'create');
	if (kind === 'create')
		return wants('appointmentBooked') ? [{ event: 'appointmentBooked', appointment }] : [];
	if (kind === 'delete')
		return wants('appointmentDeleted')
			? [{ event: 'appointmentDeleted', appointment, ...(previous && { previous }) }]
			: [];
	const fired: Fired[] = [];
	// HighLevel said it changed: Updated fires even when nothing the trigger remembers moved.
	if (wants('appointmentUpdated'))
		fired.push({ event: 'appointmentUpdated', appointment, ...(previous && { previous }) });
	if (before) {
		const compared = { ...rules, events: rules.events.filter((e) => e !== 'appointmentUpdated') };
		fired.push(...changesOf(before, appointment, compared));
	}
	return fired;
}
