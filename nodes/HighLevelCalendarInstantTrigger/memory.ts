import type { IDataObject } from 'n8n-workflow';
import { snapshotOf, type Snapshot } from '../HighLevelCalendarTrigger/changes';

/**
 * What the instant trigger keeps in the workflow's static data: the deliveries it accepted (the
 * replay guard) and the last state it heard of each appointment (for Rescheduled and Status
 * Changed). Pure functions over that object; when n8n saves it, and what that means for exactly
 * once, is in docs/instant-trigger.md ("Exactly once").
 */

export interface InstantState {
	/** Accepted delivery ids and when they were accepted (ms), oldest first. */
	deliveries: Record<string, number>;
	/** Appointment id -> its last known snapshot, least recently heard of first. */
	appointments: Record<string, Snapshot>;
}

/** Appointments remembered at most; beyond, the least recently heard of are forgotten. */
export const MAX_REMEMBERED = 5_000;

/** The state inside the node's static data, created on first use. */
export function stateOf(staticData: IDataObject): InstantState {
	const state = (staticData.instant ?? {}) as Partial<InstantState>;
	const complete = { deliveries: state.deliveries ?? {}, appointments: state.appointments ?? {} };
	staticData.instant = complete as unknown as IDataObject;
	return complete;
}

/**
 * Records a delivery id; false when it was accepted before (a replay). Ids older than `keepMs`
 * are dropped first: a replay that old is refused by its timestamp instead.
 */
export function claimDelivery(
	state: InstantState,
	deliveryId: string,
	now: number,
	keepMs: number,
): boolean {
	for (const [id, acceptedAt] of Object.entries(state.deliveries)) {
		if (acceptedAt >= now - keepMs) break;
		delete state.deliveries[id];
	}
	if (deliveryId in state.deliveries) return false;
	state.deliveries[deliveryId] = now;
	return true;
}

/**
 * What this n8n process accepted and heard, per trigger (workflow and node), beside the static
 * data. n8n loads the static data afresh for every request and saves it after, without a lock, so
 * two copies of one delivery arriving together would both pass a check of the static data alone;
 * checked and recorded here in the same synchronous step, they cannot both pass in one process.
 * n8n 2.41 also leaves the static data unsaved when a delivery starts a run
 * (docs/instant-trigger.md, "Exactly once"): this record keeps one process right regardless.
 */
const processStates = new Map<string, InstantState>();

/** This process's own state of one trigger. */
export function processStateOf(trigger: string): InstantState {
	let state = processStates.get(trigger);
	if (!state) processStates.set(trigger, (state = { deliveries: {}, appointments: {} }));
	return state;
}

/** What was remembered of the appointment, then remembers (or, deleted, forgets) it. */
export function recallAndRemember(
	state: InstantState,
	appointment: IDataObject,
	deleted: boolean,
): Snapshot | undefined {
	const id = String(appointment.id);
	const before = state.appointments[id];
	delete state.appointments[id];
	if (!deleted) state.appointments[id] = snapshotOf(appointment);
	const ids = Object.keys(state.appointments);
	for (const old of ids.slice(0, Math.max(0, ids.length - MAX_REMEMBERED)))
		delete state.appointments[old];
	return before;
}
