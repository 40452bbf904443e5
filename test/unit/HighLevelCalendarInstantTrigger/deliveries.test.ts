import {
	readAppDelivery,
	readWorkflowDelivery,
} from '../../../nodes/HighLevelCalendarInstantTrigger/deliveries';

const appBody = (fields: Record<string, unknown> = {}) => ({
	type: 'AppointmentCreate',
	locationId: 'loc1',
	appointment: { id: 'a1', calendarId: 'cal1', appointmentStatus: 'new' },
	timestamp: '2031-05-05T12:00:00.000Z',
	webhookId: 'w1',
	...fields,
});

describe('readAppDelivery', () => {
	it.each([
		['AppointmentCreate', 'create'],
		['AppointmentUpdate', 'update'],
		['AppointmentDelete', 'delete'],
	])('reads %s as %s, with the location in the appointment', (type, kind) => {
		expect(readAppDelivery(appBody({ type }))).toEqual({
			deliveryId: 'w1',
			timestampMs: Date.parse('2031-05-05T12:00:00.000Z'),
			delivery: {
				kind,
				appointment: { id: 'a1', calendarId: 'cal1', appointmentStatus: 'new', locationId: 'loc1' },
			},
		});
	});

	it.each([
		['another event type', appBody({ type: 'ContactCreate' })],
		['no appointment', appBody({ appointment: undefined })],
		['no webhookId', appBody({ webhookId: undefined })],
		['no timestamp', appBody({ timestamp: 'yesterday' })],
		['not an object', [appBody()]],
	])('ignores a body with %s', (_, body) => {
		expect(readAppDelivery(body)).toHaveProperty('ignored');
	});
});

describe('readWorkflowDelivery', () => {
	const workflowBody = {
		contact_id: 'c1',
		first_name: 'Ada',
		location: { id: 'loc1', name: 'Clinic' },
		calendar: {
			id: 'cal1',
			appointmentId: 'a1',
			title: 'Consultation',
			startTime: '2031-05-06T10:00:00',
			endTime: '2031-05-06T10:30:00',
			status: 'booked',
			appoinmentStatus: 'confirmed',
			calendarName: 'Main',
			selectedTimezone: 'Europe/Berlin',
		},
	};

	it("reads the Webhook action's calendar block under the app's names", () => {
		const raw = Buffer.from(JSON.stringify(workflowBody));
		const read = readWorkflowDelivery(workflowBody, raw);
		expect(read).toMatchObject({
			delivery: {
				kind: undefined,
				appointment: {
					id: 'a1',
					calendarId: 'cal1',
					contactId: 'c1',
					locationId: 'loc1',
					appointmentStatus: 'confirmed',
					startTime: '2031-05-06T10:00:00',
					webhookBody: workflowBody,
				},
			},
		});
	});

	it('names the event from Custom Data when the action sets one', () => {
		const body = { ...workflowBody, customData: { event: 'Appointment Deleted' } };
		const read = readWorkflowDelivery(body, Buffer.from(JSON.stringify(body)));
		expect(read).toMatchObject({ delivery: { kind: 'delete' } });
	});

	it("reads a Custom Webhook action that posts the app's shape", () => {
		const body = appBody({ type: 'AppointmentUpdate' });
		const read = readWorkflowDelivery(body, Buffer.from(JSON.stringify(body)));
		expect(read).toMatchObject({
			delivery: { kind: 'update', appointment: { id: 'a1', locationId: 'loc1' } },
		});
	});

	it('identifies a delivery by the digest of its exact bytes', () => {
		const one = readWorkflowDelivery(workflowBody, Buffer.from(JSON.stringify(workflowBody)));
		const same = readWorkflowDelivery(workflowBody, Buffer.from(JSON.stringify(workflowBody)));
		const other = readWorkflowDelivery(
			workflowBody,
			Buffer.from(JSON.stringify(workflowBody, null, 1)),
		);
		expect('deliveryId' in one && 'deliveryId' in same && one.deliveryId === same.deliveryId).toBe(
			true,
		);
		expect(
			'deliveryId' in other && 'deliveryId' in one && other.deliveryId !== one.deliveryId,
		).toBe(true);
	});

	it('ignores a body without an appointment', () => {
		expect(readWorkflowDelivery({ contact_id: 'c1' }, Buffer.from('{}'))).toHaveProperty('ignored');
	});
});
