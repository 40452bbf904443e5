/** Runs our nodes against a sandbox: the glue every engine test and the demo share. */
import { HighLevelCalendarApi } from '../../../credentials/HighLevelCalendarApi.credentials';
import {
	HIGHLEVEL_CALENDAR_SCOPES,
	HighLevelCalendarOAuth2Api,
} from '../../../credentials/HighLevelCalendarOAuth2Api.credentials';
import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';
import { HighLevelCalendar } from '../../../nodes/HighLevelCalendar/HighLevelCalendar.node';
import { HighLevelCalendarTrigger } from '../../../nodes/HighLevelCalendarTrigger/HighLevelCalendarTrigger.node';
import type { Sandbox } from '../../sandbox';
import {
	SANDBOX_CLIENT_ID,
	SANDBOX_CLIENT_SECRET,
	SANDBOX_LOCATION_ID,
	SANDBOX_TOKEN,
} from '../../sandbox';
import { runNode, type RunNodeOptions } from './harness';
import { runAsTool } from './tool';
import { startPoller, type Poller } from './poller';
import { startWebhookServer, type WebhookServer } from './webhookServer';
import { HighLevelCalendarInstantTrigger } from '../../../nodes/HighLevelCalendarInstantTrigger/HighLevelCalendarInstantTrigger.node';

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

/** The instant trigger behind a real HTTP server, as n8n serves its webhook (webhookServer.ts). */
export async function startInstantTrigger(
	sandbox: Sandbox,
	parameters: INodeParameters,
): Promise<WebhookServer> {
	return await startWebhookServer({
		nodeType: new HighLevelCalendarInstantTrigger(),
		credentialType: new HighLevelCalendarApi(),
		credentials: sandboxCredentials(sandbox),
		parameters,
	});
}

/** A form POSTed to the sandbox's token endpoint, as OAuth clients send it. */
export async function postToTokenEndpoint(sandbox: Sandbox, fields: Record<string, string>) {
	return await fetch(`${sandbox.baseUrl}/oauth/token`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(fields).toString(),
	});
}

/**
 * Connects the OAuth2 credential the way n8n does when the user clicks "Connect": the sandbox's
 * authorization page approves, and the code is exchanged at its token endpoint. Returns the
 * credential's data as n8n stores it (with its expressions resolved, as n8n resolves them).
 */
export async function connectOAuth2(
	sandbox: Sandbox,
	{
		clientId = SANDBOX_CLIENT_ID,
		clientSecret = SANDBOX_CLIENT_SECRET,
		scope = HIGHLEVEL_CALENDAR_SCOPES,
	} = {},
) {
	const redirectUri = 'http://127.0.0.1:5678/rest/oauth2-credential/callback';
	const page = await fetch(
		`${sandbox.baseUrl}/v2/oauth/chooselocation?${new URLSearchParams({
			response_type: 'code',
			client_id: clientId,
			redirect_uri: redirectUri,
			scope: scope.join(' '),
			state: 'n8n-state',
		})}`,
		{ redirect: 'manual' },
	);
	const code = new URL(page.headers.get('location')!).searchParams.get('code')!;
	const answer = await postToTokenEndpoint(sandbox, {
		client_id: clientId,
		client_secret: clientSecret,
		grant_type: 'authorization_code',
		code,
		redirect_uri: redirectUri,
	});
	if (answer.status !== 200)
		throw new Error(`code exchange: ${answer.status} ${await answer.text()}`);
	return {
		grantType: 'authorizationCode',
		authUrl: `${sandbox.baseUrl}/v2/oauth/chooselocation`,
		accessTokenUrl: `${sandbox.baseUrl}/oauth/token`,
		clientId,
		clientSecret,
		scope: scope.join(' '),
		authQueryParameters: '',
		authentication: 'body',
		baseUrl: sandbox.baseUrl,
		oauthTokenData: (await answer.json()) as IDataObject,
	};
}

/** Our node with the OAuth2 credential (Authentication: OAuth2). */
export async function runWithOAuth2(
	sandbox: Sandbox,
	credentials: ICredentialDataDecryptedObject,
	parameters: RunNodeOptions['parameters'],
	options: Partial<Omit<RunNodeOptions, 'parameters'>> = {},
) {
	return await runNode({
		nodeType: new HighLevelCalendar(),
		credentialType: new HighLevelCalendarOAuth2Api(),
		credentials,
		parameters: { authentication: 'oAuth2', ...parameters },
		...options,
	});
}

/** Our node as an AI agent's tool (see tool.ts), each call with what the model passed. */
export async function runHighLevelAsTool(
	sandbox: Sandbox,
	parameters: INodeParameters,
	calls: IDataObject[],
	options: { timezone?: string } = {},
) {
	return await runAsTool({
		nodeType: new HighLevelCalendar(),
		credentialType: new HighLevelCalendarApi(),
		credentials: sandboxCredentials(sandbox),
		parameters,
		calls: calls.map((args) => ({ args })),
		...options,
	});
}
