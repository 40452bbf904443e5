// The build: compile TypeScript into dist/, bundle the one module that imports rrule with it so
// the package needs nothing at run time but n8n-workflow, and copy what tsc does not (icons, codex).
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { src, dest, series } = require('gulp');

// The one module that imports rrule (see its own comment): bundled alone, in place.
const RRULE_MODULE = path.join(
	'dist',
	'nodes',
	'HighLevelCalendar',
	'resources',
	'appointment',
	'recurrence',
	'rrule.js',
);

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
		entryPoints: [RRULE_MODULE],
		outfile: RRULE_MODULE,
		allowOverwrite: true,
		bundle: true,
		platform: 'node',
		format: 'cjs',
		target: 'node18',
		logLevel: 'warning',
	});
	// tsconfig.json emits no source maps and no type declarations: n8n needs none, and n8n's
	// package scanner refuses a `*.credentials.d.ts` file name.
}

function copyAssets() {
	return src(['nodes/**/*.{svg,png,json}', 'credentials/**/*.{svg,png}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

exports.build = series(clean, compile, bundle, copyAssets);
exports.default = exports.build;
