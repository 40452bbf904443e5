/**
 * A problem with what the user typed or mapped, found before any request is sent.
 * Pure helpers throw this with the field's API name; the hooks turn it into a NodeOperationError
 * bound to the item, whose message names the field as the editor shows it (fieldLabels.ts).
 */
export class InputError extends Error {
	constructor(
		readonly field: string,
		readonly value: unknown,
		readonly fix: string,
		readonly problem = 'is not valid',
	) {
		super(`${field} ${describeValue(value)} ${problem}. ${fix}`);
		this.name = 'InputError';
	}

	/** The message with the field named otherwise: `End Time (endTime) ...`. */
	messageNaming(name: string): string {
		return `${name} ${describeValue(this.value)} ${this.problem}. ${this.fix}`;
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
