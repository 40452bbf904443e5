/**
 * The codex files (*.node.json) n8n reads for the node creator and the panel: the Docs link of
 * both nodes opens this package's README (package.json `homepage`), not HighLevel's API pages.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { HighLevelCalendar } from '../../nodes/HighLevelCalendar/HighLevelCalendar.node';
import { DOCS_URL } from '../../nodes/HighLevelCalendar/helpers/constants';
import { HighLevelCalendarTrigger } from '../../nodes/HighLevelCalendarTrigger/HighLevelCalendarTrigger.node';

const ROOT = path.join(__dirname, '..', '..');
const homepage = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).homepage;

describe.each([
	'nodes/HighLevelCalendar/HighLevelCalendar.node.json',
	'nodes/HighLevelCalendarTrigger/HighLevelCalendarTrigger.node.json',
])('%s', (file) => {
	const codex = JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));

	it("links the package's README as the node's Docs", () => {
		expect(homepage).toMatch(/^https:\/\/github\.com\/.+#readme$/);
		expect(codex.resources.primaryDocumentation).toEqual([{ url: homepage }]);
	});
});

it("both nodes' documentationUrl (what n8n's panel opens as Docs) is the README", () => {
	expect(DOCS_URL).toBe(homepage);
	expect(new HighLevelCalendar().description.documentationUrl).toBe(homepage);
	expect(new HighLevelCalendarTrigger().description.documentationUrl).toBe(homepage);
});

/**
 * n8n's node creator shows the action node and the trigger as one "HighLevel Calendar" item with
 * the trigger's description (generateMergedNodesAndActions: `app.description = trigger.description`),
 * also after another trigger ("What happens next?"): it must read right for the actions too.
 */
it("the trigger's description, shown for both nodes in the node creator, names the actions and the trigger", () => {
	const { description } = new HighLevelCalendarTrigger().description;
	expect(description).toMatch(
		/^Book and manage HighLevel \(LeadConnector\) appointments, or start a workflow when/,
	);
	expect(description).not.toMatch(/^Starts the workflow/);
});
