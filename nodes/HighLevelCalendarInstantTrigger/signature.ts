import { createHash, createPublicKey, timingSafeEqual, verify, type KeyObject } from 'node:crypto';

/**
 * Is a delivery HighLevel's? Pure checks, each tested alone
 * (test/unit/HighLevelCalendarInstantTrigger/signature.test.ts). The rules and their sources are
 * in docs/instant-trigger.md ("Security").
 */

/**
 * HighLevel's published Ed25519 key for webhook signatures (its webhook integration guide; the
 * same value its SDK 3.1.0 and independent integrations use). HighLevel announces a rotation by
 * email and sends no key id: the HighLevel Public Key option replaces it.
 */
export const HIGHLEVEL_WEBHOOK_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAi2HR1srL4o18O8BRa7gVJY7G7bupbN3H9AwJrHCDiOg=
-----END PUBLIC KEY-----`;

/** The signature header HighLevel sends (Node lower-cases header names). */
export const SIGNATURE_HEADER = 'x-ghl-signature';

const keys = new Map<string, KeyObject>();

/** An Ed25519 public key from PEM; throws when the text is not one. */
export function ed25519Key(pem: string): KeyObject {
	let key = keys.get(pem);
	if (!key) {
		key = createPublicKey(pem);
		if (key.asymmetricKeyType !== 'ed25519') throw new Error('not an Ed25519 public key');
		keys.set(pem, key);
	}
	return key;
}

/** The base64 signature over the exact bytes received verifies with the key. */
export function signatureValid(rawBody: Buffer, signature: unknown, key: KeyObject): boolean {
	if (typeof signature !== 'string' || !/^[A-Za-z0-9+/]+={0,2}$/.test(signature.trim()))
		return false;
	const bytes = Buffer.from(signature.trim(), 'base64');
	if (bytes.length !== 64) return false;
	return verify(null, rawBody, key, bytes);
}

/** A signed timestamp no further than maxAgeMs from now, in either direction (clock skew). */
export function fresh(timestampMs: number, now: number, maxAgeMs: number): boolean {
	return Math.abs(now - timestampMs) <= maxAgeMs;
}

/** The header's value equals the secret, compared in constant time (digests of equal length). */
export function secretMatches(given: unknown, secret: string): boolean {
	if (typeof given !== 'string' || !secret) return false;
	const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
	return timingSafeEqual(digest(given), digest(secret));
}
