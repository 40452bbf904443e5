/**
 * A problem with what the user typed or mapped, found before any request is sent.
 * Pure helpers throw this; the hooks turn it into a NodeOperationError bound to the item.
 */
export class InputError extends Error {
	constructor(
		readonly field: string,
		readonly value: unknown,
		readonly fix: string,
		problem = 'is not valid',
	) {
		super(`${field} ${describeValue(value)} ${problem}. ${fix}`);
		this.name = 'InputError';
	}
}

export function describeValue(value: unknown): string {
	if (value === undefined) return '(not set)';
	if (value === null) return 'null';
	if (typeof value === 'string')
		return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	try {
		const json = JSON.stringify(value);
		return json.length > 80 ? `${json.slice(0, 77)}...` : json;
	} catch {
		return `[${typeof value}]`;
	}
}
