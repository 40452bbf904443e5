// The `previous` variant's package: ours as it was at PREVIOUS_COMMIT, built once per commit into the
// cache (git archive of the commit, this checkout's node_modules, `npm run build`, renamed PREVIOUS,
// packed), then installed next to ours the way installCommunityPackage installs ours.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CACHE_ROOT } from '../../test/e2e/install-n8n';
import { ROOT, run } from '../../test/e2e/processes';
import { addToLedger, PREVIOUS, PREVIOUS_COMMIT } from './variants';

/** The packed package of PREVIOUS_COMMIT: from the cache, or built into it first. */
export async function previousTarball(step: string): Promise<string> {
	const dir = path.join(CACHE_ROOT, `bench-previous-${PREVIOUS_COMMIT}`);
	const tarball = path.join(dir, `${PREVIOUS}.tgz`);
	if (fs.existsSync(tarball)) return tarball;
	console.log(`  building ${PREVIOUS} from commit ${PREVIOUS_COMMIT} into ${dir}`);
	const src = path.join(dir, 'src');
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(src, { recursive: true });
	const archive = path.join(dir, 'src.tar');
	await run(step, 'git', ['archive', `--output=${archive}`, PREVIOUS_COMMIT], {
		timeoutMs: 60_000,
	});
	await run(step, 'tar', ['-xf', archive, '-C', src], { timeoutMs: 60_000 });
	fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(src, 'node_modules'));
	await run(step, 'npm', ['run', 'build'], { cwd: src, timeoutMs: 5 * 60_000 });
	const manifestFile = path.join(src, 'package.json');
	const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
	fs.writeFileSync(manifestFile, JSON.stringify({ ...manifest, name: PREVIOUS }, null, 2));
	const packed = await run(step, 'npm', ['pack', '--json'], { cwd: src, timeoutMs: 2 * 60_000 });
	const [info] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('[')));
	// Moved into place last, so a build cut short is never taken for a cached one.
	fs.renameSync(path.join(src, info.filename), tarball);
	fs.rmSync(src, { recursive: true, force: true });
	fs.rmSync(archive, { force: true });
	return tarball;
}

/**
 * Installs the tarball as the community package PREVIOUS. Its nodes only: its credential types have
 * the same names as ours, which stay the one definition of each.
 */
export async function installPrevious(step: string, userFolder: string): Promise<void> {
	const tarball = await previousTarball(step);
	const dir = path.join(userFolder, '.n8n', 'nodes', 'node_modules', PREVIOUS);
	fs.mkdirSync(dir, { recursive: true });
	await run(step, 'tar', ['-xzf', tarball, '-C', dir, '--strip-components=1'], {
		timeoutMs: 60_000,
	});
	const manifestFile = path.join(dir, 'package.json');
	const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
	for (const key of ['devDependencies', 'peerDependencies', 'optionalDependencies'])
		delete manifest[key];
	manifest.n8n.credentials = [];
	fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
	addToLedger(userFolder, PREVIOUS, manifest.version);
}
