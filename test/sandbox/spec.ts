// The sandbox takes routes, scopes, versions and body schemas from HighLevel's own OpenAPI
// document (copied into ./spec, see spec/README.md), so a request the sandbox accepts is one
// the spec allows, not one a hand-written mock happens to like.
import * as fs from 'fs';
import * as path from 'path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';

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

export interface Route {
	method: string;
	/** The spec's path template, e.g. `/calendars/events/appointments/{eventId}`. */
	template: string;
	parameters: Parameter[];
	/** Value the `Version` header must carry. */
	version: string | undefined;
	/** Alternatives from `security`: the token must hold every scope of at least one. */
	scopeSets: string[][];
	hasBody: boolean;
	/** Template split like a request path: literal strings, or `{ param }` for a parameter. */
	segments: Array<string | { param: string }>;
	bodyPointer: string;
}

export interface RouteMatch {
	route: Route;
	/** Path parameters, percent-decoded after the path was split. */
	params: Record<string, string>;
}

const SPEC_DIR = path.join(__dirname, 'spec');
// Any absolute base works; it only lets ajv resolve the spec's `../common/common-schemas.json`
// reference the same way it resolves on disk.
const CALENDARS_ID = 'https://sandbox.invalid/apps/calendars.json';
const COMMON_ID = 'https://sandbox.invalid/common/common-schemas.json';

const readJson = (file: string): Json => JSON.parse(fs.readFileSync(path.join(SPEC_DIR, file), 'utf8'));

const calendarsSpec = readJson('apps/calendars.json');
const commonSpec = readJson('common/common-schemas.json');

const paths = calendarsSpec.paths as Record<string, Record<string, Operation>>;

export const CALENDAR_SCOPES: string[] = [
	...new Set(
		Object.values(paths).flatMap((ops) =>
			Object.values(ops).flatMap((op) => (op.security ?? []).flatMap((alt) => Object.values(alt).flat())),
		),
	),
].sort();

// ---------------------------------------------------------------------------------------------
// Routing

function splitPath(p: string): string[] {
	// Express (under Nest) routes non-strictly: `/calendars` and `/calendars/` are the same path.
	// The spec writes list-calendars as `/calendars/`, clients often send `/calendars`.
	return (p.length > 1 && p.endsWith('/') ? p.slice(0, -1) : p).split('/');
}

function buildRoutes(): Route[] {
	const routes: Route[] = [];
	for (const [template, ops] of Object.entries(paths)) {
		for (const [method, op] of Object.entries(ops)) {
			const parameters = op.parameters ?? [];
			const versionEnum = parameters.find((p) => p.in === 'header' && p.name === 'Version')?.schema?.enum;
			routes.push({
				method: method.toUpperCase(),
				template,
				parameters,
				version: typeof versionEnum?.[0] === 'string' ? versionEnum[0] : undefined,
				scopeSets: (op.security ?? []).map((alt) => Object.values(alt).flat()),
				hasBody: op.requestBody?.content?.['application/json'] !== undefined,
				segments: splitPath(template).map((s) => {
					const m = /^\{(.+)\}$/.exec(s);
					return m ? { param: m[1] } : s;
				}),
				bodyPointer: ['paths', template, method, 'requestBody', 'content', 'application/json', 'schema']
					.map((s) => encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1')))
					.join('/'),
			});
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

function applyLiveRelaxations(schemas: Record<string, Json>): void {
	// The schemas mark block-slot calendarId required, but the field text (and the docs repo's
	// issue 23) say "Either calendarId or assignedUserId can be set, not both", and the live API
	// accepts a user-only block slot. So calendarId is optional here and `blockSlotTargetRule`
	// demands exactly one of the two. locationId stays required.
	for (const name of ['BlockSlotCreateRequestDTO', 'BlockSlotEditRequestDTO']) {
		const required = schemas[name].required as string[];
		schemas[name].required = required.filter((f) => f !== 'calendarId');
	}
}

const requestSpec = structuredClone(calendarsSpec);
forbidUnknownFields(requestSpec.components);
forbidUnknownFields(requestSpec.paths);
applyLiveRelaxations((requestSpec.components as Json).schemas as Record<string, Json>);

// strict: false because the spec is OpenAPI, not pure JSON Schema (`example`, `deprecated`, ...).
const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addSchema({ ...requestSpec, $id: CALENDARS_ID });
ajv.addSchema({ ...commonSpec, $id: COMMON_ID });

const bodyValidators = new Map<Route, ValidateFunction>();

function bodyValidator(route: Route): ValidateFunction {
	let validate = bodyValidators.get(route);
	if (!validate) {
		validate = ajv.compile({ $ref: `${CALENDARS_ID}#/${route.bodyPointer}` });
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
		case 'type':
			return `${field || 'body'} must be ${TYPE_WORDS[e.params.type] ?? e.params.type}`;
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
const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/;

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

export function validateTimes(body: Json): string[] {
	const errors: string[] = [];
	const times: Record<string, number | undefined> = {};
	for (const field of ['startTime', 'endTime']) {
		const value = body[field];
		if (typeof value !== 'string') continue; // absent, or already a type error
		times[field] = parseIsoTime(value);
		if (times[field] === undefined) {
			errors.push(`${field} must be a valid ISO 8601 date string with an offset, e.g. 2021-06-23T03:30:00+05:30`);
		}
	}
	if (times.startTime !== undefined && times.endTime !== undefined && times.endTime <= times.startTime) {
		errors.push('endTime must be after startTime');
	}
	return errors;
}

/** See applyLiveRelaxations: a block slot belongs to exactly one calendar or one user. */
export function blockSlotTargetRule(route: Route, body: Json): string[] {
	if (!route.template.startsWith('/calendars/events/block-slots')) return [];
	const set = ['calendarId', 'assignedUserId'].filter((f) => body[f] !== undefined);
	if (set.length === 2) return ['Either calendarId or assignedUserId can be set, not both'];
	if (set.length === 0) return ['Either calendarId or assignedUserId must be set'];
	return [];
}
