import type { INodePropertyOptions } from 'n8n-workflow';
import { APPOINTMENT_STATUS_NAMES } from '../helpers/constants';

/**
 * The list of an options or multiOptions field whose value the node reads with matchOption
 * (helpers/bodyChecks.ts): the editor shows the names, each option's value is what HighLevel
 * takes, and an expression may give either (`noshow` or `No Show`).
 *
 * n8n's editor marks an expression red ("The value "No Show" is not supported!") when its result
 * is not one of the options' values, unless the field sets `allowArbitraryValues: true` (n8n's
 * ParameterInput skips that issue for options and multiOptions fields that set it). A list
 * holding both forms would show every choice twice, so such a field sets `allowArbitraryValues`:
 * the editor no longer flags a name, and the node, when it runs, still refuses anything that is
 * neither a value nor a name, with the list and a "did you mean". The fields write both keys out
 * (not spread from a helper) so n8n's lint sees their options.
 */
export function namedOptions(names: Record<string, string>): INodePropertyOptions[] {
	return Object.entries(names)
		.map(([value, name]) => ({ name, value }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** The appointment statuses, in every list that offers them (action and trigger alike). */
export const APPOINTMENT_STATUS_OPTIONS = namedOptions(APPOINTMENT_STATUS_NAMES);
