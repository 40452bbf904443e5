/** Runs our nodes against a sandbox: the glue every engine test and the demo share. */
import { HighLevelCalendarApi } from '../../credentials/HighLevelCalendarApi.credentials';
import type { INodeParameters } from 'n8n-workflow';
import { HighLevelCalendar } from '../../nodes/HighLevelCalendar/HighLevelCalendar.node';
import { HighLevelCalendarTrigger } from '../../nodes/HighLevelCalendarTrigger/HighLevelCalendarTrigger.node';
import type { Sandbox } from '../sandbox';
import { SANDBOX_LOCATION_ID, SANDBOX_TOKEN } from '../sandbox';
import { runNode, type RunNodeOptions } from './harness';
import { startPoller, type Poller } from './poller';

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

/** The trigger, polled as n8n polls it, against a sandbox (see poller.ts). */
export function startHighLevelPoller(sandbox: Sandbox, parameters: INodeParameters): Poller {
	return startPoller({
		nodeType: new HighLevelCalendarTrigger(),
		credentialType: new HighLevelCalendarApi(),
		credentials: sandboxCredentials(sandbox),
		parameters,
	});
}
