/**
 * The published artifact: `npm pack` of the built package, installed where only n8n-workflow can be
 * resolved (as in n8n's ~/.n8n/nodes), still loads and builds a recurrence (rrule is bundled).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ICredentialType, INodeType } from 'n8n-workflow';
import { runNode } from './engine/harness/harness';
import { startPoller } from './engine/harness/poller';
import {
	SANDBOX_CALENDAR_ID,
	SANDBOX_CONTACT_ID,
	SANDBOX_LOCATION_ID,
	SANDBOX_TOKEN,
	startSandbox,
} from './sandbox';

const root = path.resolve(__dirname, '..');
let installDir: string;
let packageDir: string;

beforeAll(() => {
	installDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hlc-pack-'));
	const packed = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--pack-destination', installDir], {
			cwd: root,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore'],
		}),
	) as Array<{ filename: string }>;
	const modules = path.join(installDir, 'node_modules');
	packageDir = path.join(modules, 'n8n-nodes-highlevel-calendar');
	fs.mkdirSync(packageDir, { recursive: true });
	execFileSync('tar', [
		'-xzf',
		path.join(installDir, packed[0].filename),
		'-C',
		packageDir,
		'--strip-components=1',
	]);
	// What n8n provides to community packages; nothing else is there.
	fs.symlinkSync(
		path.join(root, 'node_modules', 'n8n-workflow'),
		path.join(modules, 'n8n-workflow'),
	);
}, 60_000);

afterAll(() => fs.rmSync(installDir, { recursive: true, force: true }));

it('declares no runtime dependencies, only the n8n-workflow peer', () => {
	const manifest = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
	expect(manifest.dependencies).toBeUndefined();
	expect(manifest.peerDependencies).toEqual({ 'n8n-workflow': '*' });
	expect(manifest.n8n.nodes).toEqual([
		'dist/nodes/HighLevelCalendar/HighLevelCalendar.node.js',
		'dist/nodes/HighLevelCalendarTrigger/HighLevelCalendarTrigger.node.js',
		'dist/nodes/HighLevelCalendarInstantTrigger/HighLevelCalendarInstantTrigger.node.js',
	]);
	expect(fs.existsSync(path.join(installDir, 'node_modules', 'rrule'))).toBe(false);
	expect(() => require.resolve('rrule', { paths: [packageDir] })).toThrow();
});

it("its entry point (package.json's main) exports the three nodes and both credentials", () => {
	const entry = require(packageDir);
	const manifest = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
	const declared = [...manifest.n8n.nodes, ...manifest.n8n.credentials].map(
		(file: string) => path.basename(file).split('.')[0],
	);
	expect(Object.keys(entry).sort()).toEqual([...declared].sort());
	for (const name of declared) expect(typeof entry[name]).toBe('function');
});

it('loads there and books a weekly series built from fields', async () => {
	const { HighLevelCalendar } = require(
		path.join(packageDir, 'dist/nodes/HighLevelCalendar/HighLevelCalendar.node.js'),
	);
	const { HighLevelCalendarApi } = require(
		path.join(packageDir, 'dist/credentials/HighLevelCalendarApi.credentials.js'),
	);
	const sandbox = await startSandbox();
	try {
		const { items, error } = await runNode({
			nodeType: new HighLevelCalendar() as INodeType,
			credentialType: new HighLevelCalendarApi() as ICredentialType,
			credentials: {
				accessToken: SANDBOX_TOKEN,
				locationId: SANDBOX_LOCATION_ID,
				baseUrl: sandbox.baseUrl,
			},
			parameters: {
				resource: 'appointment',
				operation: 'create',
				calendarId: SANDBOX_CALENDAR_ID,
				contactId: SANDBOX_CONTACT_ID,
				startTime: '2031-03-03T09:00:00',
				recurrence: 'build',
				frequency: 'weekly',
				interval: 1,
				weekdays: ['MO', 'WE'],
				recurrenceEnd: 'count',
				count: 4,
				recurrenceSummary: true,
				options: { timeZone: 'America/New_York' },
			},
		});
		expect(error).toBeUndefined();
		expect(sandbox.requests[0].body).toMatchObject({
			rrule: 'RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,WE;COUNT=4',
			ignoreFreeSlotValidation: true,
			startTime: '2031-03-03T09:00:00-05:00',
		});
		expect(items[0].json).toMatchObject({
			isRecurring: true,
			recurrence: { rule: 'RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,WE;COUNT=4' },
		});
	} finally {
		await sandbox.close();
	}
});

it('the trigger and the action node spend one budget per location (one module instance, as n8n loads them)', async () => {
	const load = (file: string) => require(path.join(packageDir, 'dist', file));
	const { HighLevelCalendar } = load('nodes/HighLevelCalendar/HighLevelCalendar.node.js');
	const { HighLevelCalendarTrigger } = load(
		'nodes/HighLevelCalendarTrigger/HighLevelCalendarTrigger.node.js',
	);
	const { HighLevelCalendarApi } = load('credentials/HighLevelCalendarApi.credentials.js');
	// 4 requests per 300 ms: the node learns it from the first answer's headers.
	const sandbox = await startSandbox({ rateLimit: { max: 4, windowMs: 300, dailyMax: 10_000 } });
	const credentials = {
		accessToken: SANDBOX_TOKEN,
		locationId: SANDBOX_LOCATION_ID,
		baseUrl: sandbox.baseUrl,
	};
	const getMany = (count: number) =>
		runNode({
			nodeType: new HighLevelCalendar() as INodeType,
			credentialType: new HighLevelCalendarApi() as ICredentialType,
			credentials,
			parameters: {
				resource: 'calendar',
				operation: 'get',
				calendarId: SANDBOX_CALENDAR_ID,
			},
			items: Array.from({ length: count }, () => ({})),
		});
	const firstPoll = () =>
		startPoller({
			nodeType: new HighLevelCalendarTrigger() as INodeType,
			credentialType: new HighLevelCalendarApi() as ICredentialType,
			credentials,
			parameters: {
				watch: 'calendar',
				calendarId: SANDBOX_CALENDAR_ID,
				events: ['appointmentBooked'],
			},
		}).poll();
	try {
		await getMany(1);
		// The learning request's window passes, for the sandbox and the node alike.
		await new Promise((resolve) => setTimeout(resolve, 300));
		sandbox.resetStats();
		// 8 gets and four triggers' first polls (2 requests each), all at once: 16 requests.
		const [{ error }] = await Promise.all([
			getMany(8),
			firstPoll(),
			firstPoll(),
			firstPoll(),
			firstPoll(),
		]);
		expect(error).toBeUndefined();
		// Two budgets would each send 4 per window: every window 4 refused, 8 or more in all.
		// One budget: none, or one window's worth when a loaded machine delays a window's sends.
		expect(sandbox.stats.rateLimited).toBeLessThanOrEqual(4);
		expect(sandbox.stats.received).toBe(16 + sandbox.stats.rateLimited);
	} finally {
		await sandbox.close();
	}
});
