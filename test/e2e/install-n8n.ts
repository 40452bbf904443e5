// Installs a pinned real n8n into a cache folder outside the repository (one folder per version), and
// builds sqlite3 for the Node it will run under. Reused when the marker file from an earlier successful
// install is there.
//   npx tsx test/e2e/install-n8n.ts              n8n 2.41.1 under Node 24 (prints the result as JSON)
//   npx tsx test/e2e/install-n8n.ts 1            n8n 1.123.81 under this machine's Node 20
//   npx tsx test/e2e/install-n8n.ts 1.123.81     any version, under this machine's Node
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { StepError } from './checks';

export const N8N_VERSION = '2.41.1';
/** Newest n8n 1.x (`npm view n8n@1.123 version`); its engines say node ">=20.19 <= 24.x". */
export const N8N_V1_VERSION = '1.123.81';
/**
 * n8n-nodes-base 1.x depends on `xlsx` as a tarball URL on cdn.sheetjs.com, which these machines
 * cannot reach (npm install fails with ENOTFOUND). npm `overrides` put the registry's last xlsx
 * (0.18.5) in its place; only the Spreadsheet File / Extract from File / Convert to File nodes use it,
 * none of which the e2e workflows run. n8n 2.x no longer depends on xlsx.
 */
export const N8N_V1_OVERRIDES: Record<string, string> = { xlsx: '0.18.5' };
export const CACHE_ROOT = path.join(os.homedir(), '.cache', 'n8n-nodes-highlevel-calendar');
/** The cache folder of one n8n version: ~/.cache/n8n-nodes-highlevel-calendar/n8n-<version>. */
export function cacheDirFor(version: string): string {
	return path.join(CACHE_ROOT, `n8n-${version}`);
}
export const CACHE_DIR = process.env.N8N_E2E_CACHE ?? cacheDirFor(N8N_VERSION);

/**
 * Directory holding a Node 24 binary (the `node` package from the npm registry, run by npx, cached by
 * npm). That package installs its binary in an install script, so npx must run outside this
 * repository, whose .npmrc skips scripts (and `npm run` passes that setting on in the environment);
 * otherwise its `node` is a stub that falls through to the machine's Node 20. A cached copy that was
 * installed without its script is removed and fetched again, once.
 */
