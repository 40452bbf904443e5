// Validation pipes as HighLevel's Nest app runs them: a body against its operation's schema in
// the spec (made as strict as the live API, and as lenient where the live API is), query and path
// parameters against the operation's parameters. Messages read like class-validator's.
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { type ApiName, commonSpecs, documentId, documents, type Json, type Route } from './spec';

function forbidUnknownFields(node: unknown): void {
	if (Array.isArray(node)) return node.forEach(forbidUnknownFields);
	if (node === null || typeof node !== 'object') return;
	const schema = node as Json;
	// HighLevel runs Nest's ValidationPipe with forbidNonWhitelisted; the spec never says so.
	// Without this a misspelt field (`titel`) would pass here and be silently dropped there.
	if (schema.type === 'object' && schema.properties && schema.additionalProperties === undefined) {
		schema.additionalProperties = false;
	}
	Object.values(schema).forEach(forbidUnknownFields);
}

/**
 * The contacts spec leaves the search body empty (`SearchBodyV2DTO` has no properties) and links
 * to HighLevel's Search Contacts guide instead. This is that guide's body, so the sandbox can
 * check it as strictly as the others; only `locationId` and `pageLimit` are required there.
 */
const CONTACT_SEARCH_BODY: Json = {
	type: 'object',
	additionalProperties: false,
	required: ['locationId', 'pageLimit'],
	properties: {
		locationId: { type: 'string' },
		page: { type: 'integer', minimum: 1 },
		pageLimit: { type: 'integer', minimum: 1, maximum: 500 },
		searchAfter: { type: 'array', items: { type: ['string', 'number'] } },
		query: { type: 'string', maxLength: 75 },
		filters: { type: 'array', items: { type: 'object' } },
		sort: {
			type: 'array',
			items: {
				type: 'object',
				additionalProperties: false,
				required: ['field', 'direction'],
				properties: {
					field: { type: 'string' },
					direction: { type: 'string', enum: ['asc', 'desc'] },
				},
			},
		},
	},
};

function applyLiveRelaxations(api: ApiName, schemas: Record<string, Json>): void {
	if (api === 'calendars') {
		// The schemas mark block-slot calendarId required, but the field text (and the docs repo's
		// issue 23) say "Either calendarId or assignedUserId can be set, not both", and the live API
		// accepts a user-only block slot. So calendarId is optional here and the block-slot rule
		// below demands exactly one of the two. locationId stays required.
		for (const name of ['BlockSlotCreateRequestDTO', 'BlockSlotEditRequestDTO']) {
			const required = schemas[name].required as string[];
			schemas[name].required = required.filter((f) => f !== 'calendarId');
		}
	}
	if (api === 'contacts') schemas.SearchBodyV2DTO = structuredClone(CONTACT_SEARCH_BODY);
}

// strict: false because the spec is OpenAPI, not pure JSON Schema (`example`, `deprecated`, ...).
const ajv = new Ajv({ strict: false, allErrors: true });
for (const { api, file, spec } of documents) {
	const requestSpec = structuredClone(spec);
	forbidUnknownFields(requestSpec.components);
	forbidUnknownFields(requestSpec.paths);
	applyLiveRelaxations(api, (requestSpec.components as Json).schemas as Record<string, Json>);
	ajv.addSchema({ ...requestSpec, $id: documentId(file) });
}
for (const { file, spec } of commonSpecs) ajv.addSchema({ ...spec, $id: documentId(file) });

const bodyValidators = new Map<Route, ValidateFunction>();

function bodyValidator(route: Route): ValidateFunction {
	let validate = bodyValidators.get(route);
	if (!validate) {
		validate = ajv.compile({ $ref: route.bodyRef });
		bodyValidators.set(route, validate);
	}
	return validate;
}

const TYPE_WORDS: Record<string, string> = {
	string: 'a string',
	boolean: 'a boolean value',
	number: 'a number conforming to the specified constraints',
	integer: 'an integer number',
	array: 'an array',
	object: 'an object',
};

// Messages read like class-validator's (what HighLevel's 422s carry): each names its field.
function describe(e: ErrorObject): string {
	const field = e.instancePath.slice(1).replace(/\//g, '.');
	const child = (name: string) => (field ? `${field}.${name}` : name);
	switch (e.keyword) {
		case 'additionalProperties':
			return `property ${child(e.params.additionalProperty)} should not exist`;
		case 'required':
			return `${child(e.params.missingProperty)} should not be empty`;
		case 'enum':
			return `${field} must be one of the following values: ${e.params.allowedValues.join(', ')}`;
		case 'type': {
			const types: string[] = [e.params.type].flat();
			return `${field || 'body'} must be ${types.map((t) => TYPE_WORDS[t] ?? t).join(' or ')}`;
		}
		case 'minimum':
			return `${field} must not be less than ${e.params.limit}`;
		case 'maximum':
			return `${field} must not be greater than ${e.params.limit}`;
		case 'maxLength':
			return `${field} must be shorter than or equal to ${e.params.limit} characters`;
		default:
			return `${field || 'body'} ${e.message ?? 'is invalid'}`;
	}
}

export function validateBody(route: Route, body: unknown): string[] {
	const validate = bodyValidator(route);
	return validate(body) ? [] : [...new Set((validate.errors ?? []).map(describe))];
}

/** Required query parameters, and enum/number/boolean query and path parameters. */
export function validateParams(
	route: Route,
	query: Record<string, string | string[]>,
	params: Record<string, string>,
): string[] {
	const errors: string[] = [];
	for (const p of route.parameters) {
		if (p.in !== 'query' && p.in !== 'path') continue;
		const raw = p.in === 'query' ? query[p.name] : params[p.name];
		if (raw === undefined || raw === '') {
			if (p.required) errors.push(`${p.name} should not be empty`);
			continue;
		}
		const values = Array.isArray(raw) ? raw : [raw];
		const type = p.schema?.type;
		if (type !== 'array' && values.length > 1) errors.push(`${p.name} must be a single value`);
		for (const v of values) {
			if (p.schema?.enum && !p.schema.enum.includes(v)) {
				errors.push(`${p.name} must be one of the following values: ${p.schema.enum.join(', ')}`);
			} else if ((type === 'number' || type === 'integer') && !/^-?\d+(\.\d+)?$/.test(v)) {
				errors.push(`${p.name} must be ${TYPE_WORDS[type]}`);
			} else if (type === 'boolean' && v !== 'true' && v !== 'false') {
				errors.push(`${p.name} must be ${TYPE_WORDS.boolean}`);
			}
		}
	}
	return errors;
}
