// What the end-to-end run seeds in the sandbox and expects back. Shared by sandbox-server.ts and
// run-e2e.ts. Times are America/New_York (the sandbox location's zone), offset -05:00 in January.
export const E2E_FIXTURE = {
	/** The day the no-show sweep looks at in the e2e run (the example itself uses $today). */
	sweepDay: '2030-01-14',
	/** Replaces the example's "Sweep window" values, so the run does not depend on the clock. */
	sweepWindow: {
		windowStart: '2030-01-14T00:00:00-05:00',
		windowEnd: '2030-01-15T00:00:00-05:00',
		cutoff: '2030-01-14T13:00:00-05:00',
	},
	sweepAppointments: [
		{
			id: 'apt_e2e_past_new_1',
			start: '08:00:00',
			end: '08:30:00',
			appointmentStatus: 'new' as const,
		},
		{
			id: 'apt_e2e_past_new_2',
			start: '11:00:00',
			end: '11:45:00',
			appointmentStatus: 'new' as const,
		},
		{
			id: 'apt_e2e_past_cancelled',
			start: '09:00:00',
			end: '09:30:00',
			appointmentStatus: 'cancelled' as const,
		},
		{
			id: 'apt_e2e_past_showed',
			start: '09:30:00',
			end: '10:00:00',
			appointmentStatus: 'showed' as const,
		},
		{
			id: 'apt_e2e_later_new',
			start: '16:00:00',
			end: '16:30:00',
			appointmentStatus: 'new' as const,
		},
	],
	/** Past, unconfirmed ('new'), in the window, on the swept calendar: these become noshow. */
	expectedNoShows: ['apt_e2e_past_new_1', 'apt_e2e_past_new_2'],
	/** The block slots the holiday example moves (ids as in examples/holiday-block.json). */
	holidayBlockSlots: ['blk_holiday_christmas', 'blk_holiday_boxing_day', 'blk_holiday_new_year'],
};
