// Postgres and Redis for the queue-mode run, from Debian's packages, started by the test itself:
// never the system services, each on 127.0.0.1 on a free port, with its data in a throwaway folder
// of the run's work folder. Queue mode needs both: Postgres holds the executions main and the
// workers share (SQLite cannot be shared between processes), Redis holds Bull's queue of them.
// When a binary is missing it is installed with apt-get as root; otherwise the step says what to
// install. As root, Postgres runs as the `postgres` user the Debian package created (it refuses
// to run as root), through setpriv, which execs it: the process the test tracks is Postgres itself.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { StepError } from '../checks';
import { freePort, run, startBackground, stopChild } from '../processes';
import type { Teardown } from './teardown';

const PACKAGES_HINT = 'apt-get install redis-server postgresql';

export interface ServiceBinaries {
	/** Folder with initdb, postgres and psql (e.g. /usr/lib/postgresql/15/bin). */
	pgBin: string;
	redisServer: string;
	/** The Debian packages this run installed (none when they were there). */
	installed: string[];
}

/** The first `name` on PATH, as found: redis-server is a link to a multi-call binary named by argv[0]. */
function onPath(name: string): string | undefined {
	for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
		const file = path.join(dir, name);
		if (dir && fs.existsSync(file)) return file;
	}
	return undefined;
}

/** initdb on PATH (its real folder), else the newest /usr/lib/postgresql/<version>/bin. */
function findPgBin(): string | undefined {
	const complete = (dir: string) =>
		['initdb', 'postgres', 'psql'].every((f) => fs.existsSync(path.join(dir, f)));
	// Debian links initdb into /usr/local/bin or not at all; its real folder holds the rest.
	const initdb = onPath('initdb');
	const bin = initdb && path.dirname(fs.realpathSync(initdb));
	if (bin && complete(bin)) return bin;
	const root = '/usr/lib/postgresql';
	const versions = fs.existsSync(root) ? fs.readdirSync(root) : [];
	return versions
		.sort((a, b) => Number(b) - Number(a))
		.map((v) => path.join(root, v, 'bin'))
		.find(complete);
}

const findRedis = () =>
	onPath('redis-server') ??
	(fs.existsSync('/usr/bin/redis-server') ? '/usr/bin/redis-server' : undefined);

const isRoot = () => process.getuid?.() === 0;

/**
 * Step services-install: finds Postgres and Redis, installing the missing Debian packages as root.
 * Debian's maintainer scripts would start the system services; a policy-rc.d answering 101 ("not
 * allowed") stops that, as in Debian's container images. One is put in place only for the install
 * when none is there.
 */
export async function ensureServiceBinaries(step: string): Promise<ServiceBinaries> {
	const missing = [
		...(findPgBin() ? [] : ['postgresql']),
		...(findRedis() ? [] : ['redis-server']),
	];
	if (missing.length && !isRoot())
		throw new StepError(
			step,
			`${missing.join(' and ')} missing and this is not root: install them with \`${PACKAGES_HINT}\` (as root), then run again`,
		);
	if (missing.length) {
		const policy = '/usr/sbin/policy-rc.d';
		const ownPolicy = !fs.existsSync(policy);
		if (ownPolicy) fs.writeFileSync(policy, '#!/bin/sh\nexit 101\n', { mode: 0o755 });
		try {
			console.log(`  installing ${missing.join(', ')} from Debian's packages (apt-get, as root)`);
			const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
			const install = () =>
				run(step, 'apt-get', ['install', '-y', '--no-install-recommends', ...missing], {
					env,
					timeoutMs: 10 * 60_000,
					allowFail: true,
				});
			let r = await install();
			if (r.code !== 0) {
				// Most often the package lists are missing or stale (a fresh container): update, retry.
				await run(step, 'apt-get', ['update'], { env, timeoutMs: 5 * 60_000 });
				r = await install();
			}
			if (r.code !== 0)
				throw new StepError(
					step,
					`\`apt-get install ${missing.join(' ')}\` exited ${r.code}:\n${r.stderr.slice(-2000)}`,
				);
		} finally {
			if (ownPolicy) fs.rmSync(policy, { force: true });
		}
	}
	const pgBin = findPgBin();
	const redisServer = findRedis();
	if (!pgBin || !redisServer)
		throw new StepError(
			step,
			`${pgBin ? '' : 'initdb/postgres/psql '}${redisServer ? '' : 'redis-server '}not found after the install; \`${PACKAGES_HINT}\``,
		);
	return { pgBin, redisServer, installed: missing };
}

export interface Postgres {
	port: number;
	user: string;
	password: string;
	database: string;
	/** Runs SQL through psql (unix socket of the throwaway folder); returns its unaligned output. */
	query(step: string, sql: string): Promise<string>;
	/** Runs a query whose single value is JSON (e.g. `select json_agg(...)`), parsed. */
	json<T>(step: string, sql: string): Promise<T>;
}

