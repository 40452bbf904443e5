/**
 * Runs a webhook trigger the way n8n does, over real HTTP on 127.0.0.1: each request gets n8n-core's
 * WebhookContext, with the exact bytes received as `rawBody` and the parsed JSON as `body` (what
 * n8n's body parsing gives a node), and the node's `webhook()` decides. As n8n answers with
 * responseMode "onReceived": the node's own answer if it wrote one (`noWebhookResponse`), else 200,
 * and a workflow run when it returned workflowData (recorded in `fired`). Activation runs
 * `webhookMethods` in n8n-core's HookContext, as n8n does when a workflow is published. As in n8n
 * (LiveWebhooks), each request gets the workflow with the static data last saved, and saves it
 * (as JSON, no lock) when the node returns: two requests at once both start from the same copy.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HookContext, WebhookContext } from 'n8n-core';
import {
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type IWebhookData,
} from 'n8n-workflow';
import { createAdditionalData } from './additionalData';
import { TestNodeTypes } from './nodeTypes';

export const INSTANT_TRIGGER_NAME = 'HighLevel Calendar Instant Trigger';

export interface WebhookServerOptions {
	nodeType: INodeType;
	credentialType: ICredentialType;
	credentials: ICredentialDataDecryptedObject;
	parameters: INodeParameters;
	/** The node's Authentication (default: the Private Integration Token). */
	authentication?: 'accessToken' | 'oAuth2';
}

export interface WebhookServer {
	/** The production URL deliveries go to. */
	url: string;
	/** The items of each workflow run a delivery started, in order. */
	fired: INodeExecutionData[][];
	/** Errors `webhook()` threw (n8n would answer 500). */
	errors: Error[];
	/** n8n's activation: checkExists, then create when it says false. */
	activate(): Promise<void>;
	/**
	 * The next `count` requests each load the static data, then wait until all of them have: the
	 * race of deliveries arriving together in n8n (each loads the workflow from the database)
	 * made certain rather than left to timing.
	 */
	loadTogether(count: number): void;
	/** The static data as n8n saved it after the last request. */
	saved(): IDataObject;
	close(): Promise<void>;
}

async function readBody(request: http.IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

export async function startWebhookServer(options: WebhookServerOptions): Promise<WebhookServer> {
	const typeName = `CUSTOM.${options.nodeType.description.name}`;
	const nodeTypes = new TestNodeTypes({ [typeName]: options.nodeType });
	const credentialName = options.credentialType.name;
	const node: INode = {
		id: 'instant-trigger-under-test',
		name: INSTANT_TRIGGER_NAME,
		type: typeName,
		typeVersion: 1,
		position: [0, 0],
		webhookId: 'b7d6c1c4-9d3f-4c65-9a43-5f0e0d0c7a11',
		parameters: { authentication: options.authentication ?? 'accessToken', ...options.parameters },
		credentials: { [credentialName]: { id: 'cred-1', name: 'HighLevel sandbox' } },
	};
	let savedData: IDataObject = {};
	const build = () =>
		new Workflow({
			id: 'wf-instant-test',
			nodes: [node],
			connections: {},
			active: true,
			nodeTypes,
			staticData: JSON.parse(JSON.stringify(savedData)) as IDataObject,
		});
	const workflow = build();
	const description = options.nodeType.description.webhooks![0];
	const webhookData = (additionalData: IWebhookData['workflowExecuteAdditionalData']) =>
		({
			httpMethod: 'POST',
			node: node.name,
			path: String(description.path),
			webhookDescription: description,
			workflowId: workflow.id,
			workflowExecuteAdditionalData: additionalData,
			webhookId: node.webhookId,
		}) as IWebhookData;
	const fired: INodeExecutionData[][] = [];
	const errors: Error[] = [];
	let gate: { waiting: number; open: () => void; opened: Promise<void> } | undefined;
	const loadTogether = (count: number) => {
		let open = () => {};
		const opened = new Promise<void>((resolve) => (open = resolve));
		gate = { waiting: count, open, opened };
	};

	const server = http.createServer((request, response) => {
		void (async () => {
			const rawBody = await readBody(request);
			let body: unknown = {};
			try {
				body = JSON.parse(rawBody.toString('utf8'));
			} catch {
				// n8n leaves a body it cannot parse as {} too
			}
			Object.assign(request, { rawBody, body, query: {}, params: {} });
			const additionalData = createAdditionalData(
				undefined,
				options.credentialType,
				options.credentials,
			);
			additionalData.httpRequest = request as never;
			additionalData.httpResponse = response as never;
			const loaded = build();
			if (gate) {
				const { opened } = gate;
				if (--gate.waiting === 0) {
					gate.open();
					gate = undefined;
				}
				await opened;
			}
			const context = new WebhookContext(
				loaded,
				node,
				additionalData,
				'webhook',
				webhookData(additionalData),
				[],
				null,
			);
			let threw = false;
			try {
				const result = await options.nodeType.webhook!.call(context);
				if (result.workflowData) fired.push(result.workflowData[0]);
				if (!result.noWebhookResponse) {
					response.writeHead(200, { 'Content-Type': 'application/json' });
					response.end(
						JSON.stringify({
							message: result.workflowData ? 'Workflow was started' : 'Webhook call received',
						}),
					);
				}
			} catch (error) {
				threw = true;
				errors.push(error as Error);
				response.writeHead(500, { 'Content-Type': 'application/json' });
				response.end(JSON.stringify({ message: 'Error in workflow' }));
			}
			// n8n saves it unless webhook() threw.
			if (!threw) savedData = JSON.parse(JSON.stringify(loaded.staticData)) as IDataObject;
		})();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/webhook/${node.webhookId}/${description.path}`,
		fired,
		errors,
		async activate() {
			const additionalData = createAdditionalData(
				undefined,
				options.credentialType,
				options.credentials,
			);
			const hooks = options.nodeType.webhookMethods!.default;
			const context = new HookContext(
				workflow,
				node,
				additionalData,
				'trigger',
				'activate',
				webhookData(additionalData),
			);
			if (!(await hooks!.checkExists.call(context))) await hooks!.create.call(context);
		},
		loadTogether,
		saved: () => savedData,
		close: () =>
			new Promise<void>((resolve, reject) => {
				server.close((error) => (error ? reject(error) : resolve()));
				server.closeAllConnections();
			}),
	};
}
