import { isSameBooking } from '../../../../nodes/HighLevelCalendar/hooks/duplicateCheck';

describe('isSameBooking', () => {
	const body = { calendarId: 'cal1', contactId: 'con1', startTime: '2031-09-01T11:00:00+02:00' };

	it('matches an appointment on the same calendar, for the same contact, at the same instant in any offset', () => {
		expect(
			isSameBooking(
				'appointment',
				{ calendarId: 'cal1', contactId: 'con1', startTime: '2031-09-01T09:00:00+00:00' },
				body,
			),
		).toBe(true);
	});

	it.each([
		['another calendar', { calendarId: 'cal2' }],
		['another contact', { contactId: 'con2' }],
		['another start', { startTime: '2031-09-01T09:30:00+00:00' }],
		['a cancelled booking', { appointmentStatus: 'cancelled' }],
	])('does not match %s', (_, change) => {
		const event = {
			calendarId: 'cal1',
			contactId: 'con1',
			startTime: '2031-09-01T09:00:00Z',
			...change,
		};
		expect(isSameBooking('appointment', event, body)).toBe(false);
	});

	it('matches a block by its calendar or its user, and its start', () => {
		const start = '2031-12-24T00:00:00Z';
		expect(
			isSameBooking(
				'blockSlot',
				{ calendarId: 'cal1', startTime: start },
				{ calendarId: 'cal1', startTime: start },
			),
		).toBe(true);
		expect(
			isSameBooking(
				'blockSlot',
				{ assignedUserId: 'u1', startTime: start },
				{ assignedUserId: 'u1', startTime: start },
			),
		).toBe(true);
		expect(
			isSameBooking(
				'blockSlot',
				{ calendarId: 'cal1', startTime: start },
				{ assignedUserId: 'u1', startTime: start },
			),
		).toBe(false);
	});
});
