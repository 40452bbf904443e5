import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
} from 'n8n-workflow';
import { readParameter } from '../../helpers/parameters';
import { normalizeNotificationList } from './normalize';
import { postReceiveHook, preSendHook } from '../../hooks/define';

const MISSING = Symbol('missing');

/**
 * preSend of Create: the body is a list of notifications (the spec's array of
 * CreateCalendarNotificationDTO). The fields placed by parametersPreSend, with the times of the
 * editor's Before Time / After Time lists (read here: parametersPreSend would spread their
 * `{ time: [...] }`), make the first; Notifications (JSON) may add more. All are checked first.
 */
export const notificationListPreSend = preSendHook(
	['beforeTime', 'afterTime'],
	async function notificationListPreSend(
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const fields: IDataObject = { ...((requestOptions.body as IDataObject | undefined) ?? {}) };
		for (const name of ['beforeTime', 'afterTime']) {
			const value = readParameter(this, name, MISSING);
			if (value !== MISSING) fields[name] = value as IDataObject;
		}
		requestOptions.body = normalizeNotificationList(fields);
		return requestOptions;
	},
);

/**
 * postReceive of Update: HighLevel answers only `{ message }`, so the output names the
 * notification it was about, `{ id, message }`.
 */
export const updatedNotificationPostReceive = postReceiveHook(
	['notificationId'],
	async function updatedNotificationPostReceive(
		this: IExecuteSingleFunctions,
		items: INodeExecutionData[],
	): Promise<INodeExecutionData[]> {
		const id = String(readParameter(this, 'notificationId', '', { extractValue: true })).trim();
		return items.map((item) => ({ json: { id, ...item.json } }));
	},
);
