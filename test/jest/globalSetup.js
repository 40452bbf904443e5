// One temp folder per jest run; the workers' n8n user folders go inside it (see test/engine/harness/n8nEnv.ts)
// and globalTeardown.js removes it, so a run leaves nothing behind in the temp folder.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

module.exports = async () => {
	process.env.HLC_TEST_TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'hlc-jest-'));
};
