import type {
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';
import { highLevelError, HighLevelResponse, describeTarget } from '../transport/errors';
import { postReceiveHook } from './define';

/**
 * postReceive hook, first on every routed operation: requests are sent with
 * ignoreHttpStatusErrors, so every response arrives here and goes through highLevelError.
 */
export function responseCheckPostReceive(
	requiredScope: string | ((context: IExecuteSingleFunctions) => string),
	targetName: string,
	idParameter = 'eventId',
) {
	return postReceiveHook(
		{ reads: [idParameter], checksResponse: true },
		async function responseCheckPostReceive(
			this: IExecuteSingleFunctions,
			items: INodeExecutionData[],
			response: IN8nHttpFullResponse,
		): Promise<INodeExecutionData[]> {
			const error = await highLevelError(this, response as HighLevelResponse, {
				requiredScope: typeof requiredScope === 'function' ? requiredScope(this) : requiredScope,
				// The id is read only when there is an error to explain.
				target:
					response.statusCode >= 400 ? describeTarget(this, targetName, idParameter) : undefined,
			});
			if (error) throw error;
			return items;
		},
	);
}
