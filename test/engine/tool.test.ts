// The node as an AI agent's tool: n8n-core wraps its tool variant and runs it with the model's input.
import { NODE_DESCRIPTION } from '../../nodes/HighLevelCalendar/HighLevelCalendar.node';
import {
	SIMPLIFIED_CALENDAR_FIELDS,
	TOOL_LIST_LIMIT,
} from '../../nodes/HighLevelCalendar/helpers/simplify';
import { runHighLevelAsTool } from './harness/highLevel';
import { SANDBOX_CALENDAR_ID, SANDBOX_CONTACT_ID, SANDBOX_LOCATION_ID } from '../sandbox';
import { sandbox, useSandbox } from './testing';

useSandbox();

const fromAI = (key: string) => `={{ $fromAI('${key}') }}`;

const BOOK = {
	resource: 'appointment',
	operation: 'create',
	calendarId: { __rl: true, mode: 'id', value: fromAI('calendarId') },
	contactId: { __rl: true, mode: 'id', value: fromAI('contactId') },
	startTime: fromAI('startTime'),
};

describe('Appointment: Create as a tool', () => {
	it('books with the times the model gave, and answers with the appointment', async () => {
		const { calls } = await runHighLevelAsTool(sandbox, BOOK, [
			{
				calendarId: SANDBOX_CALENDAR_ID,
				contactId: SANDBOX_CONTACT_ID,
				startTime: '2031-03-03T09:00:00-05:00',
			},
		]);
		expect(calls[0].error).toBeUndefined();
		expect(sandbox.requests.filter((request) => request.method === 'POST')[0].body).toEqual({
			calendarId: SANDBOX_CALENDAR_ID,
			contactId: SANDBOX_CONTACT_ID,
			locationId: SANDBOX_LOCATION_ID,
			startTime: '2031-03-03T09:00:00-05:00',
		});
		expect(calls[0].response).toEqual([
			expect.objectContaining({ calendarId: SANDBOX_CALENDAR_ID }),
		]);
	});

	it('refuses a start time without an offset before any request', async () => {
		const { calls } = await runHighLevelAsTool(sandbox, BOOK, [
			{
				calendarId: SANDBOX_CALENDAR_ID,
				contactId: SANDBOX_CONTACT_ID,
				startTime: '2031-03-03T09:00:00',
			},
		]);
		expect(calls[0].error).toContain(
			'Start Time (startTime) "2031-03-03T09:00:00" has no UTC offset. Send the time with its UTC offset, such as 2026-12-07T15:00:00-05:00',
		);
		expect(sandbox.requests).toEqual([]);
	});
});

describe('what the model is told', () => {
	const ARGS = {
		calendarId: SANDBOX_CALENDAR_ID,
		contactId: SANDBOX_CONTACT_ID,
		startTime: '2031-03-03T09:00:00-05:00',
	};

	it('Set Automatically: the action, in HighLevel Calendar', async () => {
		const { calls } = await runHighLevelAsTool(sandbox, BOOK, [ARGS]);
		expect(calls[0].toolDescription).toBe(
			'Book an appointment for a contact in HighLevel Calendar',
		);
	});

	it("Set Manually: starts from the node's description, which says what the tools need", async () => {
		const { calls } = await runHighLevelAsTool(sandbox, { ...BOOK, descriptionType: 'manual' }, [
			ARGS,
		]);
		expect(calls[0].toolDescription).toBe(NODE_DESCRIPTION);
		expect(NODE_DESCRIPTION).toContain('get calendar IDs from Calendar: Get Many');
		expect(NODE_DESCRIPTION).toContain('2026-12-07T15:00:00-05:00');
		expect(NODE_DESCRIPTION).toContain('Calendar: Get Free Slots');
		expect(NODE_DESCRIPTION).toContain('service IDs from Service: Get Many');
	});
});

