// The sandbox takes routes, scopes, versions and body schemas from HighLevel's own OpenAPI
// documents (copied into ./spec, see spec/README.md), so a request the sandbox accepts is one
// the spec allows, not one a hand-written mock happens to like.
import * as fs from 'fs';
import * as path from 'path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { rruleErrors } from './recurrence';

type Json = Record<string, unknown>;

interface Parameter {
	name: string;
	in: 'query' | 'path' | 'header' | 'cookie';
	required?: boolean;
	schema?: { type?: string; enum?: unknown[] };
}

interface Operation {
	parameters?: Parameter[];
	requestBody?: { content?: Record<string, { schema?: unknown }> };
	security?: Array<Record<string, string[]>>;
}

/** The four HighLevel APIs the node talks to, by file name under spec/apps. */
export type ApiName = 'calendars' | 'users' | 'contacts' | 'locations';
const API_NAMES: ApiName[] = ['calendars', 'users', 'contacts', 'locations'];

export interface Route {
	api: ApiName;
	method: string;
	/** The spec's path template, e.g. `/calendars/events/appointments/{eventId}`. */
	template: string;
	parameters: Parameter[];
	/** Value the `Version` header must carry: that of the API the route belongs to. */
	version: string;
	/** Alternatives from `security`: the token must hold every scope of at least one. */
	scopeSets: string[][];
	hasBody: boolean;
	/** Template split like a request path: literal strings, or `{ param }` for a parameter. */
	segments: Array<string | { param: string }>;
	/** JSON pointer (with the file's $id) to the operation's request body schema. */
	bodyRef: string;
}

export interface RouteMatch {
	route: Route;
	/** Path parameters, percent-decoded after the path was split. */
	params: Record<string, string>;
}

const SPEC_DIR = path.join(__dirname, 'spec');
// Any absolute base works; it only lets ajv resolve the specs' `../common/common-schemas.json`
// reference the same way it resolves on disk.
const specId = (api: ApiName) => `https://sandbox.invalid/apps/${api}.json`;
const COMMON_ID = 'https://sandbox.invalid/common/common-schemas.json';

const readJson = (file: string): Json =>
	JSON.parse(fs.readFileSync(path.join(SPEC_DIR, file), 'utf8'));

const specs = Object.fromEntries(
	API_NAMES.map((api) => [api, readJson(`apps/${api}.json`)]),
) as Record<ApiName, Json>;
const commonSpec = readJson('common/common-schemas.json');

const pathsOf = (api: ApiName) => specs[api].paths as Record<string, Record<string, Operation>>;

const scopesOf = (apis: ApiName[]): string[] =>
	[
		...new Set(
			apis.flatMap((api) =>
				Object.values(pathsOf(api)).flatMap((ops) =>
					Object.values(ops).flatMap((op) =>
						(op.security ?? []).flatMap((alt) => Object.values(alt).flat()),
					),
				),
			),
		),
	].sort();

/** Every scope the Calendars API names. */
export const CALENDAR_SCOPES: string[] = scopesOf(['calendars']);
/** Every scope the four APIs name: what the default sandbox token holds. */
export const ALL_SCOPES: string[] = scopesOf(API_NAMES);

/**
 * Each file is one API with one version. The operations repeat it as a `Version` header enum;
 * a file whose operations disagree would make "the version of its API" meaningless, so refuse.
 */
function versionOf(api: ApiName): string {
	const versions = new Set<unknown>();
	for (const ops of Object.values(pathsOf(api))) {
		for (const op of Object.values(ops)) {
			const header = (op.parameters ?? []).find((p) => p.in === 'header' && p.name === 'Version');
			header?.schema?.enum?.forEach((v) => versions.add(v));
		}
	}
	const [version, ...others] = [...versions];
	if (typeof version !== 'string' || others.length > 0) {
		throw new Error(
			`spec/apps/${api}.json: expected one Version value, found ${JSON.stringify([...versions])}`,
		);
	}
	return version;
}

export const API_VERSIONS = Object.fromEntries(
	API_NAMES.map((api) => [api, versionOf(api)]),
) as Record<ApiName, string>;

// ---------------------------------------------------------------------------------------------
// Routing

function splitPath(p: string): string[] {
	// Express (under Nest) routes non-strictly: `/calendars` and `/calendars/` are the same path.
	// The spec writes list-calendars as `/calendars/`, clients often send `/calendars`.
	return (p.length > 1 && p.endsWith('/') ? p.slice(0, -1) : p).split('/');
}

