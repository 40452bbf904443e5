import { HighLevelCalendarApi } from '../../credentials/HighLevelCalendarApi.credentials';
import { testCredential } from './harness/editorRequests';
import { runHighLevel, sandboxCredentials } from './harness/highLevel';
import {
	SANDBOX_APPOINTMENT_ID,
	SANDBOX_BLOCK_SLOT_ID,
	SANDBOX_CALENDAR_ID,
	SANDBOX_CONTACT_ID,
	SANDBOX_LOCATION_ID,
	SANDBOX_TOKEN,
	SANDBOX_USER_ID,
} from '../sandbox';
import { sandbox, useSandbox } from './testing';

const READ_ONLY_TOKEN = 'pit-read-only-9876543210';
const OTHER_LOCATION_TOKEN = 'pit-other-location-555';

useSandbox({
	tokens: {
		[SANDBOX_TOKEN]: {
			locationId: SANDBOX_LOCATION_ID,
			scopes: ['calendars.readonly', 'calendars/events.readonly', 'calendars/events.write'],
		},
		[READ_ONLY_TOKEN]: {
			locationId: SANDBOX_LOCATION_ID,
			scopes: ['calendars.readonly', 'calendars/events.readonly'],
		},
		[OTHER_LOCATION_TOKEN]: { locationId: 'loc_elsewhere', scopes: ['calendars.readonly'] },
	},
});

const create = {
	resource: 'appointment',
	operation: 'create',
	calendarId: SANDBOX_CALENDAR_ID,
	contactId: SANDBOX_CONTACT_ID,
	startTime: '2031-05-05T10:00:00Z',
};
const update = { resource: 'appointment', operation: 'update', eventId: SANDBOX_APPOINTMENT_ID };
const blockSlot = { resource: 'blockSlot', operation: 'update', eventId: SANDBOX_BLOCK_SLOT_ID };

describe('bad input fails the item before any request, naming field, value and fix', () => {
	it.each([
		[
			'an unknown status from an expression',
			{ ...update, updateFields: { appointmentStatus: "={{ 'no-shw' }}" } },
			'Update Fields > Appointment Status (appointmentStatus) "no-shw" is not an allowed value. Did you mean noshow? Use one of: new, confirmed, cancelled, showed, noshow, invalid, completed, active.',
		],
		[
			'an unknown meeting location type',
			{ ...create, additionalFields: { meetingLocationType: '={{ "skype" }}' } },
			'Additional Fields > Meeting Location Type (meetingLocationType) "skype" is not an allowed value',
		],
		[
			'an unreadable time',
			{ ...create, startTime: 'next tuesday' },
			'Start Time (startTime) "next tuesday" is not a time HighLevel can take. Use ISO 8601',
		],
		[
			'epoch seconds',
			{ ...update, updateFields: { startTime: '={{ 1900000000 }}' } },
			'Update Fields > Start Time (startTime) 1900000000 looks like epoch seconds. Epoch values must be in milliseconds',
		],
		[
			'an end before the start',
			{ ...create, additionalFields: { endTime: '2031-05-05T09:00:00Z' } },
			'Additional Fields > End Time (endTime) "2031-05-05T09:00:00+00:00" is not after Start Time (startTime). Set an End Time after Start Time (2031-05-05T10:00:00+00:00).',
		],
		[
			'both block targets',
			{
				...blockSlot,
				updateFields: { calendarId: SANDBOX_CALENDAR_ID, assignedUserId: SANDBOX_USER_ID },
			},
			'Update Fields > Assigned User (assignedUserId) "usr_sandbox_001" cannot be set together with Calendar (calendarId)',
		],
		[
			'no block target',
			{ ...blockSlot, updateFields: { title: 'Off' } },
			'Update Fields > Calendar (calendarId) (not set) is missing. Add Calendar',
		],
		[
			'an event id that maps to nothing',
			{ ...update, eventId: '={{ $json.missing ?? "" }}', updateFields: { title: 'x' } },
			'Event ID (eventId) "" is empty',
		],
		[
			'a dot-dot event id',
			{ resource: 'appointment', operation: 'get', eventId: '..' },
			'Event ID (eventId) ".." is not an id',
		],
		[
			'an rrule with ignoreFreeSlotValidation false',
			{
				...update,
				recurrence: 'raw',
				rrule: 'RRULE:FREQ=DAILY;COUNT=2',
				updateFields: { ignoreFreeSlotValidation: false },
			},
			'Update Fields > Ignore Free Slot Validation (ignoreFreeSlotValidation) false cannot be false together with an rrule',
		],
		[
			'a raw rrule with a typo',
			{ ...create, recurrence: 'raw', rrule: 'RRULE:FREQQ=DAILY;COUNT=2' },
			'RRULE "FREQQ=DAILY" has an unknown key FREQQ. Did you mean FREQ?',
		],
		[
			'a raw rrule with DTSTART',
			{ ...create, recurrence: 'raw', rrule: 'DTSTART:20260302T140000Z\nRRULE:FREQ=DAILY;COUNT=2' },
			'has a DTSTART, which HighLevel does not take',
		],
		[
			'a built rule with COUNT 0',
			{ ...create, recurrence: 'build', frequency: 'daily', recurrenceEnd: 'count', count: 0 },
			'Occurrences (count) 0 is not a whole number of 1 or more. Use the number of occurrences, such as 10.',
		],
		[
			'an empty update',
			{ ...update, updateFields: {} },
			'Update Fields (updateFields) {} is empty. Add at least one field to Update Fields.',
		],
		[
			'an empty contact id',
			{ ...create, contactId: '={{ "" }}' },
			'Contact (contactId) "" is empty. Set it: it is required.',
		],
		[
			'an unknown time zone',
			{ ...create, startTime: '2031-05-05T10:00:00', options: { timeZone: 'Mars/Olympus' } },
			'Options > Time Zone (timeZone) "Mars/Olympus" is not a known time zone',
		],
	])('%s', async (_case, parameters, message) => {
		const { error, items } = await runHighLevel(sandbox, parameters);
		expect(sandbox.requests).toHaveLength(0);
		expect(items).toHaveLength(0);
		expect(error?.message).toContain(message);
		expect(error?.description).toBe('Nothing was sent to HighLevel for this item.');
	});
});

