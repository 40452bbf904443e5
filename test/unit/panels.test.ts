import { HighLevelCalendar } from '../../nodes/HighLevelCalendar/HighLevelCalendar.node';
import { panels } from './panels';

/**
 * Every operation's panel as the editor builds it from description.ts's one ordered list. A change
 * to the list, or a new operation, shows here as the panels it changes: read the diff, then
 * update the snapshot (`npx jest test/unit/panels.test.ts -u`) when it is what you meant.
 */
describe('the panels', () => {
	it('are as written', () => {
		expect(panels(new HighLevelCalendar().description)).toMatchSnapshot();
	});

	it('list a property only for the operations that show it', () => {
		const shown = panels(new HighLevelCalendar().description);
		expect(shown['appointment: create']).toContain('Contact (contactId)');
		expect(shown['calendar: getAll']).not.toContain('Contact (contactId)');
	});
});
