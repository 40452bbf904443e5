import type { IDataObject } from 'n8n-workflow';
import {
	applyScheduleRules,
	normalizeScheduleCreateBody,
	normalizeScheduleSearchQuery,
	normalizeScheduleUpdateBody,
	scheduleTimeZone,
} from '../../../../../nodes/HighLevelCalendar/resources/availabilitySchedule/normalize';
import { InputError } from '../../../../../nodes/HighLevelCalendar/helpers/inputError';
import { inputError } from './testing';

const context = { timeZone: 'Europe/Berlin', credentialLocationId: 'loc_from_credential' };
const nineToFive = [{ from: '09:00', to: '17:00' }];

describe('time zones', () => {
	it("takes IANA zones of the spec's Area/City form and says why others are refused", () => {
		expect(scheduleTimeZone(' Europe/Berlin ')).toBe('Europe/Berlin');
		expect(scheduleTimeZone('Etc/UTC')).toBe('Etc/UTC');
		expect(inputError(() => scheduleTimeZone('Mars/Olympus')).message).toBe(
			'timezone "Mars/Olympus" is not a known time zone. Use an IANA time zone name such as America/New_York or Europe/Berlin.',
		);
		const error = inputError(() => scheduleTimeZone('UTC'));
		expect(error.message).toContain('is not a time zone HighLevel takes for a schedule');
		expect(error.message).toContain('for UTC use Etc/UTC');
		expect(() => scheduleTimeZone('America/Argentina/Cordoba')).toThrow(InputError);
	});
});

describe('rules in a body', () => {
	it('builds rules from the fixedCollections, weekly first, and removes the editor fields', () => {
		const body: IDataObject = {
			weeklyHours: { hours: [{ days: ['monday'], from: '09:00', to: '17:00' }] },
			dateOverrides: { overrides: [{ date: '2026-12-24', from: '', to: '' }] },
		};
		applyScheduleRules(body);
		expect(body).toEqual({
			rules: [
				{ type: 'wday', day: 'monday', intervals: nineToFive },
				{ type: 'date', date: '2026-12-24', intervals: [] },
			],
		});
	});

	it('sends no rules when none were given, and an empty list only from Rules (JSON)', () => {
		const none: IDataObject = { name: 'x' };
		applyScheduleRules(none);
		expect(none).toEqual({ name: 'x' });
		const cleared: IDataObject = { rulesJson: '[]' };
		applyScheduleRules(cleared);
		expect(cleared).toEqual({ rules: [] });
		expect(inputError(() => applyScheduleRules({ weeklyHours: {} })).message).toBe(
			'weeklyHours {} has no entries. Add hours, or remove Weekly Hours (Rules (JSON) [] clears every rule).',
		);
		expect(inputError(() => applyScheduleRules({ dateOverrides: { overrides: [] } })).field).toBe(
			'dateOverrides',
		);
	});

	it('refuses the editor fields and Rules (JSON) together', () => {
		expect(
			inputError(() =>
				applyScheduleRules({
					rulesJson: '[]',
					weeklyHours: { hours: [{ days: ['monday'], ...nineToFive[0] }] },
				}),
			).message,
		).toBe(
			'rulesJson "[]" cannot be set together with Weekly Hours or Date Overrides. Use Weekly Hours and Date Overrides, or Rules (JSON), not both: remove one.',
		);
	});
});

describe('create, update and search', () => {
	it('create: the credential location by default, calendar IDs as a list, rules built', () => {
		expect(
			normalizeScheduleCreateBody(
				{
					name: ' Front desk ',
					userId: 'usr1',
					timezone: 'Europe/Berlin',
					calendarIds: 'cal1, cal2,',
					weeklyHours: { hours: [{ days: ['monday'], ...nineToFive[0] }] },
				},
				context,
			),
		).toEqual({
			name: 'Front desk',
			userId: 'usr1',
			timezone: 'Europe/Berlin',
			locationId: 'loc_from_credential',
			calendarIds: ['cal1', 'cal2'],
			rules: [{ type: 'wday', day: 'monday', intervals: nineToFive }],
		});
		const body = { name: 'x', userId: 'u', timezone: 'Etc/UTC', locationId: 'loc2' };
		expect(normalizeScheduleCreateBody({ ...body }, context).locationId).toBe('loc2');
	});

	it('create: refuses a missing name, user or zone, and empty calendar IDs', () => {
		const body = { name: 'x', userId: 'u', timezone: 'Etc/UTC' };
		expect(
			inputError(() => normalizeScheduleCreateBody({ ...body, name: ' ' }, context)).field,
		).toBe('name');
		expect(
			inputError(() => normalizeScheduleCreateBody({ ...body, userId: '' }, context)).field,
		).toBe('userId');
		expect(
			inputError(() => normalizeScheduleCreateBody({ ...body, timezone: '' }, context)).field,
		).toBe('timezone');
		expect(
			inputError(() => normalizeScheduleCreateBody({ ...body, calendarIds: ' , ' }, context))
				.message,
		).toBe(
			'calendarIds " , " is empty. Give calendar IDs separated by commas, or remove Calendar IDs.',
		);
	});

	it('update: only what was set, something must be', () => {
		expect(normalizeScheduleUpdateBody({ timezone: 'America/Chicago' })).toEqual({
			timezone: 'America/Chicago',
		});
		expect(inputError(() => normalizeScheduleUpdateBody({})).message).toBe(
			'availabilityScheduleUpdateFields {} is empty. Add at least one field to Update Fields.',
		);
		expect(inputError(() => normalizeScheduleUpdateBody({ timezone: 'UTC' })).field).toBe(
			'timezone',
		);
	});

	it('search: the credential location by default, the user required, an empty calendar refused', () => {
		expect(normalizeScheduleSearchQuery({ userId: ' usr1 ' }, 'loc1')).toEqual({
			userId: 'usr1',
			locationId: 'loc1',
		});
		expect(inputError(() => normalizeScheduleSearchQuery({}, 'loc1')).message).toBe(
			'userId (not set) is missing. Set it: it is required.',
		);
		expect(
			inputError(() => normalizeScheduleSearchQuery({ userId: 'u', calendarId: '' }, 'loc1')).field,
		).toBe('calendarId');
	});
});
