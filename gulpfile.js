// The build: compile TypeScript into dist/, bundle the node with what it imports (rrule) so the
// package needs nothing at run time but n8n-workflow, and copy what tsc does not (icons, codex).
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { src, dest, series } = require('gulp');

const NODE_DIR = path.join('dist', 'nodes', 'HighLevelCalendar');
const NODE_ENTRY = path.join(NODE_DIR, 'HighLevelCalendar.node.js');

function clean(done) {
	fs.rmSync('dist', { recursive: true, force: true });
	done();
}

function compile(done) {
	const tsc = spawn(
		process.execPath,
		[require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json'],
		{
			stdio: 'inherit',
		},
	);
	tsc.on('close', (code) => done(code === 0 ? undefined : new Error(`tsc exited with ${code}`)));
}

async function bundle() {
	await require('esbuild').build({
		entryPoints: [NODE_ENTRY],
		outfile: NODE_ENTRY,
		allowOverwrite: true,
		bundle: true,
		platform: 'node',
		format: 'cjs',
		target: 'node18',
		// Provided by n8n itself (the package's only peer dependency).
		external: ['n8n-workflow'],
		logLevel: 'warning',
	});
	// Everything the node imported now lives in the bundle. No type declarations are emitted: n8n
	// needs none, and n8n's package scanner refuses a `*.credentials.d.ts` file name.
	for (const folder of ['resources', 'shared', 'listSearch']) {
		fs.rmSync(path.join(NODE_DIR, folder), { recursive: true, force: true });
	}
	fs.rmSync(`${NODE_ENTRY}.map`, { force: true });
}

function copyAssets() {
	return src(['nodes/**/*.{svg,png,json}', 'credentials/**/*.{svg,png}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

exports.build = series(clean, compile, bundle, copyAssets);
exports.default = exports.build;
