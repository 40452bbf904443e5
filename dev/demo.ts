/**
 * The demo: a four-node workflow run in n8n's real engine against the embedded HighLevel sandbox,
 * using the built package from dist/ (what n8n loads). Create an appointment, get it, confirm and
 * retitle it, then move a block slot. Prints every node's output and every request HighLevel got.
 */
import { runChain } from '../test/engine/harness/harness';
import {
	SANDBOX_BLOCK_SLOT_ID,
	SANDBOX_CALENDAR_ID,
	SANDBOX_CONTACT_ID,
	SANDBOX_LOCATION_ID,
	SANDBOX_TOKEN,
	SANDBOX_USER_ID,
	startSandbox,
} from '../test/sandbox';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { HighLevelCalendar, HighLevelCalendarApi } = require('../index.js');

async function main(): Promise<number> {
	const sandbox = await startSandbox();
	try {
		const { nodes, run } = await runChain({
			nodeType: new HighLevelCalendar(),
			credentialType: new HighLevelCalendarApi(),
			credentials: {
				accessToken: SANDBOX_TOKEN,
				locationId: SANDBOX_LOCATION_ID,
				baseUrl: sandbox.baseUrl,
			},
			timezone: 'America/New_York',
			steps: [
				{
					name: 'Book appointment',
					parameters: {
						resource: 'appointment',
						operation: 'create',
						calendarId: SANDBOX_CALENDAR_ID,
						contactId: SANDBOX_CONTACT_ID,
						startTime: '2031-06-02T10:00:00',
						additionalFields: {
							endTime: '2031-06-02T10:30:00',
							title: 'Discovery call',
							appointmentStatus: 'new',
							assignedUserId: SANDBOX_USER_ID,
							toNotify: false,
						},
					},
				},
				{
					name: 'Get appointment',
					parameters: { resource: 'appointment', operation: 'get', eventId: '={{ $json.id }}' },
				},
				{
					name: 'Confirm appointment',
					parameters: {
						resource: 'appointment',
						operation: 'update',
						eventId: '={{ $json.id }}',
						updateFields: {
							appointmentStatus: 'confirmed',
							title: '={{ $json.title }} (confirmed)',
						},
					},
				},
				{
					name: 'Move lunch block',
					parameters: {
						resource: 'blockSlot',
						operation: 'update',
						eventId: SANDBOX_BLOCK_SLOT_ID,
						updateFields: {
							calendarId: SANDBOX_CALENDAR_ID,
							title: 'Lunch (moved)',
							startTime: '2031-06-02T13:00:00',
							endTime: '2031-06-02T14:00:00',
						},
					},
				},
			],
		});

		console.log(
			'HighLevel Calendar demo: n8n engine + embedded HighLevel sandbox at',
			sandbox.baseUrl,
		);
		console.log('\nRequests HighLevel received:');
		for (const request of sandbox.requests) {
			console.log(
				`  ${request.method} ${request.path} -> ${request.status}  body: ${request.rawBody || '(none)'}`,
			);
		}
		for (const [name, result] of Object.entries(nodes)) {
			console.log(`\nNode "${name}" output:`);
			if (result.error) console.log(`  ERROR: ${result.error.message}`);
			for (const item of result.items)
				console.log(JSON.stringify(item.json, null, 2).replace(/^/gm, '  '));
		}
		const failed =
			run.data.resultData.error ?? Object.values(nodes).find((result) => result.error)?.error;
		const ran = Object.keys(nodes).length;
		if (failed || ran !== 4) {
			console.error(`\nDemo FAILED: ${failed?.message ?? `only ${ran} of 4 nodes ran`}`);
			return 1;
		}
		console.log('\nDemo OK: 4 nodes ran, 4 requests accepted by the spec-checking sandbox.');
		return 0;
	} finally {
		await sandbox.close();
	}
}

main().then(
	(code) => process.exit(code),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