/** uid and gid of a user from /etc/passwd (the Debian package's `postgres`). */
function userIds(name: string): { uid: number; gid: number } | undefined {
	const line = fs
		.readFileSync('/etc/passwd', 'utf8')
		.split('\n')
		.find((l) => l.startsWith(`${name}:`));
	if (!line) return undefined;
	const [, , uid, gid] = line.split(':');
	return { uid: Number(uid), gid: Number(gid) };
}

/**
 * Steps start-postgres: initdb into `<work>/postgres` (superuser n8n with a random password over
 * TCP, trust on the folder's own unix socket), then postgres on 127.0.0.1:<free port>, durability
 * off (throwaway data), and the n8n database created. Stopped by `teardown` with a fast shutdown.
 */
export async function startPostgres(
	step: string,
	work: string,
	pgBin: string,
	teardown: Teardown,
): Promise<Postgres> {
	const dir = path.join(work, 'postgres');
	const data = path.join(dir, 'data');
	fs.mkdirSync(dir, { recursive: true });
	const password = `pg-${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
	fs.writeFileSync(path.join(dir, 'pwfile'), `${password}\n`, { mode: 0o600 });
	let asUser: string[] = [];
	if (isRoot()) {
		const ids = userIds('postgres');
		if (!ids)
			throw new StepError(step, `no \`postgres\` user to run Postgres as (\`${PACKAGES_HINT}\`)`);
		fs.chmodSync(work, 0o755); // mkdtemp made it 0700: postgres must reach its folder
		for (const f of [dir, path.join(dir, 'pwfile')]) fs.chownSync(f, ids.uid, ids.gid);
		asUser = ['setpriv', '--reuid=postgres', '--regid=postgres', '--init-groups', '--'];
	}
	// Through sh: the cwd postgres may enter, and its log (stderr) on stdout, where the ready line is read.
	const inDir = (args: string[]) => [
		...asUser,
		'sh',
		'-c',
		'cd "$0" && exec "$@" 2>&1',
		dir,
		...args,
	];
	const [cmd, ...initArgs] = inDir([
		path.join(pgBin, 'initdb'),
		`--pgdata=${data}`,
		'--username=n8n',
		`--pwfile=${path.join(dir, 'pwfile')}`,
		'--auth-local=trust',
		'--auth-host=scram-sha-256',
		'--encoding=UTF8',
		'--no-locale',
	]);
	await run(step, cmd, initArgs, { timeoutMs: 180_000 });
	const port = await freePort();
	const [pgCmd, ...pgArgs] = inDir([
		path.join(pgBin, 'postgres'),
		'-D',
		data,
		'-p',
		String(port),
		'-c',
		'listen_addresses=127.0.0.1',
		'-c',
		`unix_socket_directories=${dir}`,
		'-c',
		'fsync=off',
		'-c',
		'synchronous_commit=off',
		'-c',
		'full_page_writes=off',
	]);
	const pg = startBackground(
		step,
		pgCmd,
		pgArgs,
		process.env,
		/database system is ready to accept connections/,
		180_000,
		path.join(work, 'logs', 'postgres.log'),
	);
	teardown.add('postgres', async () => {
		await stopChild(pg.child, 60_000, 'SIGINT');
		await pg.logged; // its last line ("database system is shut down") is checked from the file
	});
	await pg.first;
	const psql = (stepName: string, database: string, sql: string) =>
		run(
			stepName,
			path.join(pgBin, 'psql'),
			[
				'-X',
				'-A',
				'-t',
				'-q',
				'-v',
				'ON_ERROR_STOP=1',
				'-h',
				dir,
				'-p',
				String(port),
				'-U',
				'n8n',
				'-d',
				database,
				'-c',
				sql,
			],
			{ timeoutMs: 60_000 },
		);
	await psql(step, 'postgres', 'CREATE DATABASE n8n');
	console.log(
		`  postgres ${path.basename(path.dirname(pgBin))} on 127.0.0.1:${port} (data in ${data})`,
	);
	const query = async (stepName: string, sql: string) =>
		(await psql(stepName, 'n8n', sql)).stdout.trim();
	return {
		port,
		user: 'n8n',
		password,
		database: 'n8n',
		query,
		json: async <T>(stepName: string, sql: string) =>
			JSON.parse((await query(stepName, sql)) || 'null') as T,
	};
}

/**
 * Step start-redis: redis-server on 127.0.0.1:<free port>, its folder `<work>/redis`, nothing
 * saved (no RDB, no AOF). Stopped by `teardown` (SIGTERM: a clean shutdown).
 */
export async function startRedis(
	step: string,
	work: string,
	redisServer: string,
	teardown: Teardown,
): Promise<{ port: number }> {
	const dir = path.join(work, 'redis');
	fs.mkdirSync(dir, { recursive: true });
	const port = await freePort();
	const redis = startBackground(
		step,
		redisServer,
		[
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--save',
			'',
			'--appendonly',
			'no',
			'--dir',
			dir,
			'--daemonize',
			'no',
		],
		process.env,
		/Ready to accept connections/,
		60_000,
		path.join(work, 'logs', 'redis.log'),
	);
	teardown.add('redis', () => stopChild(redis.child, 30_000));
	await redis.first;
	console.log(`  redis on 127.0.0.1:${port} (folder ${dir})`);
	return { port };
}
