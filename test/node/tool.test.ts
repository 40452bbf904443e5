// The node as an AI agent's tool: n8n-core wraps its tool variant and runs it with the model's input.
import { TOOL_DESCRIPTION } from '../../nodes/HighLevelCalendar/HighLevelCalendar.node';
import { runHighLevelAsTool } from '../engine/highLevel';
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
			'startTime "2031-03-03T09:00:00" has no UTC offset. Send the time with its UTC offset, such as 2026-12-07T15:00:00-05:00',
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

	it("Set Manually: starts from the tool variant's description, which says what the tools need", async () => {
		const { calls } = await runHighLevelAsTool(sandbox, { ...BOOK, descriptionType: 'manual' }, [
			ARGS,
		]);
		expect(calls[0].toolDescription).toBe(TOOL_DESCRIPTION);
		expect(TOOL_DESCRIPTION).toContain('calendar IDs (calendarId) from Calendar: Get Many');
		expect(TOOL_DESCRIPTION).toContain('2026-12-07T15:00:00-05:00');
	});
});
