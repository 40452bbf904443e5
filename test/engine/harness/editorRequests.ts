import './n8nEnv';
import { LoadOptionsContext } from 'n8n-core';
import {
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type INode,
	type INodeListSearchResult,
	type INodeParameters,
	type INodeType,
} from 'n8n-workflow';
import { createAdditionalData } from './additionalData';
import { NODE_NAME, runNode } from './harness';
import { TestNodeTypes } from './nodeTypes';

/**
 * Runs a credential's `test` request the way n8n's server does: as a declarative node whose
 * requestDefaults are the test request, authenticated with the credential. OK means no error.
 */
export async function testCredential(
	credentialType: ICredentialType,
	credentials: ICredentialDataDecryptedObject,
): Promise<{ status: 'OK' | 'Error'; message: string }> {
	const request = credentialType.test?.request;
	if (!request) throw new Error(`${credentialType.name} has no test request`);
	const testNodeType: INodeType = {
		description: {
			displayName: 'Credential test',
			name: 'credentialTest',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: {},
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: credentialType.name, required: true }],
			requestDefaults: request,
			properties: [],
		},
	} as unknown as INodeType;
	const { error } = await runNode({
		nodeType: testNodeType,
		credentialType,
		credentials,
		parameters: {},
	});
	if (!error) return { status: 'OK', message: 'Connection tested successfully' };
	// As n8n's server does: a responseCode rule of the credential names the problem.
	for (const rule of credentialType.test?.rules ?? []) {
		if (rule.type === 'responseCode' && String(rule.properties.value) === String(error.httpCode)) {
			return { status: 'Error', message: rule.properties.message };
		}
	}
	return { status: 'Error', message: error.message };
}

/**
 * Runs one of the node's list searches (a picker's "From List") the way the editor asks n8n for it:
 * through n8n-core's LoadOptionsContext, with the node's current parameters.
 */
export async function runListSearch(options: {
	nodeType: INodeType;
	credentialType: ICredentialType;
	credentials: ICredentialDataDecryptedObject;
	method: string;
	parameters?: INodeParameters;
	filter?: string;
	paginationToken?: string;
}): Promise<INodeListSearchResult> {
	const { nodeType, credentialType } = options;
	const typeName = `CUSTOM.${nodeType.description.name}`;
	const node: INode = {
		id: 'node-under-test',
		name: NODE_NAME,
		type: typeName,
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters ?? {},
		credentials: { [credentialType.name]: { id: 'cred-1', name: 'HighLevel sandbox' } },
	};
	const workflow = new Workflow({
		id: 'wf-test',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new TestNodeTypes({ [typeName]: nodeType }),
	});
	const additionalData = createAdditionalData(undefined, credentialType, options.credentials);
	// The editor sends the node's current parameters with every list search (a picker may read
	// another field, e.g. the Resource Type of a room or equipment).
	additionalData.currentNodeParameters = node.parameters;
	const context = new LoadOptionsContext(workflow, node, additionalData, 'parameters');
	const search = nodeType.methods?.listSearch?.[options.method];
	if (!search) throw new Error(`No list search ${options.method}`);
	return await search.call(context, options.filter, options.paginationToken);
}
