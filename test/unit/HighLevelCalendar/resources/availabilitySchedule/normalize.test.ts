import {
	normalizeScheduleCreateBody,
	normalizeScheduleSearchQuery,
	normalizeScheduleUpdateBody,
} from '../../../../../nodes/HighLevelCalendar/resources/availabilitySchedule/normalize';
import { inputError } from './testing';

const context = { timeZone: 'Europe/Berlin', credentialLocationId: 'loc_from_credential' };
const nineToFive = [{ from: '09:00', to: '17:00' }];

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
