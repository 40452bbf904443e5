// Installs a pinned real n8n into a cache folder outside the repository, under Node 24, and builds
// sqlite3 for it. Reused when the marker file from an earlier successful install is there.
//   npx tsx test/e2e/install-n8n.ts      (prints the n8n binary path)
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const N8N_VERSION = '2.40.7';
export const CACHE_DIR =
	process.env.N8N_E2E_CACHE ?? path.join(os.homedir(), '.cache', 'n8n-nodes-highlevel-calendar', `n8n-${N8N_VERSION}`);
const MARKER = path.join(CACHE_DIR, '.install-complete');

export class StepError extends Error {
	constructor(
		readonly step: string,
		message: string,
	) {
		super(`[${step}] ${message}`);
	}
}

/** Directory holding a Node 24 binary (fetched from the npm registry by npx, cached by npm). */
export function node24BinDir(): string {
	const res = spawnSync('npx', ['-y', '-p', 'node@24', '--', 'node', '-e', 'console.log(process.execPath)'], {
		encoding: 'utf8',
		timeout: 300_000,
	});
	const exe = res.stdout?.trim().split('\n').pop() ?? '';
	if (res.status !== 0 || !exe || !fs.existsSync(exe)) {
		throw new StepError('node24', `could not obtain Node 24 via npx (exit ${res.status}): ${res.stderr}`);
	}
	const version = execFileSync(exe, ['--version'], { encoding: 'utf8' }).trim();
	if (!version.startsWith('v24.')) throw new StepError('node24', `npx gave ${version}, expected v24.x`);
	return path.dirname(exe);
}

export function envWithNode(binDir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	return { ...process.env, PATH: `${binDir}${path.delimiter}${process.env.PATH}`, ...extra };
}

function run(step: string, cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, timeoutMs: number) {
	const started = Date.now();
	const res = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
	const secs = ((Date.now() - started) / 1000).toFixed(1);
	if (res.error || res.status !== 0) {
		const tail = `${res.stdout ?? ''}\n${res.stderr ?? ''}`.trim().split('\n').slice(-30).join('\n');
		throw new StepError(step, `\`${cmd} ${args.join(' ')}\` failed after ${secs}s (${res.error?.message ?? `exit ${res.status}`}):\n${tail}`);
	}
	return secs;
}

export interface N8nInstall {
	n8nBin: string;
	nodeBinDir: string;
	cached: boolean;
	seconds: number;
}

export function installN8n(log: (msg: string) => void = console.log): N8nInstall {
	const started = Date.now();
	const nodeBinDir = node24BinDir();
	const env = envWithNode(nodeBinDir);
	const n8nBin = path.join(CACHE_DIR, 'node_modules', 'n8n', 'bin', 'n8n');
	if (fs.existsSync(MARKER) && fs.existsSync(n8nBin)) {
		return { n8nBin, nodeBinDir, cached: true, seconds: (Date.now() - started) / 1000 };
	}
	log(`installing n8n@${N8N_VERSION} into ${CACHE_DIR} (cold: several minutes)`);
	fs.rmSync(CACHE_DIR, { recursive: true, force: true });
	fs.mkdirSync(CACHE_DIR, { recursive: true });
	fs.writeFileSync(
		path.join(CACHE_DIR, 'package.json'),
		JSON.stringify({ name: 'n8n-e2e-runtime', private: true, dependencies: { n8n: N8N_VERSION } }, null, 2),
	);
	// --ignore-scripts: otherwise a Kafka client's install script downloads C libraries.
	const npmSecs = run(
		'install-n8n',
		'npm',
		['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'],
		CACHE_DIR,
		env,
		15 * 60_000,
	);
	log(`npm install: ${npmSecs}s`);
	// With scripts skipped sqlite3 has no binary; build it from source (offline, ~90 s).
	const sqliteDir = path.join(CACHE_DIR, 'node_modules', 'sqlite3');
	if (!fs.existsSync(sqliteDir)) throw new StepError('build-sqlite3', `${sqliteDir} is missing after npm install`);
	const gypSecs = run('build-sqlite3', 'npx', ['-y', 'node-gyp', 'rebuild'], sqliteDir, env, 10 * 60_000);
	log(`sqlite3 node-gyp rebuild: ${gypSecs}s`);
	// Prove the binary loads under Node 24 before trusting the cache.
	run('build-sqlite3', 'node', ['-e', "require('sqlite3'); console.log('sqlite3 ok')"], CACHE_DIR, env, 60_000);
	if (!fs.existsSync(n8nBin)) throw new StepError('install-n8n', `${n8nBin} is missing after npm install`);
	const seconds = (Date.now() - started) / 1000;
	fs.writeFileSync(MARKER, JSON.stringify({ n8n: N8N_VERSION, seconds, at: new Date().toISOString() }) + '\n');
	return { n8nBin, nodeBinDir, cached: false, seconds };
}

if (require.main === module) {
	try {
		const r = installN8n();
		console.log(JSON.stringify(r));
	} catch (e) {
		console.error((e as Error).message);
		process.exit(1);
	}
}
