/**
 * `npm run test:scan`: both legs of n8n's community package scanner (@n8n/scan-community-package,
 * pinned), as n8n's verification runs them: its `analyzePackage` on the source checkout (package.json
 * and nodes/ and credentials/) and on the packed tarball (the compiled files and the published
 * package.json). Each leg must find no error. Leaves nothing in the temp folder.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

interface ScanResult {
	passed: boolean;
	message?: string;
	details?: string;
}

async function main(): Promise<void> {
	// The scanner is an ES module without type declarations; tsx runs this file as CommonJS.
	const scanner: string = '@n8n/scan-community-package/scanner/scanner.mjs';
	const { analyzePackage, SOURCE_FILE_PATTERNS } = (await import(scanner)) as {
		analyzePackage: (dir: string, patterns?: string[]) => Promise<ScanResult>;
		SOURCE_FILE_PATTERNS: string[];
	};
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hlc-scan-'));
	try {
		const packed = JSON.parse(
			execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
				cwd: ROOT,
				encoding: 'utf8',
			}),
		);
		const tarballDir = path.join(work, 'package');
		fs.mkdirSync(tarballDir);
		execFileSync('tar', [
			'-xzf',
			path.join(work, packed[0].filename),
			'-C',
			tarballDir,
			'--strip-components=1',
		]);
		const legs: Array<[string, Promise<ScanResult>]> = [
			['source checkout', analyzePackage(ROOT, SOURCE_FILE_PATTERNS)],
			['packed tarball', analyzePackage(tarballDir)],
		];
		let failed = false;
		for (const [leg, result] of legs) {
			const { passed, message, details } = await result;
			console.log(`${passed ? 'ok  ' : 'FAIL'} scanner, ${leg}${message ? `: ${message}` : ''}`);
			if (!passed) {
				failed = true;
				if (details) console.log(details);
			}
		}
		if (failed) process.exitCode = 1;
		else console.log("both legs of n8n's package scanner pass");
	} finally {
		fs.rmSync(work, { recursive: true, force: true });
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
