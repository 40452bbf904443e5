// A workflow the editor test imports next to the examples (not one of them): the status fields of
// both nodes, once with fixed values (their lists must show the names) and once with expressions
// that give names, which the node accepts and the editor must not mark red.
import { EXAMPLE_CRED_ID, NODE_TYPE, TRIGGER_TYPE } from '../n8nSetup';

export const STATUS_WORKFLOW_ID = 'hlcEditorStatus1';
/** The examples' credential (setup.ts imports it under this name). */
const CRED_NAME = 'HighLevel Calendar account';
const calendar = { __rl: true, mode: 'id', value: 'cal_sandbox_001' };

function node(name: string, type: string, x: number, parameters: Record<string, unknown>) {
	return {
		id: `hlc-editor-status-${x}`,
		name,
		type,
		typeVersion: 1,
		position: [x, 0],
		parameters,
		credentials: { highLevelCalendarApi: { id: EXAMPLE_CRED_ID, name: CRED_NAME } },
	};
}

/** Node names, by what the editor test does with them. */
export const STATUS_NODES = {
	createFixed: 'Create (fixed status)',
	triggerFixed: 'Trigger (fixed statuses)',
	updateNames: 'Update (names in expressions)',
	getManyNames: 'Get Many (names in expressions)',
	triggerNames: 'Trigger (names in expressions)',
};

const pollTimes = { item: [{ mode: 'everyMinute' }] };

export const STATUS_WORKFLOW = {
	id: STATUS_WORKFLOW_ID,
	name: 'Editor test: status fields',
	active: false,
	settings: { executionOrder: 'v1' },
	connections: {},
	pinData: {},
	tags: [],
	nodes: [
		node(STATUS_NODES.createFixed, NODE_TYPE, 0, {
			resource: 'appointment',
			operation: 'create',
			calendarId: calendar,
			contactId: { __rl: true, mode: 'id', value: 'con_sandbox_001' },
			startTime: '2030-01-07T10:00:00-05:00',
			additionalFields: { appointmentStatus: 'confirmed' },
		}),
		node(STATUS_NODES.triggerFixed, TRIGGER_TYPE, 300, {
			pollTimes,
			watch: 'calendar',
			calendarId: calendar,
			events: ['appointmentStatusChanged'],
			toStatuses: ['noshow'],
			filters: { appointmentStatus: ['showed'] },
		}),
		node(STATUS_NODES.updateNames, NODE_TYPE, 600, {
			resource: 'appointment',
			operation: 'update',
			eventId: 'evt_sandbox_001',
			updateFields: {
				appointmentStatus: "={{ 'No Show' }}",
				meetingLocationType: "={{ 'Google Meet' }}",
				toNotify: false,
			},
		}),
		node(STATUS_NODES.getManyNames, NODE_TYPE, 900, {
			resource: 'appointment',
			operation: 'getAll',
			filterBy: 'calendar',
			calendarId: calendar,
			startTime: '2030-01-07T00:00:00-05:00',
			endTime: '2030-01-08T00:00:00-05:00',
			options: { appointmentStatus: "={{ ['No Show', 'confirmed'] }}" },
		}),
		node(STATUS_NODES.triggerNames, TRIGGER_TYPE, 1200, {
			pollTimes,
			watch: 'calendar',
			calendarId: calendar,
			events: ['appointmentStatusChanged'],
			toStatuses: "={{ ['No Show'] }}",
			filters: { appointmentStatus: "={{ ['Showed', 'noshow'] }}" },
		}),
	],
};
