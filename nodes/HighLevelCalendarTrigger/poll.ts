import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import {
	fieldLabels,
	fieldName,
	inputErrorMessage,
} from '../HighLevelCalendar/helpers/fieldLabels';
import { InputError } from '../HighLevelCalendar/helpers/inputError';
import { readParameter } from '../HighLevelCalendar/helpers/parameters';
import {
	changesOf,
	diffPoll,
	passesFilters,
	previousOf,
	snapshotOf,
	type Fired,
	type Snapshot,
	type TriggerState,
} from './changes';
import { itemOf } from './items';
import { appointmentsInWindow, checkWatchedCalendar, lookUpMissing } from './fetch';
import { triggerProperties } from './properties';
import { readSettings, watchKeyOf, windowOf, type TriggerSettings } from './settings';

/**
 * One poll, in order: read and check the settings; list the window; then either
 * - "Fetch Test Event" (manual mode): the newest matching appointment, state untouched;
 * - the first poll of a watch: record the baseline, fire nothing;
 * - any later poll: compare with the state (changes.ts), ask HighLevel about appointments that
 *   disappeared, and only when every request succeeded, store the new state and fire.
 * n8n saves the workflow's static data when a poll fires, so a restart does not fire again.
 */

/** The state stays small: beyond this many appointments in the window the poll asks for less. */
export const MAX_TRACKED = 20_000;

/** Polls of one trigger that are still running (n8n may start the next before one ends). */
const running = new WeakSet<object>();

/** The names the trigger's editor shows, for its settings' errors (helpers/fieldLabels.ts). */
const LABELS = fieldLabels(triggerProperties);

function readTriggerSettings(context: IPollFunctions): TriggerSettings {
	const read = (name: string, fallback?: unknown) => readParameter(context, name, fallback);
	try {
		return readSettings(read, (name) =>
			String(readParameter(context, name, '', { extractValue: true }) ?? ''),
		);
	} catch (error) {
		if (error instanceof InputError) {
			const name = fieldName(LABELS, error.field, read);
			throw new NodeOperationError(context.getNode(), inputErrorMessage(error, LABELS, read), {
				description: `Check the trigger's ${name} setting.`,
			});
		}
		throw new NodeOperationError(context.getNode(), error as Error);
	}
}

function newest(appointments: IDataObject[]): IDataObject | undefined {
	const changedAt = (a: IDataObject) => snapshotOf(a)[0] || Date.parse(String(a.dateAdded)) || 0;
	return [...appointments].sort((a, b) => changedAt(b) - changedAt(a))[0];
}

/** An appointment known only from the state (deleted for good): what the item can still say. */
function fromSnapshot(id: string, snapshot: Snapshot): IDataObject {
	return { id, ...previousOf(snapshot), deleted: true };
}

async function firedForMissing(
	context: IPollFunctions,
	state: TriggerState,
	missing: string[],
	settings: TriggerSettings,
): Promise<Fired[]> {
	const fired: Fired[] = [];
	for (const id of missing) {
		const before = state.seen[id];
		const { deleted, appointment } = await lookUpMissing(context, id);
		const known = appointment ?? fromSnapshot(id, before);
		// The state does not remember calendar and user: a 404 is judged by its status alone.
		const rules = appointment ? settings : { ...settings, calendarIds: [], assignedUserIds: [] };
		if (!passesFilters(known, rules)) continue;
		if (deleted) {
			if (settings.events.includes('appointmentDeleted'))
				fired.push({
					event: 'appointmentDeleted',
					appointment: known,
					previous: previousOf(before),
				});
		} else if (appointment) {
			fired.push(...changesOf(before, appointment, settings));
		}
	}
	return fired;
}

function manualResult(
	context: IPollFunctions,
	appointments: IDataObject[],
	settings: TriggerSettings,
): INodeExecutionData[][] {
	const match = newest(appointments.filter((a) => passesFilters(a, settings)));
	if (!match) {
		throw new NodeOperationError(
			context.getNode(),
			'No appointment in the window matches the trigger',
			{
				description: `The trigger looked ${settings.lookBackHours} hours back and ${settings.lookAheadDays} days ahead. Book an appointment there, widen the window in Options, or loosen the Filters.`,
			},
		);
	}
	return [[itemOf({ event: settings.events[0], appointment: match }, settings.simplify)]];
}

export async function pollAppointments(
	this: IPollFunctions,
): Promise<INodeExecutionData[][] | null> {
	// A context of its own for this poll: what is read once per run (the credential) is read
	// once per poll, so a changed credential counts from the next poll on.
	const context = Object.create(this) as IPollFunctions;
	const settings = readTriggerSettings(context);
	const manual = this.getMode() === 'manual';
	const staticData = this.getWorkflowStaticData('node');
	if (!manual && running.has(staticData)) return null;
	if (!manual) running.add(staticData);
	try {
		const now = Date.now();
		const window = windowOf(settings, now);
		const state = staticData.state as TriggerState | undefined;
		const baseline = !state || state.watchKey !== watchKeyOf(settings);
		if (manual || baseline) await checkWatchedCalendar(context, settings);
		const appointments = await appointmentsInWindow(context, settings, window);
		if (manual) return manualResult(context, appointments, settings);
		if (appointments.length > MAX_TRACKED) {
			throw new NodeOperationError(
				context.getNode(),
				`The window holds ${appointments.length} appointments; the trigger follows at most ${MAX_TRACKED}`,
				{ description: 'Shorten Look Ahead in Options, or watch one calendar, user or group.' },
			);
		}
		if (baseline) {
			const seen = Object.fromEntries(appointments.map((a) => [String(a.id), snapshotOf(a)]));
			staticData.state = { watchKey: watchKeyOf(settings), polledAt: now, seen };
			return null;
		}
		const diff = diffPoll(state, appointments, now, window, settings);
		const fired = [
			...diff.fired,
			...(await firedForMissing(context, state, diff.missing, settings)),
		];
		staticData.state = { watchKey: state.watchKey, polledAt: now, seen: diff.seen };
		return fired.length ? [fired.map((item) => itemOf(item, settings.simplify))] : null;
	} finally {
		if (!manual) running.delete(staticData);
	}
}
