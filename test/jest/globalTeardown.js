const fs = require('node:fs');

module.exports = async () => {
	if (process.env.HLC_TEST_TMP)
		fs.rmSync(process.env.HLC_TEST_TMP, { recursive: true, force: true });
};
