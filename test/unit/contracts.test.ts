import type { INodeProperties, INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';
import { HighLevelCalendar } from '../../nodes/HighLevelCalendar/HighLevelCalendar.node';
import { hookFacts, preSendHook } from '../../nodes/HighLevelCalendar/hooks/define';
import { shownFor } from './panels';

/**
 * The contracts every operation keeps (docs/architecture.md, "Contracts"), checked on the built
 * node's description: every hook is made by hooks/define.ts (so its errors are the item's and
 * Continue On Fail holds), the first postReceive is the response check (requests go out with
 * ignoreHttpStatusErrors: without it an HTTP error would come out as a success, and its rate-limit
 * headers would never reach the budget), and every field the operation shows is sent or read.
 */

/** Read for every request by the transport: the credential choice, the agency's location, the pacing share. */
const TRANSPORT_READS = ['authentication', 'locationId', 'rateLimit'];

interface Operation {
	resource: string;
	option: INodePropertyOptions;
}

function operationsOf(description: INodeTypeDescription): Operation[] {
	return description.properties
		.filter((property) => property.name === 'operation')
		.flatMap((property) =>
			(property.displayOptions?.show?.resource as string[]).flatMap((resource) =>
				(property.options as INodePropertyOptions[]).map((option) => ({ resource, option })),
			),
		);
}

function hooksOf(option: INodePropertyOptions): { preSend: unknown[]; postReceive: unknown[] } {
	return {
		preSend: option.routing?.send?.preSend ?? [],
		postReceive: option.routing?.output?.postReceive ?? [],
	};
}

/** Properties that other properties' display options name: read by the editor to show or hide. */
function displaySwitches(description: INodeTypeDescription): string[] {
	return description.properties.flatMap((property) => [
		...Object.keys(property.displayOptions?.show ?? {}),
		...Object.keys(property.displayOptions?.hide ?? {}),
	]);
}

/** Each way an operation breaks a contract, as a sentence naming it. */
export function contractBreaches(description: INodeTypeDescription): string[] {
	const breaches: string[] = [];
	for (const operation of operationsOf(description)) {
		const label = `${operation.resource}: ${operation.option.name}`;
		const { preSend, postReceive } = hooksOf(operation.option);
		// n8n's declarative actions (`{ type: 'rootProperty' }`) are data, not code: nothing to wrap.
		const hooks = [...preSend, ...postReceive].filter((hook) => typeof hook === 'function');
		for (const hook of hooks)
			if (!hookFacts(hook))
				breaches.push(
					`${label}: hook ${(hook as { name?: string }).name} is not made by hooks/define.ts`,
				);
		if (!hookFacts(postReceive[0])?.checksResponse)
			breaches.push(`${label}: its first postReceive is not the response check`);
		const reads = new Set([...TRANSPORT_READS, ...displaySwitches(description)]);
		for (const hook of hooks) {
			const facts = hookFacts(hook);
			facts?.reads.forEach((name) => reads.add(name));
			if (facts?.readsPathIds)
				for (const [, name] of (operation.option.routing?.request?.url ?? '').matchAll(
					/\{(\w+)\}/g,
				))
					reads.add(name);
		}
		for (const property of description.properties) {
			if (['resource', 'operation'].includes(property.name)) continue;
			if (!shownFor(property, operation.resource, String(operation.option.value))) continue;
			if (reads.has(property.name)) continue;
			const fields = (property.options ?? []) as INodeProperties[];
			const eachRead =
				['collection', 'fixedCollection'].includes(property.type) &&
				fields.every((field) => reads.has(`${property.name}.${field.name}`));
			if (!eachRead)
				breaches.push(
					`${label}: shows ${property.displayName} (${property.name}) but no hook sends or reads it`,
				);
		}
	}
	return breaches;
}

describe('every operation', () => {
	const description = new HighLevelCalendar().description;

	it('keeps the contracts', () => {
		expect(contractBreaches(description)).toEqual([]);
	});

	it('is walked: all operations of every resource', () => {
		const count = operationsOf(description).length;
		expect(count).toBeGreaterThanOrEqual(41);
	});

	it('breaks a contract when a hook is plain, the check is missing or a field is not sent', () => {
		const plain = async function plainPreSend() {
			return {} as never;
		};
		const broken: INodeTypeDescription = {
			...description,
			properties: [
				{
					displayName: 'Operation',
					name: 'operation',
					type: 'options',
					displayOptions: { show: { resource: ['test'] } },
					options: [
						{
							name: 'Try',
							value: 'try',
							routing: {
								request: { url: '/try/{tryId}' },
								send: { preSend: [plain, preSendHook({ reads: [], readsPathIds: true }, plain)] },
								output: { postReceive: [] },
							},
						},
					],
					default: 'try',
				},
				{
					displayName: 'Try ID',
					name: 'tryId',
					type: 'string',
					default: '',
					displayOptions: { show: { resource: ['test'] } },
				},
				{
					displayName: 'Unsent',
					name: 'unsent',
					type: 'string',
					default: '',
					displayOptions: { show: { resource: ['test'], operation: ['try'] } },
				},
			],
		};
		expect(contractBreaches(broken)).toEqual([
			'test: Try: hook plainPreSend is not made by hooks/define.ts',
			'test: Try: its first postReceive is not the response check',
			'test: Try: shows Unsent (unsent) but no hook sends or reads it',
		]);
	});
});
