// The credential test the way the editor runs it: `n8n start`, an owner account, then
// POST /rest/credentials/test with a good and a bad token; checks n8n's answers and the requests
// the sandbox received.
import { SANDBOX_LOCATION_ID, SANDBOX_TOKEN } from '../../sandbox';
import { check, step, StepError } from '../checks';
import { CRED_TYPE, setUpOwner } from '../n8nSetup';
import { freePort, stopChild } from '../processes';
import { BAD_CRED_ID, BAD_TOKEN, GOOD_CRED_ID, startN8n, type MajorRun } from './major';

export async function credentialTest(run: MajorRun): Promise<void> {
	await step('credential-test (n8n start + REST)', async () => {
		const s = 'credential-test';
		const port = await freePort();
		const n8n = await startN8n(run, s, port, 'start');
		try {
			const { base } = n8n;
			const browserId = 'e2e-browser';
			const cookie = await setUpOwner(s, base, browserId);
			await run.takeDump();
			const test = async (id: string, token: string) => {
				const res = await fetch(`${base}/rest/credentials/test`, {
					method: 'POST',
					headers: { 'content-type': 'application/json', 'browser-id': browserId, cookie },
					body: JSON.stringify({
						credentials: {
							id,
							name: id,
							type: CRED_TYPE,
							data: {
								accessToken: token,
								locationId: SANDBOX_LOCATION_ID,
								baseUrl: run.sandbox.baseUrl,
							},
						},
					}),
				});
				const text = await res.text();
				if (!res.ok)
					throw new StepError(s, `POST /rest/credentials/test: HTTP ${res.status} ${text}`);
				return JSON.parse(text).data as { status: string; message: string };
			};
			const good = await test(GOOD_CRED_ID, SANDBOX_TOKEN);
			const bad = await test(BAD_CRED_ID, BAD_TOKEN);
			console.log(`  good token: ${JSON.stringify(good)}`);
			console.log(`  bad token:  ${JSON.stringify(bad)}`);
			check(s, good?.status === 'OK', 'good token: status OK', good);
			check(s, bad?.status === 'Error', 'bad token: status Error', bad);
			// 2.x applies the credential's `rules` (responseCode 401) to the failed test request; 1.123.x
			// answers a 401 with n8n's generic NodeApiError text instead, so the rule's text is not shown.
			if (run.major === 2)
				check(
					s,
					/HighLevel rejected the Access Token/.test(bad?.message ?? ''),
					"bad token: the credential's 401 rule message",
					bad?.message,
				);
			else
				check(
					s,
					/HighLevel rejected the Access Token|Authorization failed/.test(bad?.message ?? ''),
					"bad token: the 401 rule's message or n8n 1.x's generic 401 message",
					bad?.message,
				);
			const dump = await run.takeDump();
			const calls = dump.requests.filter((r) => r.method === 'GET' && r.path === '/calendars/');
			check(
				s,
				calls.length >= 2 &&
					calls.every(
						(r) => r.query.locationId === SANDBOX_LOCATION_ID && r.headers.version === 'v3',
					),
				'the test called GET /calendars/?locationId=... with Version v3',
				calls.map((r) => ({ q: r.query, status: r.status })),
			);
			check(
				s,
				calls.some(
					(r) => r.headers.authorization === `Bearer ${SANDBOX_TOKEN}` && r.status === 200,
				) &&
					calls.some((r) => r.headers.authorization === `Bearer ${BAD_TOKEN}` && r.status === 401),
				'good token answered 200, bad token 401',
				calls.map((r) => r.status),
			);
		} finally {
			await stopChild(n8n.child);
		}
	});
}
