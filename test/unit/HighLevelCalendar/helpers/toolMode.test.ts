import { isToolNodeType } from '../../../../nodes/HighLevelCalendar/helpers/toolMode';

describe('isToolNodeType', () => {
	it("tells n8n's tool variant of the node from the node itself", () => {
		expect(isToolNodeType('n8n-nodes-highlevel-calendar.highLevelCalendarTool')).toBe(true);
		expect(isToolNodeType('CUSTOM.highLevelCalendarTool')).toBe(true);
		expect(isToolNodeType('n8n-nodes-highlevel-calendar.highLevelCalendar')).toBe(false);
		expect(isToolNodeType('n8n-nodes-highlevel-calendar.highLevelCalendarTrigger')).toBe(false);
	});
});
