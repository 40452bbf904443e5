/** Runs our node against a sandbox: the glue every engine test and the demo share. */
import { HighLevelCalendarApi } from '../../credentials/HighLevelCalendarApi.credentials';
import { HighLevelCalendar } from '../../nodes/HighLevelCalendar/HighLevelCalendar.node';
import type { Sandbox } from '../sandbox';
import { SANDBOX_LOCATION_ID, SANDBOX_TOKEN } from '../sandbox';
import { runNode, type RunNodeOptions } from './harness';

export function sandboxCredentials(sandbox: Sandbox, overrides: Record<string, string> = {}) {
	return {
		accessToken: SANDBOX_TOKEN,
		locationId: SANDBOX_LOCATION_ID,
		baseUrl: `${sandbox.baseUrl}/`,
		...overrides,
	};
}

export async function runHighLevel(
	sandbox: Sandbox,
	parameters: RunNodeOptions['parameters'],
	options: Partial<Omit<RunNodeOptions, 'parameters'>> = {},
) {
	return await runNode({
		nodeType: new HighLevelCalendar(),
		credentialType: new HighLevelCalendarApi(),
		credentials: sandboxCredentials(sandbox),
		parameters,
		...options,
	});
}
