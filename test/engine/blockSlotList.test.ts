// Block Slot: Create and Get Many, in n8n's engine against the sandbox.
import { runHighLevel } from './harness/highLevel';
import {
	SANDBOX_BLOCK_SLOT_ID,
	SANDBOX_CALENDAR_ID,
	SANDBOX_LOCATION_ID,
	SANDBOX_USER_ID,
} from '../sandbox';
import { DAY_END, DAY_START, byId, sandbox, useSandbox } from './testing';

useSandbox();

describe('Block Slot: Create and Get Many', () => {
	it('blocks a user, then lists the calendar blocks', async () => {
		const created = await runHighLevel(sandbox, {
			resource: 'blockSlot',
			operation: 'create',
			target: 'user',
			assignedUserId: byId(SANDBOX_USER_ID),
			startTime: '2030-12-24T00:00:00',
			endTime: '2030-12-27T00:00:00',
			additionalFields: { title: 'Christmas' },
			options: { timeZone: 'America/New_York' },
		});
		expect(created.error).toBeUndefined();
		expect(sandbox.requests[0]).toMatchObject({
			method: 'POST',
			path: '/calendars/events/block-slots',
			status: 201,
		});
		expect(sandbox.requests[0].body).toEqual({
			assignedUserId: SANDBOX_USER_ID,
			locationId: SANDBOX_LOCATION_ID,
			title: 'Christmas',
			startTime: '2030-12-24T00:00:00-05:00',
			endTime: '2030-12-27T00:00:00-05:00',
		});
		expect(created.items[0].json).toMatchObject({
			title: 'Christmas',
			assignedUserId: SANDBOX_USER_ID,
		});

		sandbox.requests.length = 0;
		const listed = await runHighLevel(sandbox, {
			resource: 'blockSlot',
			operation: 'getAll',
			filterBy: 'calendar',
			calendarId: byId(SANDBOX_CALENDAR_ID),
			startTime: DAY_START,
			endTime: DAY_END,
			returnAll: true,
		});
		expect(sandbox.requests[0]).toMatchObject({
			method: 'GET',
			path: '/calendars/blocked-slots',
			status: 200,
		});
		expect(listed.items.map((item) => item.json)).toEqual([
			{
				id: SANDBOX_BLOCK_SLOT_ID,
				title: 'Lunch',
				startTime: '2030-01-14T12:00:00+01:00',
				endTime: '2030-01-14T13:00:00+01:00',
				calendarId: SANDBOX_CALENDAR_ID,
			},
		]);
	});
});
