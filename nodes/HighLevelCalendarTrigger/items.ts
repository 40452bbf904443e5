import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { simplifyEvent } from '../HighLevelCalendar/helpers/simplify';
import type { Fired } from './changes';

/**
 * One fired event as an output item: `{ event, ...appointment, previous? }`. Both triggers (polling
 * and instant) emit through this, so a workflow moves from one to the other without rewiring.
 */
export function itemOf(fired: Fired, simplify: boolean): INodeExecutionData {
	const appointment = simplify ? simplifyEvent(fired.appointment) : fired.appointment;
	const json: IDataObject = { event: fired.event, ...appointment };
	if (fired.previous) json.previous = fired.previous;
	return { json };
}
