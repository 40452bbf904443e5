/**
 * A problem with what the user typed or mapped, found before any request is sent.
 * Pure helpers throw this with the field's API name; the hooks turn it into a NodeOperationError
 * bound to the item, whose message names the field as the editor shows it (fieldLabels.ts).
 */
export class InputError extends Error {
	/**
	 * `mentions`: other fields the problem or the fix names by their API name, as whole words
	 * (`is not after startTime`); where the field is named as the editor shows it, they are too.
	 */
	constructor(
		readonly field: string,
		readonly value: unknown,
		readonly fix: string,
		readonly problem = 'is not valid',
		readonly mentions: readonly string[] = [],
	) {
		super(`${field} ${describeValue(value)} ${problem}. ${fix}`);
		this.name = 'InputError';
	}

	/**
	 * The message with the field named `subject` (`End Time (endTime)`) and each mention as
	 * `mention` names it, in the order they come.
	 */
	messageNaming(subject: string, mention: (field: string) => string = (field) => field): string {
		const names = this.mentions.map((field) => field.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
		const named = (text: string) =>
			names.length
				? text.replace(new RegExp(`(?<![\\w"])(${names.join('|')})(?![\\w"])`, 'g'), mention)
				: text;
		const problem = named(this.problem);
		return `${subject} ${describeValue(this.value)} ${problem}. ${named(this.fix)}`;
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
