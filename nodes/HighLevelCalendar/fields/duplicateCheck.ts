import type { INodeProperties } from 'n8n-workflow';
import type { DuplicateCheckKind } from '../hooks/duplicateCheck';

export function duplicateCheckOption(kind: DuplicateCheckKind): INodeProperties {
	const what =
		kind === 'appointment'
			? 'an appointment on the same calendar with the same contact and start'
			: 'a block slot on the same calendar or user with the same start';
	return {
		displayName: 'Duplicate Check',
		name: 'duplicateCheck',
		type: 'boolean',
		default: false,
		description: `Whether to look for ${what} before booking, and output it (with alreadyExisted: true) instead of booking again. Use it wherever a workflow may run twice. Costs one look-up per calendar and day of the run.`,
	};
}
