// Imported first by every harness module that loads n8n (n8n-core, n8n-workflow), so that these
// are set before n8n-core is first imported.
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';

// n8n-core reads these when it is first imported. Under jest the user folder goes into the run's
// own temp folder, which jest's globalTeardown removes (test/jest/); elsewhere (the demo, the bench)
// it is removed when the process exits.
if (!process.env.N8N_USER_FOLDER) {
	const userFolder = fs.mkdtempSync(path.join(process.env.HLC_TEST_TMP ?? os.tmpdir(), 'n8n-hlc-'));
	process.env.N8N_USER_FOLDER = userFolder;
	process.on('exit', () => fs.rmSync(userFolder, { recursive: true, force: true }));
}
process.env.N8N_LOG_LEVEL ??= 'silent';
