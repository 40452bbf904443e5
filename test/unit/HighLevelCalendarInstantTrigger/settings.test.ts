import { generateKeyPairSync } from 'node:crypto';
import { InputError } from '../../../nodes/HighLevelCalendar/helpers/inputError';
import {
	MIN_SECRET_LENGTH,
	readInstantSettings,
} from '../../../nodes/HighLevelCalendarInstantTrigger/settings';
import { HIGHLEVEL_WEBHOOK_PUBLIC_KEY } from '../../../nodes/HighLevelCalendarInstantTrigger/signature';

const SECRET = 'x'.repeat(MIN_SECRET_LENGTH);
/** Reads like n8n: a parameter not set has the default the editor stores (Events: Booked). */
const reader = (values: Record<string, unknown>) => {
	const stored: Record<string, unknown> = { events: ['appointmentBooked'], ...values };
	return (name: string, fallback: unknown): unknown => (name in stored ? stored[name] : fallback);
};

const settingsError = (values: Record<string, unknown>): InputError => {
	try {
		readInstantSettings(reader(values));
	} catch (error) {
		return error as InputError;
	}
	throw new Error('no error');
};

describe('readInstantSettings', () => {
	it("defaults: the app source, HighLevel's key, five minutes, Booked", () => {
		expect(readInstantSettings(reader({}))).toEqual(
			expect.objectContaining({
				source: 'app',
				publicKey: HIGHLEVEL_WEBHOOK_PUBLIC_KEY,
				maxAgeMs: 300_000,
				events: ['appointmentBooked'],
				simplify: true,
				secret: '',
			}),
		);
	});

	it('reads names as the editor shows them (from an expression)', () => {
		const settings = readInstantSettings(
			reader({
				source: 'HighLevel Workflow Webhook Action',
				secret: SECRET,
				events: 'Appointment Booked, appointment status changed',
				toStatuses: 'No Show',
				filters: { appointmentStatus: ['CONFIRMED'], locationId: 'loc1, loc2' },
			}),
		);
		expect(settings).toEqual(
			expect.objectContaining({
				source: 'workflow',
				events: ['appointmentBooked', 'appointmentStatusChanged'],
				toStatuses: ['noshow'],
				statuses: ['confirmed'],
				locationIds: ['loc1', 'loc2'],
			}),
		);
	});

	it('To Statuses and the status filter take completed and active (Calendars API v3)', () => {
		const settings = readInstantSettings(
			reader({
				events: ['appointmentStatusChanged'],
				toStatuses: ['completed', 'Active'],
				filters: { appointmentStatus: 'Completed, active' },
			}),
		);
		expect(settings).toEqual(
			expect.objectContaining({
				toStatuses: ['completed', 'active'],
				statuses: ['completed', 'active'],
			}),
		);
	});

	it('takes a public key that replaces HighLevel’s', () => {
		const pem = generateKeyPairSync('ed25519')
			.publicKey.export({ type: 'spki', format: 'pem' })
			.toString();
		expect(readInstantSettings(reader({ options: { publicKey: pem } })).publicKey).toBe(pem.trim());
	});

	it('refuses an empty secret and offers a generated one, never echoing the value', () => {
		const empty = settingsError({ source: 'workflow' });
		expect(empty.field).toBe('secret');
		expect(empty.message).toMatch(
			/is empty\. Use a random value of at least 24 characters, for example [\w-]{32} /,
		);
		const short = settingsError({ source: 'workflow', secret: 'hunter2' });
		expect(short.message).toContain('(7 characters)');
		expect(short.message).not.toContain('hunter2');
	});

	it('refuses a public key that is not Ed25519, without echoing it', () => {
		const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 })
			.publicKey.export({ type: 'spki', format: 'pem' })
			.toString();
		const error = settingsError({ options: { publicKey: rsa } });
		expect(error.field).toBe('publicKey');
		expect(error.message).not.toContain(rsa.split('\n')[1]);
	});

	it.each([
		['no events', { events: [] }, 'events'],
		['an unknown event', { events: ['appointmentStarting'] }, 'events'],
		['an unknown status', { filters: { appointmentStatus: 'done' } }, 'appointmentStatus'],
		['a max age of 0', { options: { maxAgeMinutes: 0 } }, 'maxAgeMinutes'],
		['a max age over an hour', { options: { maxAgeMinutes: 61 } }, 'maxAgeMinutes'],
		['an unknown source', { source: 'zapier' }, 'source'],
	])('refuses %s, naming the field', (_, values, field) => {
		expect(settingsError(values).field).toBe(field);
	});
});
