import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { fieldLabels, inputErrorMessage } from '../HighLevelCalendar/helpers/fieldLabels';
import { InputError } from '../HighLevelCalendar/helpers/inputError';
import { readParameter } from '../HighLevelCalendar/helpers/parameters';
import type { NodeContext } from '../HighLevelCalendar/helpers/nodeRun';
import { itemOf } from '../HighLevelCalendarTrigger/items';
import { readAppDelivery, readWorkflowDelivery, type Received } from './deliveries';
import { firedOf, SECRET_HEADER } from './events';
import { claimDelivery, processStateOf, recallAndRemember, stateOf } from './memory';
import { instantTriggerProperties } from './properties';
import { readInstantSettings, type InstantSettings } from './settings';
import { ed25519Key, fresh, secretMatches, signatureValid, SIGNATURE_HEADER } from './signature';

/**
 * One delivery, in order: read the settings; prove the sender (the app's signature over the exact
 * bytes, or the workflow builder's secret); read the body; refuse a stale or replayed delivery;
 * compare with what the trigger remembered (events.ts); answer and fire. A refusal answers 401
 * with one fixed message and fires nothing; the reason goes to n8n's log, never to the caller.
 */

const LABELS = fieldLabels(instantTriggerProperties);

/** The settings, or a NodeOperationError naming the field and the fix (never a secret). */
export function settingsOf(context: NodeContext): InstantSettings {
	const read = (name: string, fallback?: unknown) => readParameter(context, name, fallback);
	try {
		return readInstantSettings(read);
	} catch (error) {
		if (error instanceof InputError)
			throw new NodeOperationError(context.getNode(), inputErrorMessage(error, LABELS, read));
		throw new NodeOperationError(context.getNode(), error as Error);
	}
}

/** The exact bytes n8n received. n8n 1.x reads them on demand (`readRawBody`). */
async function rawBodyOf(context: IWebhookFunctions): Promise<Buffer | undefined> {
	const request = context.getRequestObject() as unknown as {
		rawBody?: Buffer;
		readRawBody?: () => Promise<void>;
	};
	if (!Buffer.isBuffer(request.rawBody) && typeof request.readRawBody === 'function')
		await request.readRawBody();
	return Buffer.isBuffer(request.rawBody) ? request.rawBody : undefined;
}

function refuse(context: IWebhookFunctions, reason: string): IWebhookResponseData {
	context.logger.warn(`HighLevel Calendar Instant Trigger refused a delivery: ${reason}`, {
		node: context.getNode().name,
		workflowId: context.getWorkflow().id,
	});
	const response = context.getResponseObject();
	response.writeHead(401, { 'Content-Type': 'application/json' });
	response.end(JSON.stringify({ message: 'Unauthorized' }));
	return { noWebhookResponse: true };
}

function parseJson(rawBody: Buffer): unknown {
	try {
		return JSON.parse(rawBody.toString('utf8')) as unknown;
	} catch {
		return undefined;
	}
}

/** Who sent it, and what: a Received, or why it is refused. */
function authenticate(
	settings: InstantSettings,
	rawBody: Buffer,
	headers: IDataObject,
	now: number,
): Received | { refused: string } | { ignored: string } {
	if (settings.source === 'workflow') {
		if (!secretMatches(headers[SECRET_HEADER], settings.secret))
			return { refused: `the ${SECRET_HEADER} header is missing or wrong` };
		return readWorkflowDelivery(parseJson(rawBody), rawBody);
	}
	if (headers[SIGNATURE_HEADER] === undefined)
		return { refused: `no ${SIGNATURE_HEADER} header (HighLevel signs every delivery)` };
	if (!signatureValid(rawBody, headers[SIGNATURE_HEADER], ed25519Key(settings.publicKey)))
		return { refused: 'the signature does not verify with the public key' };
	const read = readAppDelivery(parseJson(rawBody));
	if ('deliveryId' in read && !fresh(read.timestampMs ?? 0, now, settings.maxAgeMs))
		return { refused: 'its timestamp is older than Max Age (or too far ahead)' };
	return read;
}

export async function receiveDelivery(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	let settings: InstantSettings;
	try {
		settings = settingsOf(this);
	} catch (error) {
		// Nothing can be verified with settings that fail their checks (activation names the fix).
		return refuse(this, `the trigger's settings are not valid: ${(error as Error).message}`);
	}
	const rawBody = await rawBodyOf(this);
	if (!rawBody) return refuse(this, 'n8n did not keep the raw body, so nothing can be verified');
	const now = Date.now();
	const received = authenticate(settings, rawBody, this.getHeaderData() as IDataObject, now);
	if ('refused' in received) return refuse(this, received.refused);
	// Verified, but not an appointment event (the app may subscribe to others): answered, no run.
	if ('ignored' in received) return {};
	const saved = stateOf(this.getWorkflowStaticData('node'));
	const own = processStateOf(`${this.getWorkflow().id}:${this.getNode().id}`);
	// Kept as long as a replay's timestamp would still pass, twice over for clock skew. Both
	// records are checked and written with no await in between (memory.ts says why).
	const keepMs = 2 * settings.maxAgeMs;
	const newHere = claimDelivery(own, received.deliveryId, now, keepMs);
	const newSaved = claimDelivery(saved, received.deliveryId, now, keepMs);
	if (!newHere || !newSaved) return refuse(this, 'this delivery was accepted before (a replay)');
	const { delivery } = received;
	const deleted = delivery.kind === 'delete';
	// This process heard the latest; the saved state speaks for what came before a restart.
	const heardHere = recallAndRemember(own, delivery.appointment, deleted);
	const heardSaved = recallAndRemember(saved, delivery.appointment, deleted);
	const before = heardHere ?? heardSaved;
	const fired = firedOf(delivery, before, settings);
	if (!fired.length) return {};
	return { workflowData: [fired.map((one) => itemOf(one, settings.simplify))] };
}
