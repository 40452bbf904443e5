import './n8nEnv';
import { DirectoryLoader, RoutingNode, type ExecuteContext } from 'n8n-core';
import type { IExecuteFunctions, INodeType, INodeTypes } from 'n8n-workflow';

/**
 * Like n8n's server NodeTypes: a declarative node without `methods` gets an `execute` that runs
 * RoutingNode with the node's full context (including the execution's cancel signal); one with
 * `methods` (list searches) is run by WorkflowExecute's own declarative path, which passes none.
 */
function asServerLoadsIt(nodeType: INodeType): INodeType {
	// The loader adds n8n's own "Request Options" (batching, proxy, timeout) to declarative nodes.
	DirectoryLoader.applyDeclarativeNodeOptionParameters(nodeType);
	const declarative = nodeType.description.requestDefaults !== undefined;
	if (!declarative || nodeType.execute || nodeType.poll || nodeType.trigger || nodeType.methods)
		return nodeType;
	return {
		...nodeType,
		async execute(this: IExecuteFunctions) {
			return (await new RoutingNode(this as unknown as ExecuteContext, nodeType).runNode()) ?? [];
		},
	} as INodeType;
}

export class TestNodeTypes implements INodeTypes {
	private readonly types: Record<string, INodeType>;
	constructor(types: Record<string, INodeType>) {
		this.types = Object.fromEntries(
			Object.entries(types).map(([name, type]) => [name, asServerLoadsIt(type)]),
		);
	}
	getByName(name: string): INodeType {
		const type = this.types[name];
		if (!type) throw new Error(`Unknown node type ${name}`);
		return type;
	}
	getByNameAndVersion(name: string): INodeType {
		return this.getByName(name);
	}
	getKnownTypes() {
		return {};
	}
}
