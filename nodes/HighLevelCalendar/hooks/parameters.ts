import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { isLocator, MISSING, readParameter } from '../helpers/parameters';
import { preSendHook } from './define';

/**
 * preSend, first: puts the parameters an operation shows into its body or query, under their API
 * names; a collection (Additional Fields, Update Fields, Filters) gives the fields the user added.
 * The node's fields carry no `routing` of their own: n8n reads a routed field's value once more,
 * on each of its two walks over the properties, and a field's destination can differ by operation
 * (the body of a create, the query of Get Many). A contact By Email stays an email here;
 * contactByEmailPreSend looks it up.
 */
export function parametersPreSend(where: 'body' | 'qs', names: string[]) {
	return preSendHook(
		names,
		async function parametersPreSend(
			this: IExecuteSingleFunctions,
			requestOptions: IHttpRequestOptions,
		): Promise<IHttpRequestOptions> {
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
			return requestOptions;
		},
	);
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
