import type {
	IDataObject,
	INodeParameterResourceLocator,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
} from 'n8n-workflow';
import { asItemError } from './hooks';
import type { NodeContext } from './nodeRun';

/**
 * How the hooks read the node's parameters. n8n's getNodeParameter evaluates the value (and, in
 * n8n 2.x, checks and copies it), which is what an expression needs and what a plain value does
 * not: the value n8n would return for a parameter without an expression is the stored one. So a
 * plain value is read as stored (`rawExpressions` only looks it up), and n8n evaluates the rest.
 * Never mutate what this returns: it may be the node's own object.
 */

const MISSING = Object.freeze({ missing: true });

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

/** A collection's value: a plain object that is not a picker's (a DateTime from an expression is no collection). */
function isCollection(value: unknown): value is IDataObject {
	return (
		typeof value === 'object' &&
		value !== null &&
		Object.getPrototypeOf(value) === Object.prototype &&
		!isLocator(value)
	);
}

/** A picker's id, or the value itself. */
function idOrValue(value: unknown): unknown {
	return isLocator(value) ? value.value : value;
}

/**
 * preSend, first: puts the parameters an operation shows into its body or query, under their API
 * names; a collection (Additional Fields, Update Fields, Filters) gives the fields the user added.
 * The node's fields carry no `routing` of their own: n8n reads a routed field's value once more,
 * on each of its two walks over the properties, and a field's destination can differ by operation
 * (the body of a create, the query of Get Many). A contact By Email stays an email here;
 * contactByEmailPreSend looks it up.
 */
export function parametersPreSend(where: 'body' | 'qs', names: string[]) {
	return async function (
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		try {
			const target: IDataObject = {
				...(((where === 'body' ? requestOptions.body : requestOptions.qs) ?? {}) as IDataObject),
			};
			for (const name of names) {
				// Not shown by this operation: n8n leaves it out of the node's parameters.
				const value = readParameter(this, name, MISSING);
				if (value === MISSING) continue;
				if (isCollection(value)) {
					for (const [field, entry] of Object.entries(value))
						target[field] = idOrValue(entry) as IDataObject[string];
				} else {
					target[name] = idOrValue(value) as IDataObject[string];
				}
			}
			if (where === 'body') requestOptions.body = target;
			else requestOptions.qs = target;
		} catch (error) {
			throw asItemError(this, error);
		}
		return requestOptions;
	};
}
