// HighLevel's appointment webhooks, as a Marketplace app receives them: after each appointment
// create, update or delete the sandbox applies, it POSTs `AppointmentCreate|Update|Delete` to the
// subscribed URL, signed with an Ed25519 key it generates per run (X-GHL-Signature: base64 of the
// signature over the exact body bytes). Tests also send by hand, to replay, delay (an old
// timestamp) and tamper. README "Appointment webhooks" of the HighLevel API folder has the shape.
import { generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';

export type AppointmentEventType = 'AppointmentCreate' | 'AppointmentUpdate' | 'AppointmentDelete';

/** The appointment fields HighLevel's webhook body carries. */
const APPOINTMENT_FIELDS = [
	'id',
	'address',
	'title',
	'calendarId',
	'contactId',
	'groupId',
	'appointmentStatus',
	'assignedUserId',
	'users',
	'notes',
	'source',
	'startTime',
	'endTime',
	'dateAdded',
	'dateUpdated',
] as const;

export interface WebhookBody {
	type: AppointmentEventType;
	locationId: string;
	appointment: Record<string, unknown>;
	timestamp: string;
	webhookId: string;
}

export interface SendOptions {
	/** Change one byte of the body after signing. */
	tamper?: boolean;
	/** Sign with another key (a wrong key). */
	key?: KeyObject;
	/** Send no signature header. */
	unsigned?: boolean;
	/** Send this exact body (a replay) instead of `body`. */
	raw?: Buffer;
	/** Extra headers (the workflow builder's secret). */
	headers?: Record<string, string>;
}

export interface Delivery {
	url: string;
	type: string;
	webhookId: string;
	raw: Buffer;
	/** n8n's answer; 0 while pending or when the connection failed. */
	status: number;
	answer: string;
}

/** HighLevel's body for one appointment event; `timestamp` may be set in the past (a delay). */
export function appointmentEvent(
	type: AppointmentEventType,
	appointment: Record<string, unknown>,
	options: { timestamp?: Date; webhookId?: string } = {},
): WebhookBody {
	const fields: Record<string, unknown> = {};
	for (const key of APPOINTMENT_FIELDS)
		if (appointment[key] !== undefined) fields[key] = appointment[key];
	return {
		type,
		locationId: String(appointment.locationId),
		appointment: fields,
		timestamp: (options.timestamp ?? new Date()).toISOString(),
		webhookId: options.webhookId ?? randomUUID(),
	};
}

/** Signs and posts; one instance per sandbox run, with its own key pair. */
export class WebhookSender {
	readonly publicKeyPem: string;
	private readonly privateKey: KeyObject;
	/** Every delivery sent, in order, with n8n's answer once it came. */
	readonly deliveries: Delivery[] = [];
	/** Where the sandbox pushes the events of the writes it applies; none until a test sets it. */
	url: string | undefined;
	private readonly pending = new Set<Promise<unknown>>();

	constructor() {
		const { publicKey, privateKey } = generateKeyPairSync('ed25519');
		this.publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString().trim();
		this.privateKey = privateKey;
	}

	/** A fresh key pair's private half, for "signed with a wrong key". */
	static otherKey(): KeyObject {
		return generateKeyPairSync('ed25519').privateKey;
	}

	signature(raw: Buffer, key: KeyObject = this.privateKey): string {
		return sign(null, raw, key).toString('base64');
	}

	/** Posts one body to `url` (signed unless told otherwise) and records the answer. */
	async send(
		url: string,
		body: WebhookBody | object,
		options: SendOptions = {},
	): Promise<Delivery> {
		const raw = options.raw ?? Buffer.from(JSON.stringify(body));
		const headers: Record<string, string> = {
			'Content-Type': 'application/json',
			...options.headers,
		};
		if (!options.unsigned) headers['X-GHL-Signature'] = this.signature(raw, options.key);
		let sent = raw;
		if (options.tamper) {
			sent = Buffer.from(raw);
			// One byte: a digit of the timestamp or id becomes another, the JSON stays valid.
			const at = sent.findIndex((byte) => byte >= 0x30 && byte <= 0x38);
			sent[at] += 1;
		}
		const parsed = JSON.parse(raw.toString('utf8')) as { type?: string; webhookId?: string };
		const delivery: Delivery = {
			url,
			type: String(parsed.type ?? ''),
			webhookId: String(parsed.webhookId ?? ''),
			raw,
			status: 0,
			answer: '',
		};
		this.deliveries.push(delivery);
		try {
			const response = await fetch(url, { method: 'POST', headers, body: sent });
			delivery.answer = await response.text();
			delivery.status = response.status;
		} catch (error) {
			delivery.answer = (error as Error).message;
		}
		return delivery;
	}

	/** What the sandbox pushes after an applied appointment write (when a URL is set). */
	emit(type: AppointmentEventType, appointment: Record<string, unknown>): void {
		if (!this.url) return;
		const sending = this.send(this.url, appointmentEvent(type, appointment));
		this.pending.add(sending);
		void sending.finally(() => this.pending.delete(sending));
	}

	/** Resolves when every pushed delivery has its answer. */
	async settled(): Promise<void> {
		while (this.pending.size) await Promise.allSettled([...this.pending]);
	}
}