describe('compact answers (Simplify, on for a tool unless the builder turns it off)', () => {
	const LIST_CALENDARS = { resource: 'calendar', operation: 'getAll' };

	it('Calendar: Get Many answers with the fields a model needs to pick a calendar', async () => {
		const { calls } = await runHighLevelAsTool(sandbox, LIST_CALENDARS, [{}]);
		expect(sandbox.requests[0]).toMatchObject({
			method: 'GET',
			path: '/calendars/',
			query: { locationId: SANDBOX_LOCATION_ID },
		});
		const calendars = calls[0].response as Array<Record<string, unknown>>;
		expect(calendars.map((calendar) => calendar.id)).toContain(SANDBOX_CALENDAR_ID);
		for (const calendar of calendars) {
			expect(
				Object.keys(calendar).every((key) => SIMPLIFIED_CALENDAR_FIELDS.includes(key as never)),
			).toBe(true);
		}
	});

	it('the builder can turn Simplify off: the whole calendars', async () => {
		const { calls } = await runHighLevelAsTool(sandbox, { ...LIST_CALENDARS, simplify: false }, [
			{},
		]);
		const calendars = calls[0].response as Array<Record<string, unknown>>;
		expect(calendars[0]).toHaveProperty('teamMembers');
	});

	it(`Get Free Slots: at most ${TOOL_LIST_LIMIT} slots, then how many more there are`, async () => {
		const { calls } = await runHighLevelAsTool(
			sandbox,
			{
				resource: 'calendar',
				operation: 'getFreeSlots',
				calendarId: { __rl: true, mode: 'id', value: SANDBOX_CALENDAR_ID },
				startDate: fromAI('startDate'),
				endDate: fromAI('endDate'),
			},
			[{ startDate: '2030-01-14T00:00:00+01:00', endDate: '2030-01-19T00:00:00+01:00' }],
			{ timezone: 'Europe/Berlin' },
		);
		expect(calls[0].error).toBeUndefined();
		expect(sandbox.requests[0]).toMatchObject({
			path: `/calendars/${SANDBOX_CALENDAR_ID}/free-slots`,
			query: {
				startDate: String(Date.parse('2030-01-14T00:00:00+01:00')),
				endDate: String(Date.parse('2030-01-19T00:00:00+01:00')),
				timezone: 'Europe/Berlin',
			},
		});
		const answer = calls[0].response as Array<Record<string, unknown>>;
		expect(answer).toHaveLength(TOOL_LIST_LIMIT + 1);
		expect(answer[0]).toEqual({
			date: '2030-01-14',
			start: expect.any(String),
			end: expect.any(String),
		});
		const last = answer[TOOL_LIST_LIMIT];
		expect(last.moreItems).toBeGreaterThan(0);
		expect(last.note).toBe(
			`Only the first ${TOOL_LIST_LIMIT} of ${TOOL_LIST_LIMIT + (last.moreItems as number)} are listed; ${last.moreItems as number} more were left out. To see them, ask again with a shorter startDate to endDate window.`,
		);
	});
});

describe('errors the model can act on', () => {
	it('a taken slot: the model is told to pick another startTime from Get Free Slots', async () => {
		const args = {
			calendarId: SANDBOX_CALENDAR_ID,
			contactId: SANDBOX_CONTACT_ID,
			startTime: '2031-03-03T09:00:00-05:00',
		};
		const { calls } = await runHighLevelAsTool(sandbox, BOOK, [args, args]);
		expect(calls[0].error).toBeUndefined();
		expect(sandbox.requests.map((request) => [request.method, request.status])).toEqual([
			['POST', 200],
			['POST', 400],
		]);
		// n8n gives the model the message and, after "Details:", the description.
		expect(calls[1].error).toContain(
			'HighLevel rejected the request (400): The slot you have selected is no longer available.',
		);
		expect(calls[1].error).toContain(
			'Details: The time is already taken on this calendar: the same startTime will fail again. Pick another startTime from the open ones that Calendar: Get Free Slots lists and retry',
		);
	});
});

describe('Service Booking: Create as a tool', () => {
	it('books a service with the ids and times the model gave', async () => {
		const { calls } = await runHighLevelAsTool(
			sandbox,
			{
				resource: 'serviceBooking',
				operation: 'create',
				contactId: { __rl: true, mode: 'id', value: fromAI('contactId') },
				startTime: fromAI('startTime'),
				endTime: fromAI('endTime'),
				services: { service: [{ id: fromAI('serviceId'), addOns: '' }] },
			},
			[
				{
					contactId: SANDBOX_CONTACT_ID,
					startTime: '2031-03-03T09:00:00-05:00',
					endTime: '2031-03-03T09:45:00-05:00',
					serviceId: 'svc_sandbox_001',
				},
			],
			{ timezone: 'America/New_York' },
		);
		expect(calls[0].error).toBeUndefined();
		expect(calls[0].toolDescription).toBe('Book a service for a contact in HighLevel Calendar');
		const [request] = sandbox.requests;
		expect(request).toMatchObject({ method: 'POST', path: '/calendars/services/bookings' });
		expect(request.body).toEqual({
			locationId: SANDBOX_LOCATION_ID,
			contactId: SANDBOX_CONTACT_ID,
			startTime: '2031-03-03T09:00:00-05:00',
			endTime: '2031-03-03T09:45:00-05:00',
			timezone: 'America/New_York',
			services: [{ id: 'svc_sandbox_001', position: 0 }],
		});
		// Simplify is on for a tool: the booking's essentials.
		expect(calls[0].response).toEqual([
			expect.objectContaining({ contactId: SANDBOX_CONTACT_ID, status: 'confirmed' }),
		]);
		expect(Object.keys((calls[0].response as object[])[0])).not.toContain('createdBy');
	});
});
