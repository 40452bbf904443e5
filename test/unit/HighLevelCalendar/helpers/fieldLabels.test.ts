import type { INodeProperties } from 'n8n-workflow';
import { HighLevelCalendar } from '../../../../nodes/HighLevelCalendar/HighLevelCalendar.node';
import { properties } from '../../../../nodes/HighLevelCalendar/description';
import {
	fieldLabels,
	fieldName,
	inputErrorMessage,
	registeredFieldLabels,
} from '../../../../nodes/HighLevelCalendar/helpers/fieldLabels';
import { InputError } from '../../../../nodes/HighLevelCalendar/helpers/inputError';
import { triggerProperties } from '../../../../nodes/HighLevelCalendarTrigger/properties';

const NODE = fieldLabels(properties);
const TRIGGER = fieldLabels(triggerProperties);
const settings = (values: Record<string, unknown>) => (name: string) => values[name];
const nameIn = (resource: string, operation: string, field: string) =>
	fieldName(NODE, field, settings({ resource, operation }));

describe("fieldName: a field as the node's editor shows it", () => {
	it('puts the API name beside a label that differs from it', () => {
		expect(nameIn('blockSlot', 'create', 'endTime')).toBe('End Time (endTime)');
		expect(nameIn('appointment', 'create', 'calendarId')).toBe('Calendar (calendarId)');
	});

	it('names a field inside a collection with its path', () => {
		expect(nameIn('appointment', 'create', 'appointmentStatus')).toBe(
			'Additional Fields > Appointment Status (appointmentStatus)',
		);
		expect(nameIn('appointment', 'update', 'appointmentStatus')).toBe(
			'Update Fields > Appointment Status (appointmentStatus)',
		);
	});

	it("takes the label of the operation's own field where a name is shown in several places", () => {
		expect(nameIn('appointment', 'create', 'endTime')).toBe(
			'Additional Fields > End Time (endTime)',
		);
		expect(nameIn('appointment', 'update', 'endTime')).toBe('Update Fields > End Time (endTime)');
		expect(nameIn('blockSlot', 'create', 'endTime')).toBe('End Time (endTime)');
		expect(nameIn('appointment', 'create', 'startTime')).toBe('Start Time (startTime)');
		expect(nameIn('appointment', 'update', 'startTime')).toBe(
			'Update Fields > Start Time (startTime)',
		);
	});

	it('gives just the label where it is the API name in words', () => {
		expect(nameIn('calendarGroup', 'create', 'name')).toBe('Name');
		expect(nameIn('appointment', 'create', 'title')).toBe('Additional Fields > Title');
	});

	it('labels a path by its first name and keeps the path', () => {
		expect(nameIn('availabilitySchedule', 'create', 'rulesJson[0].intervals[1].to')).toBe(
			'Additional Fields > Rules (JSON) (rulesJson[0].intervals[1].to)',
		);
	});

	it('leaves a name the node does not show as it is', () => {
		expect(nameIn('appointment', 'create', 'notAField')).toBe('notAField');
	});

	it("names the trigger's settings from the trigger's own properties", () => {
		const read = settings({ watch: 'calendar' });
		expect(fieldName(TRIGGER, 'lookAheadDays', read)).toBe(
			'Options > Look Ahead (Days) (lookAheadDays)',
		);
		expect(fieldName(TRIGGER, 'calendarId', read)).toBe('Calendar (calendarId)');
		expect(fieldName(TRIGGER, 'appointmentStatus', read)).toBe(
			'Filters > Appointment Status (appointmentStatus)',
		);
		expect(fieldName(TRIGGER, 'events', read)).toBe('Events');
	});

	it('follows the properties: a renamed field is named anew, nothing to keep in step', () => {
		const renamed: INodeProperties[] = [
			{ displayName: 'Ends At', name: 'endTime', type: 'string', default: '' },
		];
		expect(fieldName(fieldLabels(renamed), 'endTime', () => undefined)).toBe('Ends At (endTime)');
	});
});

describe('inputErrorMessage', () => {
	it("rewrites the error's subject and keeps the rest", () => {
		const error = new InputError('endTime', 'soon', 'Use ISO 8601.', 'is not a time');
		expect(error.message).toBe('endTime "soon" is not a time. Use ISO 8601.');
		expect(
			inputErrorMessage(error, NODE, settings({ resource: 'blockSlot', operation: 'create' })),
		).toBe('End Time (endTime) "soon" is not a time. Use ISO 8601.');
		expect(inputErrorMessage(error, undefined, () => undefined)).toBe(error.message);
	});

	it('names the fields it mentions by their label, with the API name the first time', () => {
		const error = new InputError(
			'endTime',
			'2026-01-01T09:00:00Z',
			'Set an endTime after startTime (2026-01-01T10:00:00Z).',
			'is not after startTime',
			['startTime', 'endTime'],
		);
		expect(error.message).toBe(
			'endTime "2026-01-01T09:00:00Z" is not after startTime. Set an endTime after startTime (2026-01-01T10:00:00Z).',
		);
		expect(
			inputErrorMessage(error, NODE, settings({ resource: 'appointment', operation: 'update' })),
		).toBe(
			'Update Fields > End Time (endTime) "2026-01-01T09:00:00Z" is not after Start Time (startTime). Set an End Time after Start Time (2026-01-01T10:00:00Z).',
		);
	});
});

describe('registeredFieldLabels', () => {
	it("finds the node's labels by its type, also as a tool", () => {
		expect(new HighLevelCalendar().description.name).toBe('highLevelCalendar');
		for (const type of [
			'n8n-nodes-highlevel-calendar.highLevelCalendar',
			'n8n-nodes-highlevel-calendar.highLevelCalendarTool',
		]) {
			const labels = registeredFieldLabels(type);
			expect(labels && fieldName(labels, 'endTime', settings({ resource: 'blockSlot' }))).toBe(
				'End Time (endTime)',
			);
		}
		expect(registeredFieldLabels('n8n-nodes-base.httpRequest')).toBeUndefined();
	});
});
