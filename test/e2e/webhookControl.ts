// The sandbox process's appointment webhooks, driven from a test (sandbox-server.ts's control
// port): where its applied writes are pushed, deliveries sent by hand (a replay of exact bytes,
// tampered, unsigned, signed with another key; the same bytes to several URLs at once), and waiting
// until every push has n8n's answer. The signing key never leaves the sandbox process.
import { StepError } from './checks';

/** One delivery as the control port shows it. */
export interface DeliveryView {
	index: number;
	url: string;
	type: string;
	webhookId: string;
	/** n8n's answer; 0 when the connection failed. */
	status: number;
	answer: string;
	body: Record<string, unknown>;
}

export interface SendRequest {
	url?: string;
	/** The same bytes and signature to each, at the same moment. */
	urls?: string[];
	body?: object;
	/** The exact bytes of the first delivery with this webhookId (a replay). */
	replayOf?: string;
	tamper?: boolean;
	unsigned?: boolean;
	otherKey?: boolean;
	headers?: Record<string, string>;
}

export function webhookControl(stepName: string, controlUrl: string) {
	const call = async <T>(method: string, route: string, body: unknown = {}): Promise<T> => {
		const response = await fetch(`${controlUrl}${route}`, {
			method,
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify(body),
		});
		const text = await response.text();
		if (!response.ok)
			throw new StepError(
				stepName,
				`sandbox control ${method} ${route}: ${response.status} ${text}`,
			);
		return JSON.parse(text) as T;
	};
	return {
		/** Where the sandbox pushes each applied appointment write (undefined: nowhere). */
		pushTo: (url: string | undefined) => call('PUT', '/webhooks/url', { url: url ?? null }),
		/** Sends by hand; resolves with each delivery once n8n answered it. */
		send: async (request: SendRequest) =>
			(await call<{ deliveries: DeliveryView[] }>('POST', '/webhooks/send', request)).deliveries,
		/** Every delivery so far, once every push has its answer. */
		settled: async () =>
			(await call<{ deliveries: DeliveryView[] }>('POST', '/webhooks/settled')).deliveries,
	};
}

export type WebhookControl = ReturnType<typeof webhookControl>;
