import type { IDataObject, INodeParameterResourceLocator } from 'n8n-workflow';
import type { NodeContext } from './nodeRun';

/**
 * How the hooks read the node's parameters. n8n's getNodeParameter evaluates the value (and, in
 * n8n 2.x, checks and copies it), which is what an expression needs and what a plain value does
 * not: the value n8n would return for a parameter without an expression is the stored one. So a
 * plain value is read as stored (`rawExpressions` only looks it up), and n8n evaluates the rest.
 * Never mutate what this returns: it may be the node's own object.
 */

/** A sentinel default: the parameter is not among the node's parameters (not shown). */
export const MISSING = Object.freeze({ missing: true });

function holdsExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(holdsExpression);
	if (typeof value === 'object' && value !== null)
		return Object.values(value).some(holdsExpression);
	return false;
}

/** A picker's value as n8n stores it: `{ __rl: true, mode, value }`. */
export function isLocator(value: unknown): value is INodeParameterResourceLocator {
	return typeof value === 'object' && value !== null && (value as IDataObject).__rl === true;
}

export function readParameter<T = unknown>(
	context: NodeContext,
	path: string,
	fallback?: unknown,
	options: { extractValue?: boolean } = {},
): T {
	const raw = context.getNodeParameter(path, MISSING, { rawExpressions: true }) as unknown;
	if (raw === MISSING || raw === undefined) return fallback as T;
	if (holdsExpression(raw)) return context.getNodeParameter(path, fallback, options) as T;
	if (options.extractValue && isLocator(raw)) return raw.value as T;
	return raw as T;
}
