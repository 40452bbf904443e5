import type { INode } from 'n8n-workflow';

/**
 * Whether the node runs as an AI agent's tool (or an MCP Server Trigger's): then what it returns
 * and the errors it raises are read by a model, not a person.
 *
 * The signal is the node's type. n8n runs a tool as a node of the variant type `<package>.<name>Tool`
 * that it makes from a node with `usableAsTool` (n8n 2.40: packages/cli/src/node-types.ts,
 * `getByNameAndVersion` resolves a name ending in `Tool` to the base node and converts it;
 * load-nodes-and-credentials.ts `convertNodeToAiTool` appends `Tool` to the name). n8n itself tells a
 * tool by the same rule: n8n-workflow 2.41's `@tool` display option and `isToolType`
 * (node-helpers). The node's type is in every context our hooks get (`getNode()`), unlike the tool
 * input connection, which RoutingNode (n8n-core 2.41, routing-node.js) reads but does not hand to
 * the hooks' item context as such. n8n 1.x names tool variants the same way; where a version
 * cannot run this node as a tool, no node of ours has such a type and nothing changes.
 * Our own type, `highLevelCalendar`, does not end in `Tool`.
 */
export function isToolRun(context: { getNode(): INode }): boolean {
	return isToolNodeType(context.getNode().type);
}

/** The rule itself, on a node type name (`n8n-nodes-highlevel-calendar.highLevelCalendarTool`). */
export function isToolNodeType(nodeType: string): boolean {
	return nodeType.endsWith('Tool');
}
