// The build: compile TypeScript into dist/, then copy what tsc does not (icons, codex files).
const { spawn } = require('node:child_process');
const { src, dest, series } = require('gulp');

function compile(done) {
	const tsc = spawn(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json'], {
		stdio: 'inherit',
	});
	tsc.on('close', (code) => done(code === 0 ? undefined : new Error(`tsc exited with ${code}`)));
}

function copyAssets() {
	return src(['nodes/**/*.{svg,png,json}', 'credentials/**/*.{svg,png}'], { base: '.', encoding: false }).pipe(
		dest('dist'),
	);
}

exports.build = series(compile, copyAssets);
exports.default = exports.build;
