import {
	normalizeCreateBody,
	normalizeUpdateBody,
} from '../../../../../nodes/HighLevelCalendar/resources/appointment/normalize';
import { normalizeBlockSlotBody } from '../../../../../nodes/HighLevelCalendar/resources/blockSlot/normalize';

const context = { timeZone: 'Europe/Berlin', credentialLocationId: 'loc_from_credential' };

describe('appointment body', () => {
	it('fills locationId from the credential and converts times on create', () => {
		expect(
			normalizeCreateBody(
				{
					calendarId: 'cal1',
					contactId: 'c1',
					startTime: '2026-06-23T09:30:00',
					endTime: '2026-06-23T10:00:00',
				},
				context,
			),
		).toEqual({
			calendarId: 'cal1',
			contactId: 'c1',
			locationId: 'loc_from_credential',
			startTime: '2026-06-23T09:30:00+02:00',
			endTime: '2026-06-23T10:00:00+02:00',
		});
	});

	it('keeps a locationId the user set', () => {
		const body = normalizeCreateBody(
			{
				calendarId: 'cal1',
				contactId: 'c1',
				locationId: 'other',
				startTime: '2026-06-23T09:30:00Z',
			},
			context,
		);
		expect(body.locationId).toBe('other');
	});

	it('sends ignoreFreeSlotValidation true with an rrule, and refuses an explicit false', () => {
		expect(normalizeUpdateBody({ rrule: 'RRULE:FREQ=DAILY;COUNT=5' }, context)).toEqual({
			rrule: 'RRULE:FREQ=DAILY;COUNT=5',
			ignoreFreeSlotValidation: true,
		});
		expect(() =>
			normalizeUpdateBody(
				{ rrule: 'RRULE:FREQ=DAILY;COUNT=5', ignoreFreeSlotValidation: false },
				context,
			),
		).toThrow('ignoreFreeSlotValidation false cannot be false together with an rrule');
	});

	it('coerces "true"/"false" strings and numeric ids from expressions', () => {
		expect(normalizeUpdateBody({ toNotify: 'false', assignedUserId: 12345 }, context)).toEqual({
			toNotify: false,
			assignedUserId: '12345',
		});
	});

	it.each([
		[
			{ appointmentStatus: 'maybe' },
			'appointmentStatus "maybe" is not an allowed value. Use one of: new, confirmed, cancelled, showed, noshow, invalid, completed, active.',
		],
		[{ meetingLocationType: 'skype' }, 'meetingLocationType "skype" is not an allowed value'],
		[{ toNotify: 'yes' }, 'toNotify "yes" is not a boolean'],
		[
			{ startTime: '2026-06-23T10:00:00Z', endTime: '2026-06-23T10:00:00Z' },
			'endTime "2026-06-23T10:00:00+00:00" is not after startTime',
		],
		[{ assignedUserId: ' ' }, 'assignedUserId " " is empty'],
		[{}, 'updateFields {} is empty'],
	])('refuses %p on update', (body, message) => {
		expect(() => normalizeUpdateBody(body, context)).toThrow(message);
	});

	it.each([
		[
			{ contactId: 'c1', startTime: '2026-06-23T09:30:00Z' },
			'calendarId (not set) is missing. Set it: it is required.',
		],
		[
			{ calendarId: 'cal1', contactId: '', startTime: '2026-06-23T09:30:00Z' },
			'contactId "" is empty',
		],
		[{ calendarId: 'cal1', contactId: 'c1', startTime: '' }, 'startTime "" is required'],
	])('refuses %p on create', (body, message) => {
		expect(() => normalizeCreateBody(body, context)).toThrow(message);
	});
});

describe('block slot body', () => {
	it('targets a calendar or a user, with the credential location by default', () => {
		expect(normalizeBlockSlotBody({ assignedUserId: 'u1', title: 'Off' }, context)).toEqual({
			assignedUserId: 'u1',
			title: 'Off',
			locationId: 'loc_from_credential',
		});
	});

	it('refuses both targets and no target', () => {
		expect(() =>
			normalizeBlockSlotBody({ calendarId: 'cal1', assignedUserId: 'u1' }, context),
		).toThrow(
			'assignedUserId "u1" cannot be set together with calendarId. A block slot blocks a calendar or a user, not both',
		);
		expect(() => normalizeBlockSlotBody({ title: 'Off' }, context)).toThrow(
			'calendarId (not set) is missing',
		);
	});
});
