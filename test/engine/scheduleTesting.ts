// What the two Availability Schedule engine test files share: their sandbox, with a read-only
// token and one without the calendars scopes, and the small readers their assertions use.
import { sandboxCredentials } from './harness/highLevel';
import { ALL_SCOPES, SANDBOX_LOCATION_ID, SANDBOX_TOKEN } from '../sandbox';
import { sandbox, useSandbox } from './testing';

export const READ_ONLY_TOKEN = 'pit-schedules-read-only';
export const NO_CALENDAR_SCOPES_TOKEN = 'pit-schedules-none';
export const resource = 'availabilitySchedule';

/** Registers the file's sandbox (testing.ts's useSandbox) with the schedule tests' tokens. */
export function useScheduleSandbox(): void {
	useSandbox({
		tokens: {
			[SANDBOX_TOKEN]: { locationId: SANDBOX_LOCATION_ID, scopes: ALL_SCOPES },
			[READ_ONLY_TOKEN]: {
				locationId: SANDBOX_LOCATION_ID,
				scopes: ['calendars.readonly', 'users.readonly'],
			},
			[NO_CALENDAR_SCOPES_TOKEN]: {
				locationId: SANDBOX_LOCATION_ID,
				scopes: ['calendars/events.readonly', 'users.readonly'],
			},
		},
	});
}

/** runHighLevel's options for running with another of the sandbox's tokens. */
export const asToken = (accessToken: string) => ({
	credentials: sandboxCredentials(sandbox, { accessToken }),
});

/** The request the sandbox received, in the shape the assertions compare. */
export const sent = (index = 0) => {
	const { method, path, query, body } = sandbox.requests[index];
	return { method, path, query, body };
};
