/**
 * Duplicate Check (hooks/duplicateCheck.ts): a re-run, or n8n's Retry On Fail, outputs what the
 * earlier run booked instead of booking it again.
 */
import { runHighLevel } from './harness/highLevel';
import { SANDBOX_CALENDAR_ID, SANDBOX_CONTACT_ID, SANDBOX_USER_ID } from '../sandbox';
import { byId, sandbox, useSandbox } from './testing';

useSandbox();

function create(duplicateCheck: boolean, extra: Record<string, unknown> = {}) {
	return {
		resource: 'appointment',
		operation: 'create',
		calendarId: byId(SANDBOX_CALENDAR_ID),
		contactId: '={{ $json.contact }}',
		startTime: '={{ $json.start }}',
		additionalFields: { title: '={{ $json.title }}', ignoreFreeSlotValidation: true },
		options: { duplicateCheck },
		...extra,
	};
}

const booking = (title: string, start: string, contact = SANDBOX_CONTACT_ID) => ({
	title,
	start,
	contact,
});
const DAY_1 = [
	booking('a', '2031-09-01T09:00:00Z'),
	booking('b', '2031-09-01T10:00:00Z'),
	booking('c', '2031-09-01T11:00:00Z'),
];
const trail = () => sandbox.requests.map((request) => `${request.method} ${request.path}`);
const titled = (prefix: string[]) =>
	[...sandbox.store.appointments.values()].filter((appointment) =>
		prefix.includes(appointment.title),
	);

describe('Duplicate Check on Appointment Create', () => {
	it('a re-run books nothing again and outputs what exists, marked alreadyExisted', async () => {
		const first = await runHighLevel(sandbox, create(true), { items: DAY_1 });
		expect(first.error).toBeUndefined();
		// One look-up for the calendar and day, shared by the three items, then the three creates.
		expect(trail()).toEqual([
			'GET /calendars/events',
			...Array(3).fill('POST /calendars/events/appointments'),
		]);
		expect(sandbox.requests[0].query).toMatchObject({
			calendarId: SANDBOX_CALENDAR_ID,
			startTime: String(Date.UTC(2031, 8, 1)),
			endTime: String(Date.UTC(2031, 8, 2)),
		});
		expect(first.items.map((item) => item.json.alreadyExisted)).toEqual([
			undefined,
			undefined,
			undefined,
		]);
		sandbox.requests.length = 0;

		const again = await runHighLevel(sandbox, create(true), { items: DAY_1 });
		expect(again.error).toBeUndefined();
		expect(trail()).toEqual(['GET /calendars/events']);
		expect(again.items.map((item) => [item.json.id, item.json.alreadyExisted])).toEqual(
			first.items.map((item) => [item.json.id, true]),
		);
		expect(titled(['a', 'b', 'c'])).toHaveLength(3);
	});

	it('books only what is missing after a run that stopped half way', async () => {
		await runHighLevel(sandbox, create(false), { items: DAY_1.slice(0, 2) });
		sandbox.requests.length = 0;
		const rerun = await runHighLevel(sandbox, create(true), { items: DAY_1 });
		expect(trail()).toEqual(['GET /calendars/events', 'POST /calendars/events/appointments']);
		expect(rerun.items.map((item) => [item.json.title, item.json.alreadyExisted ?? false])).toEqual(
			[
				['a', true],
				['b', true],
				['c', false],
			],
		);
		expect(titled(['a', 'b', 'c'])).toHaveLength(3);
	});

	it('another contact at the same time, or a cancelled booking, is not a duplicate', async () => {
		await runHighLevel(sandbox, create(false), { items: [booking('a', '2031-09-01T09:00:00Z')] });
		const [cancelled] = titled(['a']);
		cancelled.appointmentStatus = 'cancelled';
		await runHighLevel(sandbox, create(false), {
			items: [booking('other', '2031-09-01T10:00:00Z', 'con_sandbox_002')],
		});
		sandbox.requests.length = 0;
		const { items } = await runHighLevel(sandbox, create(true), {
			items: [booking('a', '2031-09-01T09:00:00Z'), booking('mine', '2031-09-01T10:00:00Z')],
		});
		expect(trail()).toEqual([
			'GET /calendars/events',
			'POST /calendars/events/appointments',
			'POST /calendars/events/appointments',
		]);
		expect(items.every((item) => item.json.alreadyExisted === undefined)).toBe(true);
	});

	it('looks each calendar and day up once per run', async () => {
		const items = [
			...DAY_1,
			booking('d', '2031-09-02T09:00:00Z'),
			booking('e', '2031-09-02T23:30:00Z'),
		];
		await runHighLevel(sandbox, create(true), { items });
		expect(trail().filter((line) => line.startsWith('GET'))).toEqual([
			'GET /calendars/events',
			'GET /calendars/events',
		]);
	});

	it('is off by default: a re-run without it books again', async () => {
		await runHighLevel(sandbox, create(false), { items: DAY_1 });
		await runHighLevel(sandbox, { ...create(false), options: {} }, { items: DAY_1 });
		expect(titled(['a', 'b', 'c'])).toHaveLength(6);
	});

	it('simplifies what it found when Simplify is on', async () => {
		await runHighLevel(sandbox, create(false), { items: DAY_1.slice(0, 1) });
		const { items } = await runHighLevel(sandbox, create(true, { simplify: true }), {
			items: DAY_1.slice(0, 1),
		});
		expect(items[0].json).toMatchObject({
			title: 'a',
			calendarId: SANDBOX_CALENDAR_ID,
			alreadyExisted: true,
		});
		// HighLevel's list entry carries locationId and users; Simplify keeps only its ten fields.
		expect(sandbox.requests[sandbox.requests.length - 1].response).toMatchObject({
			events: [expect.objectContaining({ locationId: expect.any(String) })],
		});
		expect(items[0].json).not.toHaveProperty('locationId');
	});
});

describe('Duplicate Check on Block Slot Create', () => {
	const block = (duplicateCheck: boolean) => ({
		resource: 'blockSlot',
		operation: 'create',
		target: 'user',
		assignedUserId: byId(SANDBOX_USER_ID),
		startTime: '2031-12-24T00:00:00Z',
		endTime: '2031-12-25T00:00:00Z',
		additionalFields: { title: 'Holiday' },
		options: { duplicateCheck },
	});

	it('a re-run outputs the existing block for the same user and start', async () => {
		const first = await runHighLevel(sandbox, block(true));
		expect(first.error).toBeUndefined();
		sandbox.requests.length = 0;
		const again = await runHighLevel(sandbox, block(true));
		expect(trail()).toEqual(['GET /calendars/blocked-slots']);
		expect(sandbox.requests[0].query).toMatchObject({ userId: SANDBOX_USER_ID });
		expect(again.items[0].json).toMatchObject({ id: first.items[0].json.id, alreadyExisted: true });
		expect(
			[...sandbox.store.blockSlots.values()].filter((slot) => slot.title === 'Holiday'),
		).toHaveLength(1);
	});
});
