import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import type { Fired } from './changes';
import { APPOINTMENTS, type Kind } from './kinds';

/**
 * One fired event as an output item: `{ event, ...appointment, previous? }`. Both triggers (polling
 * and instant) emit through this, so a workflow moves from one to the other without rewiring. A
 * service booking comes out the same way, with Simplify's fields of its kind.
 */
export function itemOf(
	fired: Fired,
	simplify: boolean,
	kind: Kind = APPOINTMENTS,
): INodeExecutionData {
	const appointment = simplify ? kind.simplify(fired.appointment) : fired.appointment;
	const json: IDataObject = { event: fired.event, ...appointment };
	if (fired.previous) json.previous = fired.previous;
	return { json };
}
