import type {
	IDataObject,
	IExecuteSingleFunctions,
	INodeExecutionData,
	INodePropertyOptions,
} from 'n8n-workflow';
import { SCOPES } from '../../helpers/constants';
import { responseCheckPostReceive } from '../../hooks/responseCheck';
import { normalizedBodyPreSend } from '../../hooks/request';
import { readParameter } from '../../helpers/parameters';
import { parametersPreSend } from '../../hooks/parameters';
import { checkSlug, normalizeSlugBody } from './normalize';
import { postReceiveHook } from '../../hooks/define';

/** postReceive: `{ slug, available }`, the slug as sent beside HighLevel's answer. */
export const slugAvailabilityPostReceive = postReceiveHook(
	['slug'],
	async function slugAvailabilityPostReceive(
		this: IExecuteSingleFunctions,
		items: INodeExecutionData[],
	): Promise<INodeExecutionData[]> {
		const sent: IDataObject = { slug: readParameter(this, 'slug') };
		checkSlug(sent);
		return [{ json: { slug: sent.slug, available: items[0]?.json.available === true } }];
	},
);

/**
 * POST /calendars/groups/validate-slug (the spec asks calendars/groups.write for it, though it
 * changes nothing). The Slug field is in fields.ts.
 */
export const validateSlugOperation: INodePropertyOptions = {
	name: 'Validate Slug',
	value: 'validateSlug',
	action: 'Check if a calendar group slug is free',
	description: 'Tell whether a slug is still free for a new calendar group in the sub-account',
	routing: {
		request: { method: 'POST', url: '/calendars/groups/validate-slug' },
		send: {
			preSend: [parametersPreSend('body', ['slug']), normalizedBodyPreSend(normalizeSlugBody)],
		},
		output: {
			postReceive: [
				responseCheckPostReceive(SCOPES.groupsWrite, 'calendar group'),
				slugAvailabilityPostReceive,
			],
		},
	},
};
