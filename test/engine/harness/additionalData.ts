import './n8nEnv';
import type { ExecutionLifecycleHooks } from 'n8n-core';
import {
	ICredentialsHelper,
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type IDataObject,
	type IHttpRequestOptions,
	type INode,
	type INodeProperties,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

/**
 * n8n's CredentialsHelper lives in the n8n server package. This one stores decrypted credentials in
 * memory and applies a credential type's `authenticate` block the way the server does: every key and
 * value is an n8n expression resolved with `$credentials`.
 */
class InMemoryCredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly credentialTypes: Record<string, ICredentialType>,
		private readonly data: Record<string, ICredentialDataDecryptedObject>,
	) {
		super();
	}

	/** An OAuth2 credential type extends n8n's oAuth2Api, which is how n8n-core knows to sign with it. */
	getParentTypes(type: string): string[] {
		return this.credentialTypes[type]?.extends ?? [];
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
		workflow: Workflow,
		node: INode,
	): Promise<IHttpRequestOptions> {
		const authenticate = this.credentialTypes[typeName]?.authenticate;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (!authenticate || authenticate.type !== 'generic') return requestOptions;
		const resolve = (value: unknown) =>
			workflow.expression.getSimpleParameterValue(
				node,
				value as string,
				'internal',
				{ $credentials: credentials },
				undefined,
				'',
			);
		for (const [outerKey, entries] of Object.entries(authenticate.properties) as Array<
			[string, IDataObject]
		>) {
			const target = ((requestOptions as unknown as IDataObject)[outerKey] ??= {}) as IDataObject;
			for (const [key, value] of Object.entries(entries)) {
				target[resolve(key) as string] = resolve(value) as unknown as IDataObject;
			}
		}
		return requestOptions;
	}

	async preAuthentication() {
		return undefined;
	}
	async runPreAuthentication() {
		return undefined;
	}
	getOAuth2Options() {
		return undefined;
	}
	async getCredentials(): Promise<never> {
		throw new Error('not used by declarative nodes');
	}
	async getDecrypted(
		_additionalData: unknown,
		_nodeCredentials: unknown,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.data[type];
		if (!data) throw new Error(`No test credential of type ${type}`);
		// Like n8n's database: every read is a fresh copy, and a write is seen by later reads.
		return structuredClone(data);
	}
	/**
	 * n8n 2.x stores a refreshed OAuth2 token here (1.x calls updateCredentials). The test's own
	 * credentials object is the store: a test reads back what a refresh wrote, and passes it on to
	 * the next run as n8n would read it.
	 */
	async updateCredentialsOauthTokenData(
		_nodeCredentials: unknown,
		type: string,
		data: ICredentialDataDecryptedObject,
	) {
		this.data[type].oauthTokenData = structuredClone(data.oauthTokenData);
	}
	async updateCredentials(
		_nodeCredentials: unknown,
		type: string,
		data: ICredentialDataDecryptedObject,
	) {
		Object.assign(this.data[type], structuredClone(data));
	}
	getCredentialsProperties(type: string): INodeProperties[] {
		return this.credentialTypes[type]?.properties ?? [];
	}
	isCredentialUsableByNode() {
		return true;
	}
}

export function createAdditionalData(
	hooks: ExecutionLifecycleHooks | undefined,
	credentialType: ICredentialType,
	credentials: ICredentialDataDecryptedObject,
): IWorkflowExecuteAdditionalData {
	return {
		hooks,
		credentialsHelper: new InMemoryCredentialsHelper(
			{ [credentialType.name]: credentialType },
			{ [credentialType.name]: credentials },
		),
		currentNodeParameters: undefined,
		executionId: 'exec-test',
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
		webhookBaseUrl: 'http://127.0.0.1/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
		formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
		variables: {},
		async executeWorkflow() {
			throw new Error('sub-workflows are not used here');
		},
		async getRunExecutionData() {
			return undefined;
		},
		logAiEvent() {},
		setExecutionStatus() {},
		sendDataToUI() {},
	} as unknown as IWorkflowExecuteAdditionalData;
}
