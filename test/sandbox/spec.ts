// The sandbox takes routes, scopes, versions and body schemas from HighLevel's own OpenAPI
// documents (copied into ./spec, see spec/README.md), so a request the sandbox accepts is one
// the spec allows, not one a hand-written mock happens to like.
// This file reads those documents and routes by them; validation.ts checks bodies and parameters
// against them, and rules.ts adds the 422 rules their schemas cannot express.
import * as fs from 'fs';
import * as path from 'path';

export type Json = Record<string, unknown>;

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
export const API_NAMES: ApiName[] = ['calendars', 'users', 'contacts', 'locations'];

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
	/** The same alternatives with the names of their security schemes, which say who may use them. */
	security: SecurityAlternative[];
	hasBody: boolean;
	/** Template split like a request path: literal strings, or `{ param }` for a parameter. */
	segments: Array<string | { param: string }>;
	/** JSON pointer (with the file's $id) to the operation's request body schema. */
	bodyRef: string;
}

/** One alternative of an operation's `security`: its scheme names and the scopes it needs. */
export interface SecurityAlternative {
	schemes: string[];
	scopes: string[];
}

export interface RouteMatch {
	route: Route;
	/** Path parameters, percent-decoded after the path was split. */
	params: Record<string, string>;
}

const SPEC_DIR = path.join(__dirname, 'spec');
// Any absolute base works; it only lets ajv resolve the specs' `../common/common-schemas.json`
// reference the same way it resolves on disk.
export const specId = (api: ApiName) => `https://sandbox.invalid/apps/${api}.json`;
export const COMMON_ID = 'https://sandbox.invalid/common/common-schemas.json';

const readJson = (file: string): Json =>
	JSON.parse(fs.readFileSync(path.join(SPEC_DIR, file), 'utf8'));

export const specs = Object.fromEntries(
	API_NAMES.map((api) => [api, readJson(`apps/${api}.json`)]),
) as Record<ApiName, Json>;
export const commonSpec = readJson('common/common-schemas.json');

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

/** An operation's (or a hand-written route's) `security`, as SecurityAlternatives. */
export const securityOf = (security: Array<Record<string, string[]>>): SecurityAlternative[] =>
	security.map((alt) => ({ schemes: Object.keys(alt), scopes: Object.values(alt).flat() }));

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
					security: securityOf(op.security ?? []),
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
 * Whether the scopes held fit one alternative. Only the scope lists count here; the scheme names
 * (`bearer`, `Location-Access`, `Agency-Access`), which say which kind of token may use an
 * alternative, are tokenAllows' concern. An empty list (`{ "bearer": [] }`) needs no scope at all.
 */
export function scopesAllow(route: Pick<Route, 'scopeSets'>, held: string[]): boolean {
	return (
		route.scopeSets.length === 0 ||
		route.scopeSets.some((set) => set.every((s) => held.includes(s)))
	);
}

/** Schemes an agency (Company) token may use; the rest are for sub-account tokens. */
const AGENCY_SCHEMES = ['Agency-Access', 'Agency-Access-Only'];

/**
 * scopesAllow, for a token of a given class. Here the scheme names count: an agency (Company)
 * token may only use alternatives under `Agency-Access` or `Agency-Access-Only`, so it is refused
 * wherever the spec names only `bearer` or `Location-Access` (every Calendars route), the way
 * HighLevel refuses a token of the wrong class. A sub-account token may use every alternative
 * but `Agency-Access-Only` ones (none in the vendored specs; POST /oauth/locationToken is one).
 */
export function tokenAllows(
	route: Pick<Route, 'security'>,
	userType: 'Location' | 'Company',
	held: string[],
): boolean {
	if (route.security.length === 0) return true;
	// `{}` among the alternatives would mean "no token needed": usable by anyone.
	const usable = route.security.filter(
		(alt) =>
			alt.schemes.length === 0 ||
			alt.schemes.some((scheme) =>
				userType === 'Company' ? AGENCY_SCHEMES.includes(scheme) : scheme !== 'Agency-Access-Only',
			),
	);
	return usable.length > 0 && scopesAllow({ scopeSets: usable.map((alt) => alt.scopes) }, held);
}
