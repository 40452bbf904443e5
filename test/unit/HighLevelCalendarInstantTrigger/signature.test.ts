import { generateKeyPairSync, sign } from 'node:crypto';
import {
	ed25519Key,
	fresh,
	HIGHLEVEL_WEBHOOK_PUBLIC_KEY,
	secretMatches,
	signatureValid,
} from '../../../nodes/HighLevelCalendarInstantTrigger/signature';

const pair = () => {
	const { publicKey, privateKey } = generateKeyPairSync('ed25519');
	return { pem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), privateKey };
};

describe('signatureValid', () => {
	const { pem, privateKey } = pair();
	const key = ed25519Key(pem);
	const body = Buffer.from('{"type":"AppointmentCreate","webhookId":"w1"}');
	const signature = sign(null, body, privateKey).toString('base64');

	it('accepts the signature over the exact bytes', () => {
		expect(signatureValid(body, signature, key)).toBe(true);
	});

	it('refuses a body changed by one byte', () => {
		const changed = Buffer.from(body);
		changed[10] ^= 1;
		expect(signatureValid(changed, signature, key)).toBe(false);
	});

	it('refuses a signature made with another key', () => {
		const other = sign(null, body, pair().privateKey).toString('base64');
		expect(signatureValid(body, other, key)).toBe(false);
	});

	it.each([
		['missing', undefined],
		['empty', ''],
		['not base64', '%%%'],
		['too short', Buffer.alloc(10).toString('base64')],
		['a list', [signature, signature]],
	])('refuses a %s signature', (_, value) => {
		expect(signatureValid(body, value, key)).toBe(false);
	});
});

describe('ed25519Key', () => {
	it("reads HighLevel's published key", () => {
		expect(ed25519Key(HIGHLEVEL_WEBHOOK_PUBLIC_KEY).asymmetricKeyType).toBe('ed25519');
	});

	it('refuses an RSA key and text that is no key', () => {
		const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 })
			.publicKey.export({ type: 'spki', format: 'pem' })
			.toString();
		expect(() => ed25519Key(rsa)).toThrow('not an Ed25519 public key');
		expect(() => ed25519Key('hello')).toThrow();
	});
});

describe('fresh', () => {
	const now = Date.parse('2031-05-05T12:00:00Z');
	it('accepts up to the max age either way and refuses beyond', () => {
		expect(fresh(now - 300_000, now, 300_000)).toBe(true);
		expect(fresh(now + 300_000, now, 300_000)).toBe(true);
		expect(fresh(now - 300_001, now, 300_000)).toBe(false);
		expect(fresh(now + 300_001, now, 300_000)).toBe(false);
	});
});

describe('secretMatches', () => {
	const secret = 'a-long-random-secret-of-32-chars';
	it('accepts the same value only', () => {
		expect(secretMatches(secret, secret)).toBe(true);
		expect(secretMatches(`${secret}x`, secret)).toBe(false);
		expect(secretMatches(secret.slice(1), secret)).toBe(false);
		expect(secretMatches(undefined, secret)).toBe(false);
		expect(secretMatches([secret], secret)).toBe(false);
	});

	it('never matches an empty secret', () => {
		expect(secretMatches('', '')).toBe(false);
	});
});
