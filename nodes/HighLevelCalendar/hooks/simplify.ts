import type { IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';
import { readParameter } from '../helpers/parameters';
import { isToolRun } from '../helpers/toolMode';
import { pick, SimplifyShape, trimListForModel } from '../helpers/simplify';
import { postReceiveHook } from './define';

/** postReceive factory: applies the Simplify switch to every output item, and as a tool trims long lists. */
export function simplifyPostReceive(shape: SimplifyShape) {
	return postReceiveHook(
		['simplify'],
		async function simplifyPostReceive(
			this: IExecuteSingleFunctions,
			items: INodeExecutionData[],
		): Promise<INodeExecutionData[]> {
			if (!(readParameter(this, 'simplify', false) as boolean)) return items;
			const { fields } = shape;
			const simplified = fields
				? items.map((item) => ({ ...item, json: pick(item.json, fields) }))
				: items;
			return isToolRun(this) ? trimListForModel(simplified, shape.narrowing) : simplified;
		},
	);
}
