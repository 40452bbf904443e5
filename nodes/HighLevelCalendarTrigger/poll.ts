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
import { readBookingSettings } from './bookingSettings';
import { appointmentsInWindow, checkWatchedCalendar, lookUpMissing } from './fetch';
import { bookingsInWindow, lookUpMissingBooking } from './fetchBookings';
import { APPOINTMENTS, idOf, SERVICE_BOOKINGS, type Kind, type TriggerOn } from './kinds';
import { triggerProperties } from './properties';
import {
	readSettings,
	readTriggerOn,
	watchKeyOf,
	windowOf,
	type TriggerSettings,
} from './settings';

/**
 * One poll, in order: read and check the settings; list the window; then either
 * - "Fetch Test Event" (manual mode): the newest matching appointment, state untouched;
 * - the first poll of a watch: record the baseline, fire nothing;
 * - any later poll: compare with the state (changes.ts), ask HighLevel about appointments that
 *   disappeared, and only when every request succeeded, store the new state and fire.
 * n8n saves the workflow's static data when a poll fires, so a restart does not fire again.
 * Appointments and service bookings take the same steps; a Source says how each is fetched.
 */

/** The state stays small: beyond this many appointments in the window the poll asks for less. */
export const MAX_TRACKED = 20_000;

/** Polls of one trigger that are still running (n8n may start the next before one ends). */
const running = new WeakSet<object>();

/** The names the trigger's editor shows, for its settings' errors (helpers/fieldLabels.ts). */
const LABELS = fieldLabels(triggerProperties);

/** How one kind is fetched, and the words its messages use. */
interface Source {
	kind: Kind;
	list: typeof appointmentsInWindow;
	lookUp: typeof lookUpMissing;
	/** On the first poll and Fetch Test Event: a watched target that does not exist fails. */
	check: typeof checkWatchedCalendar;
	plural: string;
	/** The fixes Fetch Test Event and an overfull window suggest. */
	bookHint: string;
	narrowHint: string;
}

const SOURCES: Record<TriggerOn, Source> = {
	appointments: {
		kind: APPOINTMENTS,
		list: appointmentsInWindow,
		lookUp: lookUpMissing,
		check: checkWatchedCalendar,
		plural: 'appointments',
		bookHint: 'Book an appointment there',
		narrowHint: 'watch one calendar, user or group',
	},
	serviceBookings: {
		kind: SERVICE_BOOKINGS,
		list: bookingsInWindow,
		lookUp: lookUpMissingBooking,
		check: async () => {},
		plural: 'service bookings',
		bookHint: 'Book a service there',
		narrowHint: 'filter by one service location',
	},
};

function readTriggerSettings(context: IPollFunctions): TriggerSettings {
	const read = (name: string, fallback?: unknown) => readParameter(context, name, fallback);
	try {
		if (readTriggerOn(read) === 'serviceBookings') return readBookingSettings(read);
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
function fromSnapshot(id: string, snapshot: Snapshot, kind: Kind): IDataObject {
	return { [kind.idField]: id, ...previousOf(snapshot, kind), deleted: true };
}

async function firedForMissing(
	context: IPollFunctions,
	state: TriggerState,
	missing: string[],
	settings: TriggerSettings,
	{ kind, lookUp }: Source,
): Promise<Fired[]> {
	const fired: Fired[] = [];
	// The state does not remember calendar, user or service location: a 404 is judged by its status alone.
	const unfiltered = Object.fromEntries(kind.filters.map(([list]) => [list, []]));
	for (const id of missing) {
		const before = state.seen[id];
		const { deleted, appointment } = await lookUp(context, id);
		const known = appointment ?? fromSnapshot(id, before, kind);
		const rules = appointment ? settings : { ...settings, ...unfiltered };
		if (!passesFilters(known, rules, kind)) continue;
		if (deleted) {
			if (settings.events.includes(kind.events.deleted))
				fired.push({
					event: kind.events.deleted,
					appointment: known,
					previous: previousOf(before, kind),
				});
		} else if (appointment) {
			fired.push(...changesOf(before, appointment, settings, kind));
		}
	}
	return fired;
}

function manualResult(
	context: IPollFunctions,
	records: IDataObject[],
	settings: TriggerSettings,
	source: Source,
): INodeExecutionData[][] {
	const match = newest(records.filter((a) => passesFilters(a, settings, source.kind)));
	if (!match) {
		const noun = source.plural.replace(/s$/, '');
		throw new NodeOperationError(
			context.getNode(),
			`No ${noun} in the window matches the trigger`,
			{
				description: `The trigger looked ${settings.lookBackHours} hours back and ${settings.lookAheadDays} days ahead. ${source.bookHint}, widen the window in Options, or loosen the Filters.`,
			},
		);
	}
	const fired = { event: settings.events[0], appointment: match };
	return [[itemOf(fired, settings.simplify, source.kind)]];
}

export async function pollAppointments(
	this: IPollFunctions,
): Promise<INodeExecutionData[][] | null> {
	// A context of its own for this poll: what is read once per run (the credential) is read
	// once per poll, so a changed credential counts from the next poll on.
	const context = Object.create(this) as IPollFunctions;
	const settings = readTriggerSettings(context);
	const source = SOURCES[settings.triggerOn];
	const { kind } = source;
	const manual = this.getMode() === 'manual';
	const staticData = this.getWorkflowStaticData('node');
	if (!manual && running.has(staticData)) return null;
	if (!manual) running.add(staticData);
	try {
		const now = Date.now();
		const window = windowOf(settings, now);
		const state = staticData.state as TriggerState | undefined;
		const baseline = !state || state.watchKey !== watchKeyOf(settings);
		if (manual || baseline) await source.check(context, settings);
		const records = await source.list(context, settings, window);
		if (manual) return manualResult(context, records, settings, source);
		if (records.length > MAX_TRACKED) {
			throw new NodeOperationError(
				context.getNode(),
				`The window holds ${records.length} ${source.plural}; the trigger follows at most ${MAX_TRACKED}`,
				{ description: `Shorten Look Ahead in Options, or ${source.narrowHint}.` },
			);
		}
		if (baseline) {
			const seen = Object.fromEntries(
				records.map((a) => [String(idOf(a, kind)), snapshotOf(a, kind)]),
			);
			staticData.state = { watchKey: watchKeyOf(settings), polledAt: now, seen };
			return null;
		}
		const diff = diffPoll(state, records, now, window, settings, kind);
		const fired = [
			...diff.fired,
			...(await firedForMissing(context, state, diff.missing, settings, source)),
		];
		staticData.state = { watchKey: state.watchKey, polledAt: now, seen: diff.seen };
		return fired.length ? [fired.map((item) => itemOf(item, settings.simplify, kind))] : null;
	} finally {
		if (!manual) running.delete(staticData);
	}
}
