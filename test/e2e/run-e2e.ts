// End-to-end: the packed node in a real n8n, against the HighLevel sandbox, on both majors users run:
// n8n@2.40.7 under Node 24 and n8n@1.123.81 (newest 1.x) under this machine's Node 20.
//   npx tsx test/e2e/run-e2e.ts          (npm run test:e2e)
//   E2E_N8N=2|1|both (default both)       which majors to run
// Steps: build + pack (once) -> per major: install n8n (cached per version) -> own user folder with the
// package installed as a community package -> own sandbox -> import credentials + example workflows ->
// `n8n execute` each, assert outputs and what the sandbox received -> credential test through n8n's
// REST API (good and bad token) -> a short summary per major.
// Every failure names its step and its major; each major has a deadline; children are killed on exit.
import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
	SANDBOX_CALENDAR_ID,
	SANDBOX_CONTACT_ID,
	SANDBOX_LOCATION_ID,
	SANDBOX_TOKEN,
} from '../sandbox';
import { E2E_FIXTURE } from './fixture';
import { checkFirstRun, checkSecondRun, RERUN_WORKFLOW_ID, rerunWorkflow } from './rerun';
import {
	asStepError,
	begin,
	check,
	currentTally,
	errorText,
	passed,
	report,
	step,
	StepError,
	stop,
	type Tally,
} from './checks';
import { installN8n, installN8nVersion, n8nMajor } from './install-n8n';
import {
	buildAndPack,
	installCommunityPackage,
	n8nEnvironment,
	PACKAGE,
	parseRunOutput,
	startSandboxProcess,
} from './n8nSetup';
import {
	freePort,
	groupsLeftBehind,
	killChildrenOnExit,
	refuseNewProcesses,
	ROOT,
	run,
	signalChildren,
	sleep,
	startBackground,
	stopChild,
	tail,
} from './processes';

const NODE_TYPE = `${PACKAGE}.highLevelCalendar`;
const CRED_TYPE = 'highLevelCalendarApi';
const GOOD_CRED_ID = 'hlcExampleCred01'; // the id the examples reference
const BAD_CRED_ID = 'hlcE2eBadToken01';
/** Per major; a cold install of one n8n version alone takes about 5 minutes. */
const DEADLINE_MS = Number(process.env.E2E_TIMEOUT_MS ?? 20 * 60_000);
const MAJORS: Array<1 | 2> = (() => {
	const v = (process.env.E2E_N8N ?? 'both').trim().toLowerCase();
	if (v === '2') return [2];
	if (v === '1') return [1];
	if (v === 'both' || v === '') return [2, 1];
	console.error(`E2E_N8N must be 2, 1 or both (got "${v}")`);
	process.exit(2);
})();
const KEEP = process.env.E2E_KEEP === '1'; // keep the temp folder for inspection

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

killChildrenOnExit();

// ---------------------------------------------------------------- n8n output
function nodeOutput(stepName: string, runJson: Json, nodeName: string): Json[] {
	const runs = runJson.data?.resultData?.runData?.[nodeName];
	if (!runs)
		throw new StepError(
			stepName,
			`node "${nodeName}" did not run (ran: ${Object.keys(runJson.data?.resultData?.runData ?? {}).join(', ')})`,
		);
	return (runs[0]?.data?.main?.[0] ?? []).map((item: Json) => item.json);
}

interface SandboxDump {
	requests: Array<{
		method: string;
		path: string;
		query: Json;
		headers: Json;
		body: any;
		status: number;
		response: any;
	}>; // eslint-disable-line @typescript-eslint/no-explicit-any
	applied: Array<{ method: string; path: string; kind: string; id: string; body: unknown }>;
	appointments: Json[];
	blockSlots: Json[];
}

// ---------------------------------------------------------------- differences between the majors
/**
 * Extra environment per major. n8n 1.123.x defaults to the "vm" expression engine, which runs
 * expressions in isolated-vm 6.2.0: no prebuilt binaries, and it needs Node >= 22 to build, so on
 * Node 20 (which n8n 1.123's engines allow) every command that evaluates expressions crashes with
 * "Could not initialize the vm expression engine". The 1.x run therefore uses n8n's own "legacy"
 * engine, the one every 1.x before the vm engine used. (2.40.7 ships isolated-vm 7 with prebuilt
 * binaries for Node 24, so 2.x keeps its default.)
 */
