// `npm run dev`: try the node in a real n8n in one command. Builds and packs the package, installs
// the pinned n8n (cached, see install-n8n.ts), installs the package as a community package in a
// fresh user folder, starts the HighLevel sandbox with sample calendars, users and contacts,
// imports a ready "HighLevel sandbox" credential and the example workflows, starts n8n on
// 127.0.0.1 with an owner account, and prints the editor URL. Ctrl-C stops everything.
//
// Stopping: SIGINT or SIGTERM to this process or to the npm process that runs it (a process manager
// signals npm only) stops n8n and the sandbox (SIGTERM, then SIGKILL to what is left after 15 s),
// waits until every process group it started is gone, removes the work folder and exits 0. The
// package.json script is `exec node --import tsx dev/dev.ts`: npm forwards SIGINT and SIGTERM to its
// child, the script's shell; dash (Debian's sh) does not exec the command itself, dies of SIGTERM
// without passing it on and ignores SIGINT while it waits, so without `exec` the signal never
// arrived here. And not through the tsx wrapper: it passes a signal on, then SIGKILLs its child if
// the child does not acknowledge it within 30 ms (a loaded machine), and a SIGKILLed dev.ts cannot
// stop n8n.
//
// For the e2e (scenarios/devStop.ts): HLC_DEV_TARBALL=<packed .tgz> skips the build and pack;
// HLC_DEV_PID_FILE=<file> gets this process's pid and that of every child (its own process group)
// as it starts, one a line.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SANDBOX_LOCATION_ID, SANDBOX_TOKEN } from '../test/sandbox';
import { StepError } from '../test/e2e/checks';
import { installN8n } from '../test/e2e/install-n8n';
import {
	buildAndPack,
	installCommunityPackage,
	n8nEnvironment,
	startSandboxProcess,
} from '../test/e2e/n8nSetup';
import {
	freePort,
	groupsLeftBehind,
	killChildrenOnExit,
	onChildStarted,
	refuseNewProcesses,
	ROOT,
	run,
	signalGroups,
	sleep,
	startBackground,
} from '../test/e2e/processes';

const CREDENTIAL_ID = 'hlcExampleCred01'; // the id the examples reference
const OWNER = {
	email: 'owner@example.com',
	firstName: 'Dev',
	lastName: 'Owner',
	password: 'Dev-password-123',
};

let stopping = false;
/** The work folder (package, n8n's user folder, logs): removed on a clean stop, kept after a failure. */
let workFolder: string | undefined;

/** Waits until no process group started here has a live member, for at most `ms`. */
async function groupsGone(ms: number): Promise<boolean> {
	const until = Date.now() + ms;
	while (groupsLeftBehind().length && Date.now() < until) await sleep(100);
	return groupsLeftBehind().length === 0;
}

/**
 * Stops everything started here: no new child from now on, SIGTERM to every process group (n8n
 * shuts down gracefully), SIGKILL to what is still running after 15 s; exits once all are gone.
 */
async function shutDown(code: number): Promise<void> {
	if (stopping) return; // n8n exiting because we stopped it is not a failure
	stopping = true;
	refuseNewProcesses('npm run dev is stopping');
	signalGroups('SIGTERM');
	if (!(await groupsGone(15_000))) {
		signalGroups('SIGKILL');
		if (!(await groupsGone(5_000))) {
			console.error(`process groups ${groupsLeftBehind().join(', ')} did not stop`);
			code ||= 1;
		}
	}
	if (workFolder && code === 0) fs.rmSync(workFolder, { recursive: true, force: true });
	else if (workFolder) console.error(`kept ${workFolder} (logs) for inspection`);
	process.exit(code);
}
killChildrenOnExit({ onSignal: () => void shutDown(0) });

const pidFile = process.env.HLC_DEV_PID_FILE;
if (pidFile) {
	fs.writeFileSync(pidFile, `${process.pid}\n`);
	onChildStarted((pid) => fs.appendFileSync(pidFile, `${pid}\n`));
}

const TEN_MINUTES = 10 * 60_000;

