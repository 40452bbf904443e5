// What the end-to-end run seeds in the sandbox and expects back. Shared by sandbox-server.ts and
// run-e2e.ts. Times are America/New_York (the sandbox location's zone), offset -05:00 in January.
export const E2E_FIXTURE = {
	/**
	 * The e2e's "today" for the no-show sweep: the example's $today is replaced by this day's midnight
	 * (America/New_York, the workflow's time zone), so its window arithmetic runs but the clock does not
	 * matter. The sweep looks at the day before, sweepDay (away from 2030-01-14, where the store's
	 * confirmed apt_sandbox_001 sits, which the re-run scenario needs as it is).
	 */
	sweepToday: '2030-01-22',
	sweepDay: '2030-01-21',
	/** The window the example's "Yesterday" node must compute from sweepToday. */
	sweepWindow: {
		windowStart: '2030-01-21T00:00:00-05:00',
		windowEnd: '2030-01-22T00:00:00-05:00',
	},
	/** On the swept calendar; `day` is sweepDay unless given. */
	sweepAppointments: [
		{
			id: 'apt_e2e_yesterday_new_1',
			start: '08:00:00',
			end: '08:30:00',
			appointmentStatus: 'new' as const,
		},
		{
			id: 'apt_e2e_yesterday_new_2',
			start: '11:00:00',
			end: '11:45:00',
			appointmentStatus: 'new' as const,
		},
		{
			id: 'apt_e2e_yesterday_confirmed',
			start: '23:15:00',
			end: '23:45:00',
			appointmentStatus: 'confirmed' as const,
		},
		{
			id: 'apt_e2e_yesterday_cancelled',
			start: '09:00:00',
			end: '09:30:00',
			appointmentStatus: 'cancelled' as const,
		},
		{
			id: 'apt_e2e_yesterday_showed',
			start: '09:30:00',
			end: '10:00:00',
			appointmentStatus: 'showed' as const,
		},
		{
			id: 'apt_e2e_today_new',
			day: '2030-01-22',
			start: '09:00:00',
			end: '09:30:00',
			appointmentStatus: 'new' as const,
		},
		{
			id: 'apt_e2e_day_before_confirmed',
			day: '2030-01-20',
			start: '15:00:00',
			end: '15:30:00',
			appointmentStatus: 'confirmed' as const,
		},
	],
	/** Yesterday's New and Confirmed ones on the swept calendar: these become noshow. */
	expectedNoShows: [
		'apt_e2e_yesterday_new_1',
		'apt_e2e_yesterday_new_2',
		'apt_e2e_yesterday_confirmed',
	],
	/** The block slots the holiday example moves (ids as in examples/holiday-block.json). */
	holidayBlockSlots: ['blk_holiday_christmas', 'blk_holiday_boxing_day', 'blk_holiday_new_year'],
};
