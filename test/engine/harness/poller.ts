/**
 * Runs a polling trigger the way n8n does: n8n-core's PollContext on a Workflow whose static data
 * n8n would store, calling the node's `poll()` as n8n-core's TriggersAndPollers does. A restart
 * is a new Workflow built from the static data as n8n saved it (JSON), as n8n loads it again.
 */
import { PollContext } from 'n8n-core';
import {
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
} from 'n8n-workflow';
import { createAdditionalData } from './additionalData';
import { TestNodeTypes } from './nodeTypes';

export const TRIGGER_NAME = 'HighLevel Calendar Trigger';

export interface PollerOptions {
	nodeType: INodeType;
	credentialType: ICredentialType;
	credentials: ICredentialDataDecryptedObject;
	parameters: INodeParameters;
}

export interface Poller {
	/** One poll: 'trigger' as an active workflow runs it, 'manual' as "Fetch Test Event" does. */
	poll(mode?: 'trigger' | 'manual'): Promise<INodeExecutionData[] | null>;
	/** The static data as n8n would save it now. */
	saved(): IDataObject;
	/** n8n restarted: the workflow comes back with the static data it had saved. */
	restart(saved?: IDataObject): void;
	/** The trigger's parameters changed (n8n reactivates the workflow; its static data stays). */
	setParameters(parameters: INodeParameters): void;
}

export function startPoller(options: PollerOptions): Poller {
	const typeName = `CUSTOM.${options.nodeType.description.name}`;
	const nodeTypes = new TestNodeTypes({ [typeName]: options.nodeType });
	const additionalData = createAdditionalData(
		undefined,
		options.credentialType,
		options.credentials,
	);
	let parameters = options.parameters;
	let workflow: Workflow;
	let node: INode;
	const build = (staticData: IDataObject) => {
		node = {
			id: 'trigger-under-test',
			name: TRIGGER_NAME,
			type: typeName,
			typeVersion: 1,
			position: [0, 0],
			parameters,
			credentials: {
				[options.credentialType.name]: { id: 'cred-1', name: 'HighLevel sandbox' },
			},
		};
		workflow = new Workflow({
			id: 'wf-trigger-test',
			nodes: [node],
			connections: {},
			active: true,
			nodeTypes,
			staticData,
		});
	};
	build({});
	const saved = () => JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
	return {
		async poll(mode = 'trigger') {
			const context = new PollContext(workflow, node, additionalData, mode, 'activate');
			const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
			const result = await nodeType.poll!.call(context);
			return result ? result[0] : null;
		},
		saved,
		restart(staticData = saved()) {
			build(staticData);
		},
		setParameters(next) {
			parameters = next;
			build(saved());
		},
	};
}
