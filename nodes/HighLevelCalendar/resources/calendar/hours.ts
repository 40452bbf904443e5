import type { IDataObject } from 'n8n-workflow';
import { InputError } from '../../helpers/inputError';
import { checkDay, checkShape, type ShapeContext } from './shapes';

/**
 * Open hours and custom days from the editor's fields: times as HH:MM, entries for the same days
 * (or the same date) joined into one with several ranges, as the API holds them.
 */

type Entry = IDataObject;

/** "09:00", "9:30", "9" or the number 9 → hour and minute. */
export function parseClock(field: string, value: unknown): { hour: number; minute: number } {
	const match = /^\s*(\d{1,2})(?::(\d{2}))?\s*$/.exec(String(value ?? ''));
	const hour = Number(match?.[1]);
	const minute = Number(match?.[2] ?? 0);
	if (!match || hour > 23 || minute > 59) {
		throw new InputError(
			field,
			value,
			'Use a time of day as HH:MM from 00:00 to 23:59, e.g. 09:00 (HighLevel takes hours 0-23).',
			'is not a time of day',
		);
	}
	return { hour, minute };
}

function hoursOf(field: string, entry: Entry): IDataObject {
	const open = parseClock(`${field}.openTime`, entry.openTime);
	const close = parseClock(`${field}.closeTime`, entry.closeTime);
	return {
		openHour: open.hour,
		openMinute: open.minute,
		closeHour: close.hour,
		closeMinute: close.minute,
	};
}

/** Opening comes before closing, in every range of open hours and custom days. */
export function checkHourOrder(field: string, list: IDataObject[]): void {
	list.forEach((entry, i) =>
		((entry.hours as IDataObject[] | undefined) ?? []).forEach((h, j) => {
			const open = Number(h.openHour) * 60 + Number(h.openMinute);
			const close = Number(h.closeHour) * 60 + Number(h.closeMinute);
			if (close <= open) {
				throw new InputError(
					`${field}[${i}].hours[${j}]`,
					h,
					'The closing time must be after the opening time: swap them or split the range.',
					'closes before it opens',
				);
			}
		}),
	);
}

/** Entries with the same key become one, their hours joined (a lunch break is two ranges of one day). */
function groupHours(entries: Array<{ key: string; value: IDataObject; hours: IDataObject }>) {
	const groups = new Map<string, IDataObject>();
	for (const { key, value, hours } of entries) {
		const group = groups.get(key);
		if (group) (group.hours as IDataObject[]).push(hours);
		else groups.set(key, { ...value, hours: [hours] });
	}
	return [...groups.values()];
}

function daysOf(field: string, value: unknown): number[] {
	const list = Array.isArray(value) ? value : String(value ?? '').split(',');
	const days = list.filter((day) => String(day).trim() !== '').map((day) => checkDay(field, day));
	if (days.length === 0)
		throw new InputError(field, value, 'Pick at least one day of the week.', 'is empty');
	return [...new Set(days)].sort((a, b) => a - b);
}

export function openHoursFromUi(field: string, entries: Entry[]) {
	return groupHours(
		entries.map((entry, i) => {
			const daysOfTheWeek = daysOf(`${field}[${i}].daysOfTheWeek`, entry.daysOfTheWeek);
			return {
				key: daysOfTheWeek.join(','),
				value: { daysOfTheWeek },
				hours: hoursOf(`${field}[${i}]`, entry),
			};
		}),
	);
}

export function availabilitiesFromUi(field: string, entries: Entry[], context: ShapeContext) {
	return groupHours(
		entries.map((entry, i) => {
			const date = checkShape(`${field}[${i}].date`, entry.date, { type: 'date' }, context);
			const id = typeof entry.id === 'string' && entry.id.trim() ? entry.id.trim() : undefined;
			const deleted = entry.deleted === true || entry.deleted === 'true';
			const value: IDataObject = { date: date as string };
			if (id) value.id = id;
			if (deleted) value.deleted = true;
			return { key: `${String(date)} ${id ?? ''}`, value, hours: hoursOf(`${field}[${i}]`, entry) };
		}),
	);
}