export function node24BinDir(): string {
	const npx = () =>
		spawnSync('npx', ['-y', '-p', 'node@24', '--', 'node', '-e', 'console.log(process.execPath)'], {
			encoding: 'utf8',
			timeout: 300_000,
			cwd: os.tmpdir(),
			env: { ...process.env, npm_config_ignore_scripts: 'false' },
		});
	for (let attempt = 1; ; attempt++) {
		const res = npx();
		const exe = res.stdout?.trim().split('\n').pop() ?? '';
		if (res.status !== 0 || !exe || !fs.existsSync(exe)) {
			throw new StepError(
				'node24',
				`could not obtain Node 24 via npx (exit ${res.status}): ${res.stderr}`,
			);
		}
		const version = execFileSync(exe, ['--version'], { encoding: 'utf8' }).trim();
		if (version.startsWith('v24.')) return path.dirname(exe);
		const npxEntry = exe.match(/^(.*\/_npx\/[^/]+)\//)?.[1];
		if (attempt > 1 || !npxEntry) {
			throw new StepError(
				'node24',
				`npx gave ${version} (${exe}), expected v24.x: remove ${npxEntry ?? 'its npx cache entry'} and retry`,
			);
		}
		fs.rmSync(npxEntry, { recursive: true, force: true });
	}
}

export function envWithNode(binDir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	return { ...process.env, PATH: `${binDir}${path.delimiter}${process.env.PATH}`, ...extra };
}

function run(
	step: string,
	cmd: string,
	args: string[],
	cwd: string,
	env: NodeJS.ProcessEnv,
	timeoutMs: number,
) {
	const started = Date.now();
	const res = spawnSync(cmd, args, {
		cwd,
		env,
		encoding: 'utf8',
		timeout: timeoutMs,
		maxBuffer: 64 * 1024 * 1024,
	});
	const secs = ((Date.now() - started) / 1000).toFixed(1);
	if (res.error || res.status !== 0) {
		const tail = `${res.stdout ?? ''}\n${res.stderr ?? ''}`
			.trim()
			.split('\n')
			.slice(-30)
			.join('\n');
		throw new StepError(
			step,
			`\`${cmd} ${args.join(' ')}\` failed after ${secs}s (${res.error?.message ?? `exit ${res.status}`}):\n${tail}`,
		);
	}
	return secs;
}

export interface N8nInstall {
	n8nBin: string;
	nodeBinDir: string;
	cached: boolean;
	seconds: number;
}

export interface N8nVersionInstall extends N8nInstall {
	version: string;
	cacheDir: string;
	/** `node --version` of nodeBinDir. */
	nodeVersion: string;
}

/** Directory of the Node running this process (Node 20 on this machine kind): what n8n 1.x runs on. */
export function currentNodeBinDir(): string {
	return path.dirname(process.execPath);
}

/** The n8n version and the Node each supported major runs under. */
export function n8nMajor(major: 1 | 2): {
	major: 1 | 2;
	version: string;
	nodeBinDir: () => string;
	cacheDir: string;
	overrides?: Record<string, string>;
} {
	return major === 2
		? { major, version: N8N_VERSION, nodeBinDir: node24BinDir, cacheDir: CACHE_DIR }
		: {
				major,
				version: N8N_V1_VERSION,
				nodeBinDir: currentNodeBinDir,
				cacheDir: cacheDirFor(N8N_V1_VERSION),
				overrides: N8N_V1_OVERRIDES,
			};
}

/**
 * Installs n8n@version into cacheDir (default: cacheDirFor(version)) for the Node in nodeBinDir:
 * `npm install --ignore-scripts`, then sqlite3 built from source with `npx node-gyp rebuild`, then a
 * marker file. Reused when the marker is there (and, if the marker names a Node major, it matches).
 */
export function installN8nVersion(opts: {
	version: string;
	nodeBinDir: string;
	cacheDir?: string;
	/** npm `overrides` for the cache folder's package.json (e.g. N8N_V1_OVERRIDES). */
	overrides?: Record<string, string>;
	log?: (msg: string) => void;
}): N8nVersionInstall {
	const started = Date.now();
	const { version, nodeBinDir } = opts;
	const log = opts.log ?? console.log;
	const cacheDir = opts.cacheDir ?? cacheDirFor(version);
	const marker = path.join(cacheDir, '.install-complete');
	const env = envWithNode(nodeBinDir);
	const nodeExe = path.join(nodeBinDir, 'node');
	let nodeVersion: string;
	try {
		nodeVersion = execFileSync(nodeExe, ['--version'], { encoding: 'utf8' }).trim();
	} catch (e) {
		throw new StepError('install-n8n', `no usable node in ${nodeBinDir}: ${(e as Error).message}`);
	}
	const nodeMajor = nodeVersion.replace(/^v/, '').split('.')[0];
	const n8nBin = path.join(cacheDir, 'node_modules', 'n8n', 'bin', 'n8n');
	if (fs.existsSync(marker) && fs.existsSync(n8nBin)) {
		let built: string | undefined;
		try {
			built = JSON.parse(fs.readFileSync(marker, 'utf8')).node;
		} catch {
			/* an older marker: trust it as before */
		}
		if (!built || built.replace(/^v/, '').split('.')[0] === nodeMajor) {
			checkEngines(cacheDir, version, nodeVersion);
			return {
				version,
				cacheDir,
				n8nBin,
				nodeBinDir,
				nodeVersion,
				cached: true,
				seconds: (Date.now() - started) / 1000,
			};
		}
		log(`${cacheDir} was built for Node ${built}, not ${nodeVersion}: reinstalling`);
	}
	log(`installing n8n@${version} into ${cacheDir} for Node ${nodeVersion} (cold: several minutes)`);
	fs.rmSync(cacheDir, { recursive: true, force: true });
	fs.mkdirSync(cacheDir, { recursive: true });
	fs.writeFileSync(
		path.join(cacheDir, 'package.json'),
		JSON.stringify(
			{
				name: 'n8n-e2e-runtime',
				private: true,
				dependencies: { n8n: version },
				...(opts.overrides ? { overrides: opts.overrides } : {}),
			},
			null,
			2,
		),
	);
	if (opts.overrides) log(`npm overrides: ${JSON.stringify(opts.overrides)}`);
	// --ignore-scripts: otherwise a Kafka client's install script downloads C libraries.
	const npmSecs = run(
		'install-n8n',
		'npm',
		['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'],
		cacheDir,
		env,
		15 * 60_000,
	);
	log(`npm install: ${npmSecs}s`);
	checkEngines(cacheDir, version, nodeVersion);
	// With scripts skipped sqlite3 has no binary; build it from source (offline, ~90 s).
	const sqliteDir = path.join(cacheDir, 'node_modules', 'sqlite3');
	if (!fs.existsSync(sqliteDir))
		throw new StepError('build-sqlite3', `${sqliteDir} is missing after npm install`);
	const gypSecs = run(
		'build-sqlite3',
		'npx',
		['-y', 'node-gyp', 'rebuild'],
		sqliteDir,
		env,
		10 * 60_000,
	);
	log(`sqlite3 node-gyp rebuild: ${gypSecs}s`);
	// Prove the binary loads under this Node before trusting the cache.
	run(
		'build-sqlite3',
		'node',
		['-e', "require('sqlite3'); console.log('sqlite3 ok')"],
		cacheDir,
		env,
		60_000,
	);
	if (!fs.existsSync(n8nBin))
		throw new StepError('install-n8n', `${n8nBin} is missing after npm install`);
	const seconds = (Date.now() - started) / 1000;
	fs.writeFileSync(
		marker,
		JSON.stringify({
			n8n: version,
			node: nodeVersion,
			overrides: opts.overrides,
			seconds,
			npmSecs: Number(npmSecs),
			gypSecs: Number(gypSecs),
			at: new Date().toISOString(),
		}) + '\n',
	);
	return { version, cacheDir, n8nBin, nodeBinDir, nodeVersion, cached: false, seconds };
}

/** Fails early, naming the step, when the Node does not satisfy n8n's own `engines.node`. */
function checkEngines(cacheDir: string, version: string, nodeVersion: string): void {
	const modules = path.join(cacheDir, 'node_modules');
	let range: string | undefined;
	try {
		range = JSON.parse(fs.readFileSync(path.join(modules, 'n8n', 'package.json'), 'utf8')).engines
			?.node;
	} catch {
		return;
	}
	if (!range) return;
	let satisfies: ((v: string, r: string) => boolean) | undefined;
	try {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		satisfies = require(path.join(modules, 'semver')).satisfies;
	} catch {
		return; // no semver next to n8n: skip the check rather than guess
	}
	if (satisfies && !satisfies(nodeVersion, range)) {
		throw new StepError(
			'install-n8n',
			`n8n@${version} requires node ${range}; ${nodeVersion} does not satisfy it`,
		);
	}
}

export function installN8n(log: (msg: string) => void = console.log): N8nInstall {
	const started = Date.now();
	const nodeBinDir = node24BinDir();
	const r = installN8nVersion({ version: N8N_VERSION, nodeBinDir, cacheDir: CACHE_DIR, log });
	return {
		n8nBin: r.n8nBin,
		nodeBinDir: r.nodeBinDir,
		cached: r.cached,
		seconds: (Date.now() - started) / 1000,
	};
}

/** The n8n of one supported major, installed (or found in the cache) under its Node. */
export function installN8nMajor(major: 1 | 2, log: (msg: string) => void = console.log) {
	const cfg = n8nMajor(major);
	if (major === 2) return { ...installN8n(log), cacheDir: cfg.cacheDir };
	return installN8nVersion({
		version: cfg.version,
		nodeBinDir: cfg.nodeBinDir(),
		overrides: cfg.overrides,
		log,
	});
}

if (require.main === module) {
	try {
		const arg = process.argv[2];
		const r =
			!arg || arg === '2'
				? installN8n()
				: arg === '1'
					? installN8nVersion({
							version: N8N_V1_VERSION,
							nodeBinDir: currentNodeBinDir(),
							overrides: N8N_V1_OVERRIDES,
						})
					: installN8nVersion({ version: arg, nodeBinDir: currentNodeBinDir() });
		console.log(JSON.stringify(r));
	} catch (e) {
		console.error((e as Error).message);
		process.exit(1);
	}
}
