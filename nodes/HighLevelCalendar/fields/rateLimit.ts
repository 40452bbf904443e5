import type { INodeProperties } from 'n8n-workflow';

export const rateLimitOption: INodeProperties = {
	displayName: 'Rate Limit',
	name: 'rateLimit',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	description: "How this node paces itself to HighLevel's limits",
	options: [
		{
			displayName: 'Max Requests per 10 Seconds',
			name: 'maxRequestsPer10Seconds',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 100 },
			default: 100,
			description:
				"How many of HighLevel's 100 requests per 10 seconds per location this node may use (if HighLevel reports another limit, the same share of it). Lower it for queue mode with several workers (100 divided by the number of workers) or when other apps share the location.",
		},
		{
			displayName: 'Max Retry Time (Seconds)',
			name: 'maxRetrySeconds',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 120,
			description: 'Longest an item keeps waiting and retrying before it fails',
		},
	],
};
