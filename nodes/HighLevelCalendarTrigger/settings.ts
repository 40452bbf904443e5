import type { IDataObject } from 'n8n-workflow';
import { APPOINTMENT_STATUS_NAMES } from '../HighLevelCalendar/helpers/constants';
import { commaList, matchOption } from '../HighLevelCalendar/helpers/bodyChecks';
import { InputError } from '../HighLevelCalendar/helpers/inputError';
import { TRIGGER_EVENT_NAMES, type FiringRules } from './changes';
import type { TriggerOn } from './kinds';
import { LIMITS } from './properties';

/**
 * The trigger's settings, read from its parameters and checked before any request: bad settings
 * fail activation and "Fetch Test Event" with a message naming the field and the fix.
 */

export type Watch = 'calendar' | 'user' | 'group' | 'location';

export interface TriggerSettings extends FiringRules {
	/** Appointments, or service bookings (bookingSettings.ts reads those). */
	triggerOn: TriggerOn;
	watch: Watch;
	/** The calendar, user or group watched; '' for every calendar (the service location, if any, for bookings). */
	targetId: string;
	lookAheadDays: number;
	lookBackHours: number;
	simplify: boolean;
}

/** Each watch, the parameter that names what is watched, and its name in the editor. */
const WATCHES: Record<Watch, { idField: string; name: string }> = {
	calendar: { idField: 'calendarId', name: 'Calendar' },
	user: { idField: 'userId', name: 'User' },
	group: { idField: 'groupId', name: 'Group' },
	location: { idField: '', name: 'Every Calendar' },
};
const TRIGGER_ON_NAMES: Record<TriggerOn, string> = {
	appointments: 'Appointments',
	serviceBookings: 'Service Bookings',
};
const WATCH_NAMES = Object.fromEntries(
	Object.entries(WATCHES).map(([watch, { name }]) => [watch, name]),
) as Record<Watch, string>;

function wholeNumber(field: string, value: unknown, min: number, max: number): number {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isInteger(number) || number < min || number > max) {
		throw new InputError(
			field,
			value,
			`Use a whole number from ${min} to ${max}.`,
			'is out of range',
		);
	}
	return number;
}

/** Statuses given by value or by their editor names (No Show), as HighLevel names them. */
export function statusList(
	field: string,
	value: unknown,
	names: Record<string, string> = APPOINTMENT_STATUS_NAMES,
): string[] {
	return commaList(value).map((status) => matchOption(field, status, names));
}

/** The Events chosen (by value or by editor name, from an expression): at least one. */
export function readEvents<Event extends string>(
	value: unknown,
	names: Record<Event, string>,
	field = 'events',
): Event[] {
	const events = commaList(value).map((event) => matchOption(field, event, names) as Event);
	if (!events.length) {
		const [example] = Object.values<string>(names);
		throw new InputError(
			field,
			events,
			`Choose at least one event, such as ${example}.`,
			'is empty',
		);
	}
	return events;
}

/** What the trigger watches: appointments unless set (the field came with service bookings). */
export function readTriggerOn(read: (name: string, fallback: unknown) => unknown): TriggerOn {
	return matchOption('triggerOn', read('triggerOn', 'appointments'), TRIGGER_ON_NAMES) as TriggerOn;
}

/** Minutes Before Start, read only when a Starting event is chosen. */
export function readMinutesBefore(
	read: (name: string, fallback: unknown) => unknown,
	wanted: boolean,
): number {
	if (!wanted) return 0;
	const value = read('minutesBefore', LIMITS.minutesBefore.default);
	return wholeNumber('minutesBefore', value, 0, LIMITS.minutesBefore.max);
}

/** The Options both kinds share: the window and Simplify. */
export function readCommonSettings(
	read: (name: string, fallback: unknown) => unknown,
): Pick<TriggerSettings, 'lookAheadDays' | 'lookBackHours' | 'simplify'> {
	const options = (read('options', {}) ?? {}) as IDataObject;
	return {
		lookAheadDays: wholeNumber(
			'lookAheadDays',
			options.lookAheadDays ?? LIMITS.lookAheadDays.default,
			1,
			LIMITS.lookAheadDays.max,
		),
		lookBackHours: wholeNumber(
			'lookBackHours',
			options.lookBackHours ?? LIMITS.lookBackHours.default,
			0,
			LIMITS.lookBackHours.max,
		),
		simplify: read('simplify', true) !== false,
	};
}

/** The Filters both triggers have. */
export function readAppointmentFilters(
	filters: IDataObject,
): Pick<FiringRules, 'statuses' | 'calendarIds' | 'assignedUserIds'> {
	return {
		statuses: statusList('appointmentStatus', filters.appointmentStatus),
		calendarIds: commaList(filters.calendarId),
		assignedUserIds: commaList(filters.assignedUserId),
	};
}

/** `read(name, fallback)` gives a parameter's value; `targetId` the picked id. */
export function readSettings(
	read: (name: string, fallback: unknown) => unknown,
	targetId: (name: string) => string,
): TriggerSettings {
	const watch = matchOption('watch', read('watch', 'calendar'), WATCH_NAMES) as Watch;
	const { idField } = WATCHES[watch];
	const target = idField ? targetId(idField).trim() : '';
	if (idField && !target) {
		throw new InputError(
			idField,
			target,
			`Pick the ${watch} to watch, or enter its ID.`,
			'is empty',
		);
	}
	const events = readEvents(read('events', []), TRIGGER_EVENT_NAMES);
	const filters = (read('filters', {}) ?? {}) as IDataObject;
	return {
		triggerOn: 'appointments',
		watch,
		targetId: target,
		events,
		toStatuses: events.includes('appointmentStatusChanged')
			? statusList('toStatuses', read('toStatuses', []))
			: [],
		minutesBefore: readMinutesBefore(read, events.includes('appointmentStarting')),
		...readAppointmentFilters(filters),
		...readCommonSettings(read),
	};
}

/**
 * Which watch a state belongs to: another calendar, user or group needs a new baseline, and so
 * do service bookings (of another service location). An appointment watch's key is unchanged
 * since before bookings, so its state carries over.
 */
export function watchKeyOf(settings: TriggerSettings): string {
	const key = `${settings.watch}:${settings.targetId}`;
	return settings.triggerOn === 'serviceBookings' ? `serviceBookings:${settings.targetId}` : key;
}

/** This poll's window, from the look-back to the look-ahead. */
export function windowOf(
	settings: TriggerSettings,
	now: number,
): { startMs: number; endMs: number } {
	return {
		startMs: now - settings.lookBackHours * 3_600_000,
		endMs: now + settings.lookAheadDays * 86_400_000,
	};
}
