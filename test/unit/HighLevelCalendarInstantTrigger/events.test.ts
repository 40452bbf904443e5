import { snapshotOf, type Snapshot } from '../../../nodes/HighLevelCalendarTrigger/changes';
import {
	firedOf,
	type Delivery,
	type InstantRules,
} from '../../../nodes/HighLevelCalendarInstantTrigger/events';

const rules = (overrides: Partial<InstantRules> = {}): InstantRules => ({
	events: [
		'appointmentBooked',
		'appointmentUpdated',
		'appointmentRescheduled',
		'appointmentStatusChanged',
		'appointmentDeleted',
	],
	toStatuses: [],
	minutesBefore: 0,
	statuses: [],
	calendarIds: [],
	assignedUserIds: [],
	locationIds: [],
	...overrides,
});

const appointment = (fields: Record<string, unknown> = {}) => ({
	id: 'a1',
	calendarId: 'cal1',
	assignedUserId: 'usr1',
	locationId: 'loc1',
	appointmentStatus: 'new',
	startTime: '2031-05-06T10:00:00.000Z',
	endTime: '2031-05-06T10:30:00.000Z',
	dateUpdated: '2031-05-05T11:00:00.000Z',
	...fields,
});

const events = (delivery: Delivery, before?: Snapshot, r = rules()) =>
	firedOf(delivery, before, r).map((fired) => fired.event);

describe('firedOf: what HighLevel says happened', () => {
	it('a create is Booked', () => {
		expect(events({ kind: 'create', appointment: appointment() })).toEqual(['appointmentBooked']);
	});

	it('a delete is Deleted, with the remembered times and status as previous', () => {
		const before = snapshotOf(appointment({ appointmentStatus: 'confirmed' }));
		const [fired] = firedOf({ kind: 'delete', appointment: appointment() }, before, rules());
		expect(fired.event).toBe('appointmentDeleted');
		expect(fired.previous).toEqual({
			startTime: '2031-05-06T10:00:00.000Z',
			endTime: '2031-05-06T10:30:00.000Z',
			appointmentStatus: 'confirmed',
		});
	});

	it('an update of an appointment never heard of is Updated only, without previous', () => {
		const fired = firedOf({ kind: 'update', appointment: appointment() }, undefined, rules());
		expect(fired.map((f) => f.event)).toEqual(['appointmentUpdated']);
		expect(fired[0].previous).toBeUndefined();
	});

	it('an update that moved the times and changed the status fires all three, with previous', () => {
		const before = snapshotOf(appointment({ dateUpdated: '2031-05-05T10:00:00.000Z' }));
		const after = appointment({
			appointmentStatus: 'confirmed',
			startTime: '2031-05-06T11:00:00.000Z',
			endTime: '2031-05-06T11:30:00.000Z',
		});
		const fired = firedOf({ kind: 'update', appointment: after }, before, rules());
		expect(fired.map((f) => f.event)).toEqual([
			'appointmentUpdated',
			'appointmentRescheduled',
			'appointmentStatusChanged',
		]);
		expect(fired.every((f) => f.previous?.appointmentStatus === 'new')).toBe(true);
	});

	it('an update HighLevel reports with nothing remembered changed is still Updated', () => {
		const before = snapshotOf(appointment());
		expect(events({ kind: 'update', appointment: appointment() }, before)).toEqual([
			'appointmentUpdated',
		]);
	});

	it('To Statuses limits Status Changed to the new statuses chosen', () => {
		const before = snapshotOf(appointment({ dateUpdated: '2031-05-05T10:00:00.000Z' }));
		const after = appointment({ appointmentStatus: 'cancelled' });
		const only = rules({ events: ['appointmentStatusChanged'] });
		expect(events({ kind: 'update', appointment: after }, before, only)).toEqual([
			'appointmentStatusChanged',
		]);
		expect(
			events({ kind: 'update', appointment: after }, before, { ...only, toStatuses: ['showed'] }),
		).toEqual([]);
	});

	it('completed and active (Calendars API v3) fire To Statuses and pass the status filter', () => {
		const before = snapshotOf(appointment({ dateUpdated: '2031-05-05T10:00:00.000Z' }));
		const only = rules({
			events: ['appointmentStatusChanged'],
			toStatuses: ['completed', 'active'],
		});
		for (const appointmentStatus of ['completed', 'active']) {
			const after = appointment({ appointmentStatus });
			expect(events({ kind: 'update', appointment: after }, before, only)).toEqual([
				'appointmentStatusChanged',
			]);
			expect(
				events({ kind: 'update', appointment: after }, before, {
					...only,
					toStatuses: [],
					statuses: [appointmentStatus],
				}),
			).toEqual(['appointmentStatusChanged']);
		}
	});
});

describe('firedOf: a delivery that does not say what happened (workflow builder)', () => {
	it('is a booking when the appointment is new to the trigger, an update otherwise', () => {
		expect(events({ kind: undefined, appointment: appointment() })).toEqual(['appointmentBooked']);
		const before = snapshotOf(appointment({ dateUpdated: '2031-05-05T10:00:00.000Z' }));
		expect(
			events(
				{ kind: undefined, appointment: appointment({ appointmentStatus: 'showed' }) },
				before,
			),
		).toEqual(['appointmentUpdated', 'appointmentStatusChanged']);
	});
});

describe('firedOf: filters and events chosen', () => {
	it.each([
		['status', { statuses: ['confirmed'] }],
		['calendar', { calendarIds: ['cal2'] }],
		['assigned user', { assignedUserIds: ['usr2'] }],
		['location', { locationIds: ['loc2'] }],
	])('an appointment outside the %s filter fires nothing', (_, filter) => {
		expect(
			events({ kind: 'create', appointment: appointment() }, undefined, rules(filter)),
		).toEqual([]);
	});

	it('an appointment inside every filter fires', () => {
		const filters = {
			statuses: ['new'],
			calendarIds: ['cal2', 'cal1'],
			assignedUserIds: ['usr1'],
			locationIds: ['loc1'],
		};
		expect(
			events({ kind: 'create', appointment: appointment() }, undefined, rules(filters)),
		).toEqual(['appointmentBooked']);
	});

	it('an event not chosen does not fire', () => {
		const noBooked = rules({ events: ['appointmentUpdated'] });
		expect(events({ kind: 'create', appointment: appointment() }, undefined, noBooked)).toEqual([]);
		expect(events({ kind: 'delete', appointment: appointment() }, undefined, noBooked)).toEqual([]);
	});
});