describe('Continue On Fail', () => {
	it('turns a bad item into an error item and still books the others', async () => {
		const { items, error } = await runHighLevel(
			sandbox,
			{ ...create, startTime: '={{ $json.start }}' },
			{
				continueOnFail: true,
				items: [
					{ start: '2031-05-05T10:00:00Z' },
					{ start: 'soon' },
					{ start: '2031-05-05T12:00:00Z' },
				],
			},
		);
		expect(error).toBeUndefined();
		expect(
			sandbox.requests.map((request) => (request.body as { startTime: string }).startTime).sort(),
		).toEqual(['2031-05-05T10:00:00+00:00', '2031-05-05T12:00:00+00:00']);
		expect(items).toHaveLength(3);
		expect(items[0].json).toMatchObject({ startTime: '2031-05-05T10:00:00+00:00' });
		expect(items[1].error?.message).toContain(
			'Start Time (startTime) "soon" is not a time HighLevel can take',
		);
		expect(items[2].json).toMatchObject({ startTime: '2031-05-05T12:00:00+00:00' });
		expect(sandbox.store.appointments.size).toBe(3);
	});

	it('keeps going after an API error on one item', async () => {
		const { items } = await runHighLevel(
			sandbox,
			{ resource: 'appointment', operation: 'get', eventId: '={{ $json.id }}' },
			{ continueOnFail: true, items: [{ id: 'apt_missing' }, { id: SANDBOX_APPOINTMENT_ID }] },
		);
		expect(items).toHaveLength(2);
		expect(items[0].error?.message).toBe(
			'HighLevel found no appointment with eventId "apt_missing" (404)',
		);
		expect(items[1].json).toMatchObject({ id: SANDBOX_APPOINTMENT_ID });
	});
});

