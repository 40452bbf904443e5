import {
	SANDBOX_BLOCK_SLOT_ID,
	SANDBOX_CALENDAR_ID,
	SANDBOX_LOCATION_ID,
	SANDBOX_USER_ID,
} from '../sandbox';
import { runHighLevel } from './harness/highLevel';
import { sandbox, useSandbox } from './testing';

useSandbox();

describe('Block Slot: Update', () => {
	it('updates a calendar block and outputs the block slot HighLevel answers with 201', async () => {
		const { items, error } = await runHighLevel(sandbox, {
			resource: 'blockSlot',
			operation: 'update',
			eventId: SANDBOX_BLOCK_SLOT_ID,
			updateFields: {
				calendarId: SANDBOX_CALENDAR_ID,
				title: 'Team lunch',
				startTime: '2030-01-14T12:30:00+01:00',
				endTime: '2030-01-14T13:30:00+01:00',
			},
		});
		expect(error).toBeUndefined();
		expect(sandbox.requests).toHaveLength(1);
		const [request] = sandbox.requests;
		expect(request.method).toBe('PUT');
		expect(request.path).toBe(`/calendars/events/block-slots/${SANDBOX_BLOCK_SLOT_ID}`);
		expect(request.headers.version).toBe('v3');
		expect(request.status).toBe(201);
		expect(request.body).toEqual({
			calendarId: SANDBOX_CALENDAR_ID,
			locationId: SANDBOX_LOCATION_ID,
			title: 'Team lunch',
			startTime: '2030-01-14T12:30:00+01:00',
			endTime: '2030-01-14T13:30:00+01:00',
		});
		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual(request.response);
		expect(items[0].json).toMatchObject({
			id: SANDBOX_BLOCK_SLOT_ID,
			title: 'Team lunch',
			calendarId: SANDBOX_CALENDAR_ID,
		});
	});

	it('retargets the block to a user, with a date-picker time read in the Time Zone option', async () => {
		const { items } = await runHighLevel(sandbox, {
			resource: 'blockSlot',
			operation: 'update',
			eventId: SANDBOX_BLOCK_SLOT_ID,
			updateFields: {
				assignedUserId: SANDBOX_USER_ID,
				startTime: '2030-07-04T00:00:00',
				endTime: '2030-07-05T00:00:00',
			},
			options: { timeZone: 'America/Los_Angeles' },
		});
		expect(sandbox.requests[0].body).toEqual({
			assignedUserId: SANDBOX_USER_ID,
			locationId: SANDBOX_LOCATION_ID,
			startTime: '2030-07-04T00:00:00-07:00',
			endTime: '2030-07-05T00:00:00-07:00',
		});
		expect(items[0].json).toMatchObject({ assignedUserId: SANDBOX_USER_ID });
		expect(items[0].json.calendarId).toBeUndefined();
		expect(sandbox.store.blockSlots.get(SANDBOX_BLOCK_SLOT_ID)).toMatchObject({
			assignedUserId: SANDBOX_USER_ID,
		});
	});

	it('names the block slot id HighLevel does not know', async () => {
		const { error } = await runHighLevel(sandbox, {
			resource: 'blockSlot',
			operation: 'update',
			eventId: 'blk_missing',
			updateFields: { calendarId: SANDBOX_CALENDAR_ID, title: 'x' },
		});
		expect(sandbox.requests[0].status).toBe(404);
		expect(error?.message).toBe('HighLevel found no block slot with eventId "blk_missing" (404)');
	});
});
