import {
	claimDelivery,
	MAX_REMEMBERED,
	processStateOf,
	recallAndRemember,
	stateOf,
} from '../../../nodes/HighLevelCalendarInstantTrigger/memory';

const T0 = Date.parse('2031-05-05T12:00:00Z');
const appointment = (id: string, status = 'new') => ({
	id,
	appointmentStatus: status,
	startTime: '2031-05-06T10:00:00Z',
	endTime: '2031-05-06T10:30:00Z',
	dateUpdated: '2031-05-05T11:00:00Z',
});

describe('stateOf', () => {
	it('creates the state inside static data once and returns the same object after', () => {
		const staticData = {};
		const state = stateOf(staticData);
		state.deliveries.w1 = T0;
		expect(stateOf(staticData).deliveries).toEqual({ w1: T0 });
		expect(staticData).toEqual({ instant: { deliveries: { w1: T0 }, appointments: {} } });
	});
});

describe('claimDelivery', () => {
	it('accepts an id once', () => {
		const state = stateOf({});
		expect(claimDelivery(state, 'w1', T0, 600_000)).toBe(true);
		expect(claimDelivery(state, 'w1', T0 + 1_000, 600_000)).toBe(false);
		expect(claimDelivery(state, 'w2', T0 + 1_000, 600_000)).toBe(true);
	});

	it('forgets ids older than the time kept, oldest first', () => {
		const state = stateOf({});
		claimDelivery(state, 'w1', T0, 600_000);
		claimDelivery(state, 'w2', T0 + 300_000, 600_000);
		claimDelivery(state, 'w3', T0 + 700_000, 600_000);
		expect(Object.keys(state.deliveries)).toEqual(['w2', 'w3']);
	});
});

describe('recallAndRemember', () => {
	it('gives what was remembered before and remembers the new state', () => {
		const state = stateOf({});
		expect(recallAndRemember(state, appointment('a1'), false)).toBeUndefined();
		const before = recallAndRemember(state, appointment('a1', 'confirmed'), false);
		expect(before?.[1]).toBe('new');
		expect(state.appointments.a1[1]).toBe('confirmed');
	});

	it('forgets a deleted appointment', () => {
		const state = stateOf({});
		recallAndRemember(state, appointment('a1'), false);
		expect(recallAndRemember(state, appointment('a1'), true)?.[1]).toBe('new');
		expect(state.appointments).toEqual({});
	});

	it(`keeps at most ${MAX_REMEMBERED}, forgetting the least recently heard of`, () => {
		const state = stateOf({});
		for (let i = 0; i <= MAX_REMEMBERED; i++) recallAndRemember(state, appointment(`a${i}`), false);
		recallAndRemember(state, appointment('a1'), false);
		recallAndRemember(state, appointment('extra'), false);
		const ids = Object.keys(state.appointments);
		expect(ids).toHaveLength(MAX_REMEMBERED);
		expect(ids).not.toContain('a0');
		expect(ids).not.toContain('a2');
		expect(ids.slice(-2)).toEqual(['a1', 'extra']);
	});
});

describe('processStateOf', () => {
	it('is one state per trigger for the life of the process', () => {
		const first = processStateOf('wf1:n1');
		expect(claimDelivery(first, 'w1', T0, 600_000)).toBe(true);
		expect(claimDelivery(processStateOf('wf1:n1'), 'w1', T0 + 1, 600_000)).toBe(false);
		expect(claimDelivery(processStateOf('wf2:n1'), 'w1', T0 + 1, 600_000)).toBe(true);
	});
});
