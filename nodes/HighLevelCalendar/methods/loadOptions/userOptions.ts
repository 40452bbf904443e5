import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { listUserOptions } from '../listSearch/users';

/** The users as options of a multi-select (a service's staff), as the user picker names them. */
export async function getUserOptions(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await listUserOptions(this);
}
