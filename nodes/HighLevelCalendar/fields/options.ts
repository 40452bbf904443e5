import type { INodeProperties } from 'n8n-workflow';

/** locationId comes from the credential; this lets one item address another sub-account. */
export const locationIdOverrideField: INodeProperties = {
	displayName: 'Location ID',
	name: 'locationId',
	type: 'string',
	default: '',
	placeholder: 'C2QujeCh8ZnC7al2InWR',
	description: "Sub-account ID. Defaults to the credential's Location ID.",
};

/** Shown under every time field: where a time without an offset is read. */
export const TIME_HINT =
	"Without an offset, read in Options > Time Zone, else in the workflow's time zone";

export const timeZoneOption: INodeProperties = {
	displayName: 'Time Zone',
	name: 'timeZone',
	type: 'string',
	default: '',
	placeholder: 'America/New_York',
	description:
		"IANA time zone in which times without an offset are read. Empty uses the workflow's time zone.",
};

/** The Options collection: the Time Zone option, and `extra` options an operation adds. */
export function timeZoneOptions(
	resource: string | string[],
	operations: string[],
	extra: INodeProperties[] = [],
): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: {
			show: { resource: Array.isArray(resource) ? resource : [resource], operation: operations },
		},
		options: [...extra, timeZoneOption].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}
