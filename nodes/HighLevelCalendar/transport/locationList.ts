import type { IDataObject } from 'n8n-workflow';
import { highLevelRequest } from './client';
import { readCredential } from './credential';
import type { NodeContext } from '../helpers/nodeRun';

/**
 * A list HighLevel answers whole for the credential's sub-account, `GET <path>?locationId`:
 * calendars, calendar groups, users. The pickers filter it themselves.
 */
export async function listOfLocation(
	context: NodeContext,
	list: { path: string; version: string; requiredScope: string; property: string },
): Promise<IDataObject[]> {
	const { locationId } = await readCredential(context);
	const response = await highLevelRequest(context, {
		method: 'GET',
		path: list.path,
		version: list.version,
		requiredScope: list.requiredScope,
		qs: { locationId },
	});
	return (response[list.property] as IDataObject[] | undefined) ?? [];
}