const pointer = (segments: string[]) =>
	segments.map((s) => encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/');

function buildRoutes(): Route[] {
	const routes: Route[] = [];
	const seen = new Set<string>();
	for (const api of API_NAMES) {
		for (const [template, ops] of Object.entries(pathsOf(api))) {
			for (const [method, op] of Object.entries(ops)) {
				const key = `${method.toUpperCase()} ${template}`;
				// Handlers are keyed by method and template, so those must not repeat across APIs.
				if (seen.has(key)) throw new Error(`${key} is defined by more than one spec`);
				seen.add(key);
				routes.push({
					api,
					method: method.toUpperCase(),
					template,
					parameters: op.parameters ?? [],
					version: API_VERSIONS[api],
					scopeSets: (op.security ?? []).map((alt) => Object.values(alt).flat()),
					hasBody: op.requestBody?.content?.['application/json'] !== undefined,
					segments: splitPath(template).map((s) => {
						const m = /^\{(.+)\}$/.exec(s);
						return m ? { param: m[1] } : s;
					}),
					bodyRef: `${specId(api)}#/${pointer(['paths', template, method, 'requestBody', 'content', 'application/json', 'schema'])}`,
				});
			}
		}
	}
	// Literal segments win over parameters, or GET `/calendars/events` would be taken by
	// GET `/calendars/{calendarId}`; HighLevel evidently registers the literal routes first.
	const rank = (r: Route) => r.segments.map((s) => (typeof s === 'string' ? '0' : '1')).join('');
	return routes.sort((a, b) => rank(a).localeCompare(rank(b)));
}

export const routes = buildRoutes();

/**
 * Finds the operation for a request. The raw path is split on `/` before anything is decoded,
 * so `%2F` inside an id stays inside that one parameter and can never reach another route.
 * Throws URIError when a parameter is not valid percent-encoding.
 */
export function matchRoute(method: string, rawPath: string): RouteMatch | undefined {
	const parts = splitPath(rawPath);
	for (const route of routes) {
		if (route.method !== method || route.segments.length !== parts.length) continue;
		const raw: Record<string, string> = {};
		const fits = route.segments.every((seg, i) => {
			if (typeof seg === 'string') return seg === parts[i];
			raw[seg.param] = parts[i];
			return parts[i] !== '';
		});
		if (!fits) continue;
		const params: Record<string, string> = {};
		for (const [name, value] of Object.entries(raw)) params[name] = decodeURIComponent(value);
		return { route, params };
	}
	return undefined;
}

/**
 * The security scheme's name (`bearer`, `Location-Access`, `Agency-Access`) only says which kind
 * of token the spec expects; a sub-account token is accepted wherever its scopes fit, so only
 * the scope lists count. An empty list (`{ "bearer": [] }`) needs no scope at all.
 */
export function scopesAllow(route: Pick<Route, 'scopeSets'>, held: string[]): boolean {
	return (
		route.scopeSets.length === 0 ||
		route.scopeSets.some((set) => set.every((s) => held.includes(s)))
	);
}

// ---------------------------------------------------------------------------------------------
// Validation

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
for (const api of API_NAMES) {
	const requestSpec = structuredClone(specs[api]);
	forbidUnknownFields(requestSpec.components);
	forbidUnknownFields(requestSpec.paths);
	applyLiveRelaxations(api, (requestSpec.components as Json).schemas as Record<string, Json>);
	ajv.addSchema({ ...requestSpec, $id: specId(api) });
}
ajv.addSchema({ ...commonSpec, $id: COMMON_ID });

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

// The spec types event times as plain strings; HighLevel reads them as ISO 8601 instants and
// an instant needs an offset. Without one the server would guess a time zone.
const ISO_WITH_OFFSET =
	/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/;

/** Milliseconds since the epoch, or undefined unless `s` is ISO 8601 with seconds and an offset. */
export function parseIsoTime(s: string): number | undefined {
	const m = ISO_WITH_OFFSET.exec(s);
	if (!m) return undefined;
	const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
	const calendarDay = new Date(Date.UTC(year, month - 1, day));
	// Date.parse rolls 2021-02-30 over into March; a real API would reject it.
	if (calendarDay.getUTCMonth() !== month - 1 || calendarDay.getUTCDate() !== day) return undefined;
	if (hour > 23 || minute > 59 || second > 59) return undefined;
	return Date.parse(s);
}

function validateTimes(body: Json): string[] {
	const errors: string[] = [];
	const times: Record<string, number | undefined> = {};
	for (const field of ['startTime', 'endTime']) {
		const value = body[field];
		if (typeof value !== 'string') continue; // absent, or already a type error
		times[field] = parseIsoTime(value);
		if (times[field] === undefined) {
			errors.push(
				`${field} must be a valid ISO 8601 date string with an offset, e.g. 2021-06-23T03:30:00+05:30`,
			);
		}
	}
	if (
		times.startTime !== undefined &&
		times.endTime !== undefined &&
		times.endTime <= times.startTime
	) {
		errors.push('endTime must be after startTime');
	}
	return errors;
}

/** See applyLiveRelaxations: a block slot belongs to exactly one calendar or one user. */
function blockSlotTarget(body: Json): string[] {
	const set = ['calendarId', 'assignedUserId'].filter((f) => body[f] !== undefined);
	if (set.length === 2) return ['Either calendarId or assignedUserId can be set, not both'];
	if (set.length === 0) return ['Either calendarId or assignedUserId must be set'];
	return [];
}

/** The create schema leaves both times optional, but a block slot without them blocks nothing. */
const blockSlotTimes = (body: Json): string[] =>
	['startTime', 'endTime']
		.filter((f) => body[f] === undefined)
		.map((f) => `${f} should not be empty`);

type Query = Record<string, string | string[]>;
const single = (v: string | string[] | undefined): string | undefined =>
	typeof v === 'string' && v !== '' ? v : undefined;

/**
 * List events and list blocked slots: the spec types the window as strings ("in millis") and
 * says in each filter's text that one of calendarId, userId, groupId is required. HighLevel
 * answers for one owner at a time, so two at once is refused too rather than guessed at.
 */
function eventWindow(query: Query): string[] {
	const errors: string[] = [];
	const times: Record<string, number> = {};
	for (const field of ['startTime', 'endTime']) {
		const value = single(query[field]);
		if (value === undefined) continue; // missing: already reported as required
		if (/^\d+$/.test(value)) times[field] = Number(value);
		else errors.push(`${field} must be a number string (milliseconds since the epoch)`);
	}
	if (
		times.startTime !== undefined &&
		times.endTime !== undefined &&
		times.endTime < times.startTime
	) {
		errors.push('endTime must not be before startTime');
	}
	const owners = ['calendarId', 'userId', 'groupId'].filter(
		(f) => query[f] !== undefined && query[f] !== '',
	);
	if (owners.length === 0) errors.push('Either of calendarId, userId or groupId is required');
	if (owners.length > 1)
		errors.push(`Only one of calendarId, userId or groupId can be set, got ${owners.join(', ')}`);
	return errors;
}

/** The users search types skip and limit as strings; they are still counts. */
function userSearchPaging(query: Query): string[] {
	return ['skip', 'limit']
		.filter((f) => query[f] !== undefined && !/^\d+$/.test(single(query[f]) ?? ''))
		.map((f) => `${f} must be a non-negative integer string`);
}

/** The Search Contacts guide: page and searchAfter are two paging modes, never combined. */
function contactSearchPaging(body: Json): string[] {
	return body.page !== undefined && body.searchAfter !== undefined
		? ['page and searchAfter cannot be used together']
		: [];
}

/**
 * Rules HighLevel enforces with a 422 that the schemas cannot express, keyed like handlers.
 * Each runs only when the spec's own checks left a body that is an object.
 */
const RULES: Record<string, (query: Query, body: Json) => string[]> = {
	'POST /calendars/events/appointments': (_q, body) => [
		...validateTimes(body),
		...rruleErrors(body),
	],
	'PUT /calendars/events/appointments/{eventId}': (_q, body) => [
		...validateTimes(body),
		...rruleErrors(body),
	],
	'POST /calendars/events/block-slots': (_q, body) => [
		...blockSlotTimes(body),
		...validateTimes(body),
		...blockSlotTarget(body),
	],
	'PUT /calendars/events/block-slots/{eventId}': (_q, body) => [
		...validateTimes(body),
		...blockSlotTarget(body),
	],
	'GET /calendars/events': (query) => eventWindow(query),
	'GET /calendars/blocked-slots': (query) => eventWindow(query),
	'GET /users/search': (query) => userSearchPaging(query),
	'POST /contacts/search': (_q, body) => contactSearchPaging(body),
};

export function validateRules(route: Route, query: Query, body: Json): string[] {
	return RULES[`${route.method} ${route.template}`]?.(query, body) ?? [];
}