const MAJOR_ENV: Record<1 | 2, NodeJS.ProcessEnv> = {
	1: { N8N_EXPRESSION_ENGINE: 'legacy' },
	2: {},
};

// ---------------------------------------------------------------- main
/** The whole suite against one n8n major, in its own folder, user folder and sandbox. */
async function runMajor(major: 1 | 2, tarball: string, root: string): Promise<void> {
	const cfg = n8nMajor(major);
	const work = path.join(root, `n8n${major}`);
	const userFolder = path.join(work, 'user');
	fs.mkdirSync(work, { recursive: true });
	console.log(`\n================ n8n ${major}.x: n8n@${cfg.version} (work folder ${work})`);
	let sandboxChild: ChildProcess | undefined;
	try {
		// 2. a real n8n, cached outside the repository (one folder per version)
		const install = await step('install-n8n', () => {
			if (major === 2) {
				const r = installN8n((m) => console.log(`  ${m}`));
				return { ...r, cacheDir: cfg.cacheDir };
			}
			return installN8nVersion({
				version: cfg.version,
				nodeBinDir: cfg.nodeBinDir(),
				overrides: cfg.overrides,
				log: (m) => console.log(`  ${m}`),
			});
		});
		const nodeVersion = (
			await run(`install-n8n`, path.join(install.nodeBinDir, 'node'), ['--version'], {
				timeoutMs: 30_000,
			})
		).stdout.trim();
		const tally = currentTally();
		tally.label = `n8n ${major}.x = n8n@${cfg.version} on node ${nodeVersion}`;
		tally.notes.push(
			`install ${install.cached ? 'warm (cache reused)' : 'cold (fresh install)'} ${install.seconds.toFixed(1)}s`,
		);
		console.log(
			`  n8n@${cfg.version} in ${install.cacheDir} (${install.cached ? 'cache reused' : 'fresh install'}, ${install.seconds.toFixed(1)}s); node ${nodeVersion}: ${install.nodeBinDir}`,
		);

		// 3. user folder, package installed the way n8n's community-package installer leaves it
		await step('install-package', () =>
			installCommunityPackage('install-package', tarball, userFolder),
		);

		const n8nEnv = n8nEnvironment(install.nodeBinDir, {
			userFolder,
			encryptionKey: 'e2e-highlevel-calendar-encryption-key',
			brokerPort: await freePort(),
			extra: { N8N_LOG_LEVEL: 'warn', ...MAJOR_ENV[major] },
		});
		const n8n = (
			stepName: string,
			args: string[],
			timeoutMs = 120_000,
			allowFail = false,
			extraEnv: NodeJS.ProcessEnv = {},
		) =>
			run(stepName, path.join(install.nodeBinDir, 'node'), [install.n8nBin, ...args], {
				env: { ...n8nEnv, ...extraEnv },
				timeoutMs,
				allowFail,
				cwd: work,
			});

		// 4a. sandbox
		const sandbox = await step('start-sandbox', () => startSandboxProcess('start-sandbox', work));
		sandboxChild = sandbox.child;
		let dumps = 0;
		/** Asks the sandbox for what it received since the last dump (SIGUSR2), and waits for it. */
		const takeDump = async (): Promise<SandboxDump> => {
			dumps++;
			process.kill(sandbox.child.pid!, 'SIGUSR2');
			await sandbox.waitFor(/"dumped"/, 10_000, `sandbox dump #${dumps}`, dumps);
			return JSON.parse(fs.readFileSync(sandbox.dumpFile, 'utf8'));
		};

		// 4b. credentials and workflows
		await step('import', async () => {
			const creds = [
				{
					id: GOOD_CRED_ID,
					name: 'HighLevel Calendar account',
					type: CRED_TYPE,
					data: {
						accessToken: SANDBOX_TOKEN,
						locationId: SANDBOX_LOCATION_ID,
						baseUrl: sandbox.baseUrl,
					},
				},
				{
					id: BAD_CRED_ID,
					name: 'HighLevel Calendar (bad token)',
					type: CRED_TYPE,
					data: {
						accessToken: 'pit-not-a-real-token',
						locationId: SANDBOX_LOCATION_ID,
						baseUrl: sandbox.baseUrl,
					},
				},
			];
			fs.writeFileSync(path.join(work, 'creds.json'), JSON.stringify(creds, null, 2));
			const c = await n8n(
				'import',
				['import:credentials', `--input=${path.join(work, 'creds.json')}`],
				180_000,
			);
			console.log(`  import:credentials ${c.seconds.toFixed(1)}s: ${tail(c.stdout + c.stderr, 3)}`);

			const workflows = ['daily-no-show-sweep', 'book-from-form', 'holiday-block'].map((name) => {
				const wf = JSON.parse(fs.readFileSync(path.join(ROOT, 'examples', `${name}.json`), 'utf8'));
				for (const node of wf.nodes) {
					if (node.type === NODE_TYPE)
						node.credentials = {
							[CRED_TYPE]: { id: GOOD_CRED_ID, name: 'HighLevel Calendar account' },
						};
					// Deterministic no-show sweep: the sandbox's day, not today (see fixture.ts).
					if (name === 'daily-no-show-sweep' && node.name === 'Sweep window') {
						for (const a of node.parameters.assignments.assignments) {
							a.value =
								E2E_FIXTURE.sweepWindow[a.name as keyof typeof E2E_FIXTURE.sweepWindow] ?? a.value;
						}
					}
				}
				return wf;
			});
			workflows.push(
				rerunWorkflow(NODE_TYPE, {
					[CRED_TYPE]: { id: GOOD_CRED_ID, name: 'HighLevel Calendar account' },
				}),
			);
			fs.writeFileSync(path.join(work, 'workflows.json'), JSON.stringify(workflows, null, 2));
			const w = await n8n(
				'import',
				['import:workflow', `--input=${path.join(work, 'workflows.json')}`],
				180_000,
			);
			console.log(`  import:workflow ${w.seconds.toFixed(1)}s: ${tail(w.stdout + w.stderr, 3)}`);
			return workflows;
		});

		const execute = async (stepName: string, id: string, { expectNodeError = false } = {}) => {
			// The command prints the run through n8n's logger at level info, so info it must be.
			const r = await n8n(stepName, ['execute', `--id=${id}`, '--rawOutput'], 180_000, true, {
				N8N_LOG_LEVEL: 'info',
			});
			fs.writeFileSync(path.join(work, `${id}.stdout.txt`), r.stdout);
			fs.writeFileSync(path.join(work, `${id}.stderr.txt`), r.stderr);
			console.log(`  n8n execute --id=${id}: exit ${r.code}, ${r.seconds.toFixed(1)}s`);
			// A run whose node fails makes `n8n execute` exit 1, with the run still printed.
			if (r.code !== 0 && !(expectNodeError && r.code === 1))
				throw new StepError(
					stepName,
					`n8n execute exited ${r.code}:\n${tail(r.stdout + '\n' + r.stderr)}`,
				);
			const runJson = parseRunOutput(stepName, r.stdout) as Json;
			if (runJson.data?.resultData?.error && !expectNodeError)
				throw new StepError(
					stepName,
					`run failed: ${JSON.stringify(runJson.data.resultData.error).slice(0, 2000)}`,
				);
			if (expectNodeError && !runJson.data?.resultData?.error)
				throw new StepError(stepName, 'the run was expected to fail, and did not');
			return runJson;
		};
		await takeDump(); // start the recording afresh: nothing before the runs counts

		// 4c. daily-no-show-sweep
		await step('run daily-no-show-sweep', async () => {
			const s = 'run daily-no-show-sweep';
			const runJson = await execute(s, 'hlcExampleNoShow01');
			const listed = nodeOutput(s, runJson, "Today's unconfirmed appointments");
			const over = nodeOutput(s, runJson, 'Already over');
			const marked = nodeOutput(s, runJson, 'Mark as no-show');
			console.log(`  listed: ${listed.map((a) => `${a.id}(${a.appointmentStatus})`).join(', ')}`);
			console.log(
				`  marked: ${JSON.stringify(marked.map((a) => ({ id: a.id, appointmentStatus: a.appointmentStatus })))}`,
			);
			check(
				s,
				listed.every((a) => a.appointmentStatus === 'new'),
				'Get Many keeps only status "new"',
				listed.map((a) => a.appointmentStatus),
			);
			check(
				s,
				JSON.stringify(listed.map((a) => a.id).sort()) ===
					JSON.stringify([...E2E_FIXTURE.expectedNoShows, 'apt_e2e_later_new'].sort()),
				"Get Many lists the day's unconfirmed appointments of the calendar",
				listed.map((a) => a.id),
			);
			check(
				s,
				JSON.stringify(over.map((a) => a.id).sort()) ===
					JSON.stringify([...E2E_FIXTURE.expectedNoShows].sort()),
				'the filter keeps the ones already over',
				over.map((a) => a.id),
			);
			check(
				s,
				marked.length === 2 && marked.every((a) => a.appointmentStatus === 'noshow'),
				'Update outputs the appointments as noshow',
				marked,
			);
			const dump = await takeDump();
			const list = dump.requests.filter(
				(r) => r.method === 'GET' && r.path === '/calendars/events',
			);
			check(s, list.length === 1, 'one GET /calendars/events', list.length);
			const q = list[0]?.query ?? {};
			check(
				s,
				q.calendarId === SANDBOX_CALENDAR_ID && q.locationId === SANDBOX_LOCATION_ID,
				"GET carries calendarId and the credential's locationId",
				q,
			);
			check(
				s,
				q.startTime === String(Date.parse(E2E_FIXTURE.sweepWindow.windowStart)) &&
					q.endTime === String(Date.parse(E2E_FIXTURE.sweepWindow.windowEnd)),
				'the window is sent as epoch ms',
				q,
			);
			check(
				s,
				list[0]?.headers.authorization === `Bearer ${SANDBOX_TOKEN}` &&
					list[0]?.headers.version === '2021-04-15',
				'Bearer token and Version header sent',
				{ version: list[0]?.headers.version },
			);
			const puts = dump.requests.filter((r) => r.method === 'PUT');
			check(
				s,
				JSON.stringify(puts.map((r) => r.path).sort()) ===
					JSON.stringify(
						E2E_FIXTURE.expectedNoShows.map((id) => `/calendars/events/appointments/${id}`).sort(),
					),
				'PUT only the past unconfirmed appointments',
				puts.map((r) => r.path),
			);
			check(
				s,
				puts.every(
					(r) => JSON.stringify(r.body) === '{"appointmentStatus":"noshow","toNotify":false}',
				),
				'each PUT body is exactly {"appointmentStatus":"noshow","toNotify":false}',
				puts.map((r) => r.body),
			);
			const store = Object.fromEntries(dump.appointments.map((a) => [a.id, a.appointmentStatus]));
			check(
				s,
				store.apt_e2e_later_new === 'new' &&
					store.apt_e2e_past_cancelled === 'cancelled' &&
					store.apt_sandbox_001 === 'confirmed',
				'the others are untouched in the sandbox',
				store,
			);
		});

		// 4d. book-from-form
		await step('run book-from-form', async () => {
			const s = 'run book-from-form';
			const runJson = await execute(s, 'hlcExampleBook001');
			const [created] = nodeOutput(s, runJson, 'Book weekly series');
			console.log(`  output: ${JSON.stringify(created).slice(0, 600)}`);
			check(
				s,
				typeof created?.id === 'string' && created.id.length > 0,
				'outputs the created appointment with an id',
				created,
			);
			const dump = await takeDump();
			const search = dump.requests.filter(
				(r) => r.method === 'POST' && r.path === '/contacts/search',
			);
			check(
				s,
				search.length >= 1 && search[0].headers.version === '2021-07-28',
				'contact "By Email" resolved through POST /contacts/search (Version 2021-07-28)',
				search.map((r) => r.body),
			);
			const post = dump.requests.find(
				(r) => r.method === 'POST' && r.path === '/calendars/events/appointments',
			);
			const body = post?.body ?? {};
			console.log(`  POST body: ${JSON.stringify(body)}`);
			check(
				s,
				post?.status === 201 || post?.status === 200,
				'POST /calendars/events/appointments succeeded',
				post?.status,
			);
			check(
				s,
				body.contactId === SANDBOX_CONTACT_ID &&
					body.calendarId === SANDBOX_CALENDAR_ID &&
					body.locationId === SANDBOX_LOCATION_ID,
				'body names the contact found by email, the calendar and the location',
				body,
			);
			check(
				s,
				body.startTime === '2030-02-04T09:00:00-05:00' &&
					body.endTime === '2030-02-04T09:45:00-05:00',
				'times sent with the New York offset',
				{ startTime: body.startTime, endTime: body.endTime },
			);
			check(
				s,
				body.rrule === 'RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=MO;COUNT=6',
				'weekly RRULE on Mondays, with COUNT from the form',
				body.rrule,
			);
			check(
				s,
				body.ignoreFreeSlotValidation === true &&
					body.toNotify === false &&
					body.title === 'Physiotherapy (weekly)',
				'ignoreFreeSlotValidation true with the rule; toNotify false; title',
				body,
			);
		});

		// 4e. holiday-block
		await step('run holiday-block', async () => {
			const s = 'run holiday-block';
			const runJson = await execute(s, 'hlcExampleHoliday1');
			const out = nodeOutput(s, runJson, 'Block the whole day');
			console.log(
				`  output: ${JSON.stringify(out.map((b) => ({ id: b.id, title: b.title, startTime: b.startTime, endTime: b.endTime })))}`,
			);
			check(s, out.length === 3, 'one output item per holiday', out.length);
			const dump = await takeDump();
			const puts = dump.requests.filter((r) => r.method === 'PUT');
			const byPath = Object.fromEntries(puts.map((r) => [r.path, r.body]));
			const expect: Record<string, Json> = {
				'/calendars/events/block-slots/blk_holiday_christmas': {
					title: 'Christmas Day',
					startTime: '2030-12-25T00:00:00-05:00',
					endTime: '2030-12-26T00:00:00-05:00',
				},
				'/calendars/events/block-slots/blk_holiday_boxing_day': {
					title: 'Boxing Day',
					startTime: '2030-12-26T00:00:00-05:00',
					endTime: '2030-12-27T00:00:00-05:00',
				},
				'/calendars/events/block-slots/blk_holiday_new_year': {
					title: "New Year's Day",
					startTime: '2031-01-01T00:00:00-05:00',
					endTime: '2031-01-02T00:00:00-05:00',
				},
			};
			for (const [p, e] of Object.entries(expect)) {
				const got = byPath[p] ?? {};
				check(
					s,
					Object.entries(e).every(([k, v]) => got[k] === v) &&
						got.locationId === SANDBOX_LOCATION_ID &&
						got.calendarId === SANDBOX_CALENDAR_ID,
					`PUT ${p}`,
					got,
				);
			}
			check(
				s,
				puts.length === 3 && puts.every((r) => r.status >= 200 && r.status < 300),
				'three PUTs, all 2xx',
				puts.map((r) => r.status),
			);
		});

		// 4f. a partial failure, then the re-run with Duplicate Check (rerun.ts)
		await step('run re-run with Duplicate Check', async () => {
			const s = 'run re-run with Duplicate Check';
			const first = await execute(s, RERUN_WORKFLOW_ID, { expectNodeError: true });
			checkFirstRun(s, first, await takeDump());
			const again = await execute(s, RERUN_WORKFLOW_ID, { expectNodeError: true });
			checkSecondRun(s, again, await takeDump());
		});

		// 5. credential test the way the editor runs it: POST /rest/credentials/test on a running n8n
		await step('credential-test (n8n start + REST)', async () => {
			const s = 'credential-test';
			const port = await freePort();
			const bg = startBackground(
				s,
				path.join(install.nodeBinDir, 'node'),
				[install.n8nBin, 'start'],
				{ ...n8nEnv, N8N_PORT: String(port), N8N_LOG_LEVEL: 'info' },
				/Editor is now accessible|n8n ready on/i,
				180_000,
				path.join(work, 'n8n-start.log'),
			);
			try {
				await bg.first;
				const base = `http://127.0.0.1:${port}`;
				// The "ready" log line comes before the REST API is mounted ("n8n is starting up"): poll.
				const until = Date.now() + 120_000;
				for (;;) {
					const r = await fetch(`${base}/rest/settings`).catch(() => undefined);
					if (r?.ok && (r.headers.get('content-type') ?? '').includes('json')) break;
					if (currentTally().aborted) throw new StepError(s, 'the major ran out of time');
					if (Date.now() > until)
						throw new StepError(
							s,
							`n8n's REST API did not come up within 120s (log: ${path.join(work, 'n8n-start.log')})`,
						);
					await new Promise((res) => setTimeout(res, 500));
				}
				const headers: Record<string, string> = {
					'content-type': 'application/json',
					'browser-id': 'e2e-browser',
				};
				const setup = await fetch(`${base}/rest/owner/setup`, {
					method: 'POST',
					headers,
					body: JSON.stringify({
						email: 'owner@example.com',
						firstName: 'E2E',
						lastName: 'Owner',
						password: 'E2e-password-123',
					}),
				});
				if (!setup.ok)
					throw new StepError(s, `owner setup: HTTP ${setup.status} ${await setup.text()}`);
				const cookie = (setup.headers.getSetCookie?.() ?? [])
					.map((c) => c.split(';')[0])
					.join('; ');
				if (!cookie.includes('n8n-auth='))
					throw new StepError(
						s,
						`owner setup gave no n8n-auth cookie: HTTP ${setup.status} ${JSON.stringify([...setup.headers])} ${(await setup.text()).slice(0, 500)}`,
					);
				await takeDump();
				const test = async (id: string, token: string) => {
					const res = await fetch(`${base}/rest/credentials/test`, {
						method: 'POST',
						headers: { ...headers, cookie },
						body: JSON.stringify({
							credentials: {
								id,
								name: id,
								type: CRED_TYPE,
								data: {
									accessToken: token,
									locationId: SANDBOX_LOCATION_ID,
									baseUrl: sandbox.baseUrl,
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
				const bad = await test(BAD_CRED_ID, 'pit-not-a-real-token');
				console.log(`  good token: ${JSON.stringify(good)}`);
				console.log(`  bad token:  ${JSON.stringify(bad)}`);
				check(s, good?.status === 'OK', 'good token: status OK', good);
				check(s, bad?.status === 'Error', 'bad token: status Error', bad);
				// 2.x applies the credential's `rules` (responseCode 401) to the failed test request; 1.123.x
				// answers a 401 with n8n's generic NodeApiError text instead, so the rule's text is not shown.
				if (major === 2)
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
				const dump = await takeDump();
				const calls = dump.requests.filter((r) => r.method === 'GET' && r.path === '/calendars/');
				check(
					s,
					calls.length >= 2 &&
						calls.every(
							(r) =>
								r.query.locationId === SANDBOX_LOCATION_ID && r.headers.version === '2021-04-15',
						),
					'the test called GET /calendars/?locationId=... with Version 2021-04-15',
					calls.map((r) => ({ q: r.query, status: r.status })),
				);
				check(
					s,
					calls.some(
						(r) => r.headers.authorization === `Bearer ${SANDBOX_TOKEN}` && r.status === 200,
					) &&
						calls.some(
							(r) => r.headers.authorization === 'Bearer pit-not-a-real-token' && r.status === 401,
						),
					'good token answered 200, bad token 401',
					calls.map((r) => r.status),
				);
			} finally {
				await stopChild(bg.child);
			}
		});
	} finally {
		if (sandboxChild) await stopChild(sandboxChild);
		signalChildren('SIGKILL');
	}
}

async function main(tallies: Tally[]): Promise<void> {
	// Backstop for the whole run; each major also has its own deadline (below).
	const hardMs = DEADLINE_MS * MAJORS.length + 5 * 60_000;
	const hard = setTimeout(() => {
		console.error(
			`\nE2E deadline of ${hardMs / 1000}s for the whole run reached; killing children.`,
		);
		signalChildren('SIGKILL');
		process.exit(124);
	}, hardMs);
	hard.unref();

	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hlc-e2e-'));
	console.log(`work folder: ${work}; majors: ${MAJORS.join(', ')}`);
	let buildError: StepError | undefined;
	let cleanupError: StepError | undefined;
	try {
		// 1. build and pack, once for all majors
		let tarball: string;
		const started = Date.now();
		console.log('\n▶ build-and-pack');
		try {
			const packed = await buildAndPack('build-and-pack', work);
			tarball = packed.tarball;
			console.log(`  ${path.basename(tarball)}: ${packed.entryCount} files, ${packed.size} bytes`);
		} catch (e) {
			buildError = asStepError('build-and-pack', e);
			throw e;
		} finally {
			console.log(`  (${((Date.now() - started) / 1000).toFixed(1)}s)`);
		}

		for (const major of MAJORS) {
			const cfg = n8nMajor(major);
			const tally = begin(`n8n ${major}.x = n8n@${cfg.version} on node ?`, `n8n@${cfg.version}`);
			tallies.push(tally);
			refuseNewProcesses(undefined);
			const t0 = Date.now();
			let timer: NodeJS.Timeout | undefined;
			const timeout = new Promise<never>((_, reject) => {
				timer = setTimeout(() => {
					tally.aborted = true;
					refuseNewProcesses(`the ${major}.x run ran out of time`);
					signalChildren('SIGKILL');
					reject(
						new StepError(
							`${tally.tag} deadline`,
							`the ${major}.x run did not finish within ${DEADLINE_MS / 1000}s (E2E_TIMEOUT_MS); children killed`,
						),
					);
				}, DEADLINE_MS);
			});
			const runP = runMajor(major, tarball, work);
			runP.catch(() => undefined); // after a deadline its own rejection no longer matters
			try {
				await Promise.race([runP, timeout]);
			} catch (e) {
				console.error(`\n${tally.tag} FAILED at ${errorText(stop(tally, e))}`);
			} finally {
				clearTimeout(timer);
				tally.aborted = true;
				refuseNewProcesses(`the ${major}.x run has ended`);
				signalChildren('SIGKILL');
				// After a deadline the run is still unwinding: let it settle (its children are gone and it
				// can start no new ones) before the next major starts, so it cannot touch the next one.
				let settleTimer: NodeJS.Timeout | undefined;
				await Promise.race([
					runP.catch(() => undefined),
					new Promise((r) => (settleTimer = setTimeout(r, 150_000))),
				]);
				clearTimeout(settleTimer);
				signalChildren('SIGKILL');
				tally.seconds = (Date.now() - t0) / 1000;
			}
		}
	} catch (e) {
		buildError ??= asStepError('build-and-pack', e);
	} finally {
		signalChildren('SIGKILL');
		// Nothing may be left: no process in the group of any n8n, sandbox or command started here.
		// A killed process takes a moment to be gone: wait for that (bounded), not a fixed time.
		for (let waited = 0; waited < 10_000 && groupsLeftBehind().length; waited += 100)
			await sleep(100);
		const left = groupsLeftBehind();
		if (left.length) {
			console.error(`\nleft behind: process groups ${left.join(', ')}; killing`);
			for (const group of left) process.kill(-group, 'SIGKILL');
			cleanupError = new StepError(
				'cleanup',
				`process groups ${left.join(', ')} were still running after the run`,
			);
		} else console.log('\nno process left behind (n8n, sandbox, commands)');
		const ok = !buildError && !cleanupError && tallies.every(passed);
		if (!KEEP && ok) fs.rmSync(work, { recursive: true, force: true });
		else console.log(`\nkept ${work} for inspection`);
	}
	if (buildError) throw buildError;
	if (cleanupError) throw cleanupError;
}

const tallies: Tally[] = [];
main(tallies).then(
	() => report('E2E', tallies),
	(e) => report('E2E', tallies, e),
);
