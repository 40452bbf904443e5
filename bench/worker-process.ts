// One "n8n worker" of bench/workers.ts: its own process, so its own module state and budget,
// running the built node in n8n's engine. Reads its job from the environment, prints one JSON line.
import { runNode } from '../test/engine/harness/harness';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { HighLevelCalendar, HighLevelCalendarApi } = require('../index.js');

async function main() {
	const { BASE_URL, TOKEN, LOCATION_ID, CALENDAR_ID, CONTACT_ID, PREFIX, COUNT, YEAR, SHARE } =
		process.env as Record<string, string>;
	const items = Array.from({ length: Number(COUNT) }, (_, index) => ({
		title: `${PREFIX}-${index}`,
		start: new Date(Date.UTC(Number(YEAR), 0, 1) + index * 1_800_000).toISOString(),
	}));
	const result = await runNode({
		nodeType: new HighLevelCalendar(),
		credentialType: new HighLevelCalendarApi(),
		credentials: { accessToken: TOKEN, locationId: LOCATION_ID, baseUrl: BASE_URL },
		continueOnFail: true,
		items,
		parameters: {
			resource: 'appointment',
			operation: 'create',
			calendarId: CALENDAR_ID,
			contactId: CONTACT_ID,
			startTime: '={{ $json.start }}',
			additionalFields: { title: '={{ $json.title }}', ignoreFreeSlotValidation: true },
			...(SHARE ? { rateLimit: { maxRequestsPer10Seconds: Number(SHARE) } } : {}),
		},
	});
	const failed = result.items.filter((item) => item.error);
	console.log(
		JSON.stringify({
			ok: result.items.length - failed.length,
			failed: failed.length,
			error: failed[0]?.error?.message,
		}),
	);
}

main().then(
	() => process.exit(0),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