async function waitForEditor(base: string): Promise<void> {
	const until = Date.now() + 180_000;
	while (Date.now() < until) {
		const response = await fetch(`${base}/rest/settings`).catch(() => undefined);
		if (response?.ok) return;
		await sleep(500);
	}
	throw new StepError('start-n8n', `n8n did not answer on ${base} within 180 s`);
}

async function main(): Promise<void> {
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hlc-dev-'));
	workFolder = work;
	const userFolder = path.join(work, 'user');
	let tarball = process.env.HLC_DEV_TARBALL;
	if (!tarball) {
		console.log('Building and packing the package ...');
		tarball = (await buildAndPack('build', work)).tarball;
	}

	console.log(
		'Installing the pinned n8n (cached after the first time; the first time takes about 4 minutes) ...',
	);
	const install = installN8n((message) => console.log(`  ${message}`));
	await installCommunityPackage('install-package', tarball, userFolder);

	// Appointments around now, so every example shows output when run from the editor.
	process.env.SANDBOX_SEED = 'around-now';
	const { baseUrl } = await startSandboxProcess('start-sandbox', work);

	const port = await freePort(5678);
	const env = n8nEnvironment(install.nodeBinDir, {
		userFolder,
		encryptionKey: 'dev-highlevel-calendar-encryption-key',
		brokerPort: await freePort(port + 1),
		extra: { N8N_PORT: String(port) },
	});
	const n8n = (step: string, args: string[]) =>
		run(step, path.join(install.nodeBinDir, 'node'), [install.n8nBin, ...args], {
			env,
			cwd: work,
			timeoutMs: TEN_MINUTES,
		});

	const credentials = [
		{
			id: CREDENTIAL_ID,
			name: 'HighLevel sandbox',
			type: 'highLevelCalendarApi',
			data: { accessToken: SANDBOX_TOKEN, locationId: SANDBOX_LOCATION_ID, baseUrl },
		},
	];
	fs.writeFileSync(path.join(work, 'credentials.json'), JSON.stringify(credentials, null, 2));
	await n8n('import-credential', [
		'import:credentials',
		`--input=${path.join(work, 'credentials.json')}`,
	]);
	// One import for all examples: each n8n command takes a while to boot.
	const examples = path.join(work, 'examples');
	fs.mkdirSync(examples);
	for (const file of fs.readdirSync(path.join(ROOT, 'examples')).filter((f) => f.endsWith('.json')))
		fs.copyFileSync(path.join(ROOT, 'examples', file), path.join(examples, file));
	await n8n('import-examples', ['import:workflow', '--separate', `--input=${examples}`]);

	console.log('Starting n8n ...');
	// Never "ready" by a line (n8n's wording differs between versions): it is ready when its REST API answers.
	const n8nProcess = startBackground(
		'start-n8n',
		path.join(install.nodeBinDir, 'node'),
		[install.n8nBin, 'start'],
		env,
		/a^/,
		2 ** 31 - 1,
		path.join(work, 'n8n.log'),
	);
	n8nProcess.child.once('close', (code) => {
		if (stopping) return;
		console.error(`n8n exited (${code}); see ${path.join(work, 'n8n.log')}`);
		void shutDown(1);
	});
	const editor = `http://127.0.0.1:${port}`;
	await waitForEditor(editor);
	const setup = await fetch(`${editor}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(OWNER),
	});
	if (!setup.ok) throw new StepError('owner-setup', `HTTP ${setup.status} ${await setup.text()}`);

	console.log(`
HighLevel Calendar is ready to try.
  Editor:      ${editor}   (log in as ${OWNER.email} / ${OWNER.password})
  Credential:  "HighLevel sandbox", pointing at the embedded HighLevel sandbox ${baseUrl}
  Workflows:   the examples from examples/ are imported
  Logs:        ${work} (removed when you stop)
Press Ctrl-C to stop n8n and the sandbox.`);
	await new Promise(() => {});
}

main().catch((error: Error) => {
	if (stopping) return; // a step cut short by the stop is not a failure
	console.error(`\ndev setup FAILED ${error.message}`);
	void shutDown(1);
});
