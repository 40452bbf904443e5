import type { IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { APP_CREDENTIAL_NAME, SCOPES } from '../HighLevelCalendar/helpers/constants';
import { credentialTypeOf } from '../HighLevelCalendar/transport/credential';
import { settingsOf } from './receive';

/**
 * n8n's webhook lifecycle (checkExists, create, delete: its lint requires all three). HighLevel has
 * no API to subscribe a URL, so there is nothing to create or delete there; activation is where
 * the settings are checked, so a wrong one fails activation with its fix instead of refusing every
 * delivery later.
 */

/** The scope HighLevel requires of an app for appointment events. */
export const EVENTS_SCOPE = SCOPES.eventsRead;

/** An app connected through OAuth2 must hold the scope its appointment events need. */
async function checkAppScope(context: IHookFunctions): Promise<void> {
	if (credentialTypeOf(context) !== APP_CREDENTIAL_NAME) return;
	const credential = await context.getCredentials<{ oauthTokenData?: { scope?: string } }>(
		APP_CREDENTIAL_NAME,
	);
	const granted = String(credential.oauthTokenData?.scope ?? '').split(/[\s,]+/);
	if (credential.oauthTokenData?.scope === undefined || granted.includes(EVENTS_SCOPE)) return;
	throw new NodeOperationError(
		context.getNode(),
		`The connected app was not granted ${EVENTS_SCOPE}, which HighLevel needs to send appointment events`,
		{
			description: `Add ${EVENTS_SCOPE} to the app's scopes in HighLevel's Marketplace, then reconnect the credential.`,
		},
	);
}

export const instantTriggerLifecycle = {
	default: {
		/** Nothing to look up at HighLevel: false, so n8n calls `create` on every activation. */
		async checkExists(this: IHookFunctions): Promise<boolean> {
			return false;
		},
		/** Checks the settings (and an app's scope); the URL itself is pasted into HighLevel. */
		async create(this: IHookFunctions): Promise<boolean> {
			const settings = settingsOf(this);
			if (settings.source === 'app') await checkAppScope(this);
			return true;
		},
		/** Nothing to remove at HighLevel; the remembered deliveries stay for a re-activation. */
		async delete(this: IHookFunctions): Promise<boolean> {
			return true;
		},
	},
};
