import { randomBytes } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';
import { commaList, matchOption } from '../HighLevelCalendar/helpers/bodyChecks';
import { InputError } from '../HighLevelCalendar/helpers/inputError';
import {
	readAppointmentFilters,
	readEvents,
	statusList,
} from '../HighLevelCalendarTrigger/settings';
import { INSTANT_EVENT_NAMES, type InstantRules } from './events';
import { MAX_AGE } from './properties';
import { ed25519Key, HIGHLEVEL_WEBHOOK_PUBLIC_KEY } from './signature';

/**
 * The instant trigger's settings, read and checked: on activation (webhookMethods) a bad setting
 * fails with a message naming the field and the fix; on each delivery the same reading decides.
 * Secrets and keys are never part of a message.
 */

export type Source = 'app' | 'workflow';

export interface InstantSettings extends InstantRules {
	source: Source;
	/** The workflow-builder source's shared secret ('' for the app). */
	secret: string;
	/** The Ed25519 key that signs the app's deliveries (PEM). */
	publicKey: string;
	maxAgeMs: number;
	simplify: boolean;
}

/** A secret shorter than this is refused: the header is the webhook's only protection. */
export const MIN_SECRET_LENGTH = 24;

const SOURCE_NAMES: Record<Source, string> = {
	app: 'Marketplace App Webhooks',
	workflow: 'HighLevel Workflow Webhook Action',
};

function checkSecret(secret: string): void {
	if (secret.length >= MIN_SECRET_LENGTH) return;
	// The value itself is never shown: only its length, and a fresh one to use instead.
	throw new InputError(
		'secret',
		secret ? `(${secret.length} characters)` : undefined,
		`Use a random value of at least ${MIN_SECRET_LENGTH} characters, for example ${randomBytes(24).toString('base64url')} (freshly generated), in this field and in the HighLevel Webhook action's header.`,
		secret ? 'is too short' : 'is empty',
	);
}

function isEd25519Key(publicKey: string): boolean {
	try {
		ed25519Key(publicKey);
		return true;
	} catch {
		return false;
	}
}

function checkPublicKey(publicKey: string): void {
	if (isEd25519Key(publicKey)) return;
	throw new InputError(
		'publicKey',
		'(the text entered)',
		'Paste the Ed25519 public key HighLevel announced, from -----BEGIN PUBLIC KEY----- to -----END PUBLIC KEY-----, or clear the option to use the key HighLevel publishes today.',
		'is not an Ed25519 public key',
	);
}

function maxAgeMinutes(value: unknown): number {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isFinite(number) || number <= 0 || number > MAX_AGE.max)
		throw new InputError(
			'maxAgeMinutes',
			value,
			`Use a number of minutes above 0 and at most ${MAX_AGE.max}.`,
			'is out of range',
		);
	return number;
}

/** `read(name, fallback)` gives a parameter's value. */
export function readInstantSettings(
	read: (name: string, fallback: unknown) => unknown,
): InstantSettings {
	const source = matchOption('source', read('source', 'app'), SOURCE_NAMES) as Source;
	const events = readEvents(read('events', []), INSTANT_EVENT_NAMES);
	const filters = (read('filters', {}) ?? {}) as IDataObject;
	const options = (read('options', {}) ?? {}) as IDataObject;
	const secret = source === 'workflow' ? String(read('secret', '') ?? '') : '';
	if (source === 'workflow') checkSecret(secret);
	const publicKey = String(options.publicKey ?? '').trim() || HIGHLEVEL_WEBHOOK_PUBLIC_KEY;
	if (source === 'app') checkPublicKey(publicKey);
	return {
		source,
		secret,
		publicKey,
		maxAgeMs: maxAgeMinutes(options.maxAgeMinutes ?? MAX_AGE.default) * 60_000,
		events,
		toStatuses: events.includes('appointmentStatusChanged')
			? statusList('toStatuses', read('toStatuses', []))
			: [],
		minutesBefore: 0,
		...readAppointmentFilters(filters),
		locationIds: commaList(filters.locationId),
		simplify: read('simplify', true) !== false,
	};
}