describe('HighLevel errors reach the user, explained', () => {
	it("passes HighLevel's own 400 text through (slot taken)", async () => {
		await runHighLevel(sandbox, create);
		const { error } = await runHighLevel(sandbox, create);
		expect(sandbox.requests.map((request) => request.status)).toEqual([200, 400]);
		expect(error?.message).toBe(
			'HighLevel rejected the request (400): The slot you have selected is no longer available.',
		);
		expect(error?.httpCode).toBe('400');
	});

	it('explains an invalid token, and never shows the token', async () => {
		const result = await runHighLevel(
			sandbox,
			{ resource: 'appointment', operation: 'get', eventId: SANDBOX_APPOINTMENT_ID },
			{
				credentials: sandboxCredentials(sandbox, { accessToken: 'pit-revoked-secret-4242' }),
			},
		);
		expect(sandbox.requests[0].status).toBe(401);
		expect(result.error?.message).toBe('HighLevel rejected the access token (401)');
		expect(result.error?.description).toContain('Invalid token: access token is invalid');
		const everything =
			JSON.stringify(result.run) +
			JSON.stringify(result.error, Object.getOwnPropertyNames(result.error));
		expect(everything).not.toContain('pit-revoked-secret-4242');
	});

	it('reports an unreachable host without the token', async () => {
		const result = await runHighLevel(
			sandbox,
			{
				resource: 'appointment',
				operation: 'get',
				eventId: SANDBOX_APPOINTMENT_ID,
				rateLimit: { maxRetrySeconds: 0 },
			},
			{
				credentials: sandboxCredentials(sandbox, {
					baseUrl: 'http://127.0.0.1:9',
					accessToken: 'pit-unreachable-secret-77',
				}),
			},
		);
		expect(sandbox.requests).toHaveLength(0);
		expect(result.error?.message).toMatch(/refused the connection/);
		expect(result.error?.description).toMatch(/Gave up after 1 attempt in 0 s/);
		const everything =
			JSON.stringify(result.run) +
			JSON.stringify(result.error, Object.getOwnPropertyNames(result.error));
		expect(everything).not.toContain('pit-unreachable-secret-77');
	});

	it('names the scope a token lacks', async () => {
		const result = await runHighLevel(
			sandbox,
			{ ...update, updateFields: { title: 'x' } },
			{
				credentials: sandboxCredentials(sandbox, { accessToken: READ_ONLY_TOKEN }),
				continueOnFail: true,
			},
		);
		expect(sandbox.requests[0].status).toBe(401);
		expect(result.items[0].error?.message).toBe(
			'The access token is missing the scope calendars/events.write',
		);
		const everything =
			JSON.stringify(result.run) +
			JSON.stringify(result.items[0].error, Object.getOwnPropertyNames(result.items[0].error));
		expect(everything).not.toContain(READ_ONLY_TOKEN);
	});

	it('explains a location the token does not belong to', async () => {
		const { error } = await runHighLevel(sandbox, {
			...create,
			additionalFields: { locationId: 'loc_elsewhere' },
		});
		expect(sandbox.requests[0].status).toBe(403);
		expect(error?.message).toBe('HighLevel refused access to this sub-account (403)');
		expect(error?.description).toContain("credential's Location ID");
	});
});

describe('credential test, run as n8n runs it', () => {
	const credentialType = new HighLevelCalendarApi();

	it('passes with a good token and location, calling GET /calendars/?locationId', async () => {
		await expect(testCredential(credentialType, sandboxCredentials(sandbox))).resolves.toEqual({
			status: 'OK',
			message: 'Connection tested successfully',
		});
		expect(sandbox.requests).toHaveLength(1);
		expect(sandbox.requests[0]).toMatchObject({
			method: 'GET',
			path: '/calendars/',
			query: { locationId: SANDBOX_LOCATION_ID },
			status: 200,
		});
		expect(sandbox.requests[0].headers).toMatchObject({
			authorization: `Bearer ${SANDBOX_TOKEN}`,
			version: 'v3',
		});
	});

	it('fails with a bad token or a location the token does not belong to', async () => {
		const badToken = await testCredential(
			credentialType,
			sandboxCredentials(sandbox, { accessToken: 'nope-secret-1' }),
		);
		expect(badToken.status).toBe('Error');
		expect(badToken.message).toMatch(/^HighLevel rejected the Access Token/);
		expect(badToken.message).not.toContain('nope-secret-1');
		const otherLocation = await testCredential(
			credentialType,
			sandboxCredentials(sandbox, { accessToken: OTHER_LOCATION_TOKEN }),
		);
		expect(otherLocation).toEqual({
			status: 'Error',
			message:
				'The Access Token does not belong to this Location ID: use the sub-account the token was created in.',
		});
		// n8n's request helper retries an authenticated request once on 401, as it does in production.
		expect(sandbox.requests.map((request) => request.status)).toEqual([401, 401, 403]);
	});
});

describe("input errors name the field as the operation's editor shows it", () => {
	it.each([
		[
			'Block Slot: Create, its own End Time',
			{
				resource: 'blockSlot',
				operation: 'create',
				calendarId: SANDBOX_CALENDAR_ID,
				startTime: '2031-05-05T10:00:00Z',
				endTime: 'soon',
			},
			'End Time (endTime) "soon" is not a time',
		],
		[
			'Appointment: Create, End Time in Additional Fields',
			{ ...create, additionalFields: { endTime: 'soon' } },
			'Additional Fields > End Time (endTime) "soon" is not a time',
		],
		[
			'Appointment: Update, End Time in Update Fields',
			{ ...update, updateFields: { endTime: 'soon' } },
			'Update Fields > End Time (endTime) "soon" is not a time',
		],
		[
			'Appointment: Create, Appointment Status in Additional Fields',
			{ ...create, additionalFields: { appointmentStatus: '={{ "booked" }}' } },
			'Additional Fields > Appointment Status (appointmentStatus) "booked" is not an allowed value',
		],
	])('%s', async (_case, parameters, message) => {
		const { error } = await runHighLevel(sandbox, parameters);
		expect(sandbox.requests).toHaveLength(0);
		expect(error?.message).toMatch(new RegExp(`^${message.replace(/[()>[\]]/g, '\\$&')}`));
		expect(error?.description).toBe('Nothing was sent to HighLevel for this item.');
	});
});
