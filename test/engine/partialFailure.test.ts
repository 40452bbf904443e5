/**
 * One item fails while others of the same run already created something. n8n then shows only the
 * failing item's error and outputs nothing, so the error must say what was created, that running
 * the node again creates it again, and what returns each item's own result.
 */
import { runHighLevel } from './harness/highLevel';
import { SANDBOX_CALENDAR_ID, SANDBOX_CONTACT_ID } from '../sandbox';
import { sandbox, useSandbox } from './testing';

useSandbox();

const TAKEN = '2031-05-05T10:00:00Z';

const create = {
	resource: 'appointment',
	operation: 'create',
	calendarId: { __rl: true, mode: 'id', value: SANDBOX_CALENDAR_ID },
	contactId: { __rl: true, mode: 'id', value: SANDBOX_CONTACT_ID },
	startTime: '={{ $json.start }}',
	additionalFields: { title: '={{ $json.title }}', endTime: '={{ $json.end }}' },
};

async function occupy(start: string) {
	const { error } = await runHighLevel(sandbox, create, {
		items: [
			{ title: 'already there', start, end: new Date(Date.parse(start) + 1_800_000).toISOString() },
		],
	});
	expect(error).toBeUndefined();
	sandbox.resetStats();
}

const item = (title: string, start: string, minutes = 30) => ({
	title,
	start,
	end: new Date(Date.parse(start) + minutes * 60_000).toISOString(),
});
const createdIds = (titles: string[]) =>
	[...sandbox.store.appointments.values()]
		.filter((appointment) => titles.includes(appointment.title))
		.map((appointment) => appointment.id);

describe('a run whose item fails after others were created', () => {
	it('names what was created, warns that running again books it twice, and explains the taken slot', async () => {
		await occupy(TAKEN);
		const { error, items } = await runHighLevel(sandbox, create, {
			items: [
				item('first', '2031-05-05T08:00:00Z'),
				item('taken', TAKEN),
				item('third', '2031-05-05T12:00:00Z'),
			],
		});
		expect(items).toEqual([]);
		expect(sandbox.requests.map((request) => request.status).sort()).toEqual([200, 200, 400]);
		expect(error?.message).toBe(
			'HighLevel rejected the request (400): The slot you have selected is no longer available.',
		);
		const [first, third] = createdIds(['first', 'third']);
		expect(error?.description).toContain(
			'The time is already taken on this calendar: the same startTime will fail again. Pick another startTime from the open ones that Calendar: Get Free Slots lists and retry',
		);
		expect(error?.description).toContain('Other items of this run were created in HighLevel: 2 (');
		expect(error?.description).toContain(first);
		expect(error?.description).toContain(third);
		expect(error?.description).toContain('Running the node again creates them again');
		expect(error?.description).toContain(
			'"Continue On Fail" (or the error output) each item returns its own result',
		);
		expect(error?.description).not.toMatch(/run the node again/);
	});

	it('says so for an item refused before sending too, and that nothing was sent for it', async () => {
		const { error } = await runHighLevel(sandbox, create, {
			items: [
				item('first', '2031-06-01T08:00:00Z'),
				item('backwards', '2031-06-01T10:00:00Z', -30),
			],
		});
		expect(sandbox.requests).toHaveLength(1);
		expect(error?.message).toMatch(
			/^Additional Fields > End Time \(endTime\) .* is not after Start Time \(startTime\)\. Set an End Time after Start Time/,
		);
		expect(error?.description).toMatch(
			/^Nothing was sent to HighLevel for this item\. Other items of this run were created in HighLevel: 1 \(/,
		);
		expect(error?.description).toContain(createdIds(['first'])[0]);
	});

	it('with Duplicate Check on, says that running again books only what is missing', async () => {
		await occupy(TAKEN);
		// Another contact's booking holds the taken time, so Duplicate Check does not take it for this one.
		const { error } = await runHighLevel(
			sandbox,
			{
				...create,
				contactId: { __rl: true, mode: 'id', value: 'con_sandbox_002' },
				options: { duplicateCheck: true },
			},
			{
				items: [item('first', '2031-08-01T08:00:00Z'), item('taken', TAKEN)],
			},
		);
		expect(error?.description).toContain('Other items of this run were created in HighLevel: 1 (');
		expect(error?.description).toContain(
			'Duplicate Check is on: running the node again outputs them instead of booking them again.',
		);
	});

	it('adds nothing when no other item created anything', async () => {
		await occupy(TAKEN);
		const { error } = await runHighLevel(sandbox, create, { items: [item('taken', TAKEN)] });
		expect(error?.description).not.toContain('Other items');
	});

	it('adds nothing with Continue On Fail: each item has its own result', async () => {
		await occupy(TAKEN);
		const { items } = await runHighLevel(sandbox, create, {
			items: [item('first', '2031-07-01T08:00:00Z'), item('taken', TAKEN)],
			continueOnFail: true,
		});
		expect(items[0].json).toMatchObject({ title: 'first' });
		expect(items[1].error?.message).toMatch(/no longer available/);
		expect(items[1].error?.description).not.toContain('Other items');
	});
});
