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
	/** Every Version whose document has this operation, oldest first. */
	versions: string[];
}

const SPEC_DIR = path.join(__dirname, 'spec');

/**
 * One vendored OpenAPI document: one API at one Version. The Calendars API has two, 2021-04-15
 * and v3 (spec/README.md); a request is checked against the document of the Version it carries.
 */
export interface SpecDocument {
	api: ApiName;
	/** Path under spec/, which is also the document's ajv id below a fixed base. */
	file: string;
	spec: Json;
	version: string;
}

/** The documents, oldest Version first within an API. */
const DOCUMENT_FILES: Array<[ApiName, string]> = [
	['calendars', 'apps/calendars.json'],
	['calendars', 'v3/apps/calendars-v3.json'],
	['users', 'apps/users.json'],
	['contacts', 'apps/contacts.json'],
	['locations', 'apps/locations.json'],
];

// Any absolute base works; it only lets ajv resolve the specs' `../common/common-schemas.json`
// reference the same way it resolves on disk (spec/v3 keeps its own common next to its apps).
export const documentId = (file: string) => `https://sandbox.invalid/${file}`;
export const COMMON_FILES = ['common/common-schemas.json', 'v3/common/common-schemas.json'];

const readJson = (file: string): Json =>
	JSON.parse(fs.readFileSync(path.join(SPEC_DIR, file), 'utf8'));

export const commonSpecs: Array<{ file: string; spec: Json }> = COMMON_FILES.map((file) => ({
	file,
	spec: readJson(file),
}));

type Paths = Record<string, Record<string, Operation>>;

/**
 * A document's operations repeat its Version as a `Version` header enum; a document whose
 * operations disagree would make "the version of its API" meaningless, so refuse.
 */
function versionOf(file: string, spec: Json): string {
	const versions = new Set<unknown>();
	for (const ops of Object.values(spec.paths as Paths)) {
		for (const op of Object.values(ops)) {
			const header = (op.parameters ?? []).find((p) => p.in === 'header' && p.name === 'Version');
			header?.schema?.enum?.forEach((v) => versions.add(v));
		}
	}
	const [version, ...others] = [...versions];
	if (typeof version !== 'string' || others.length > 0) {
		throw new Error(
			`spec/${file}: expected one Version value, found ${JSON.stringify([...versions])}`,
		);
	}
	return version;
}

export const documents: SpecDocument[] = DOCUMENT_FILES.map(([api, file]) => {
	const spec = readJson(file);
	return { api, file, spec, version: versionOf(file, spec) };
});

const scopesOf = (apis: ApiName[]): string[] =>
	[
		...new Set(
			documents
				.filter((doc) => apis.includes(doc.api))
				.flatMap((doc) =>
					Object.values(doc.spec.paths as Paths).flatMap((ops) =>
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

/** Every Version each API has a document for, oldest first. */
export const SPEC_VERSIONS = Object.fromEntries(
	API_NAMES.map((api) => [api, documents.filter((d) => d.api === api).map((d) => d.version)]),
) as Record<ApiName, string[]>;

/** The newest Version of each API: the one the node sends (helpers/constants.ts). */
export const API_VERSIONS = Object.fromEntries(
	API_NAMES.map((api) => [api, SPEC_VERSIONS[api][SPEC_VERSIONS[api].length - 1]]),
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
	const apiOf = new Map<string, ApiName>();
	for (const { api, file, spec, version } of documents) {
		for (const [template, ops] of Object.entries(spec.paths as Paths)) {
			for (const [method, op] of Object.entries(ops)) {
				const key = `${method.toUpperCase()} ${template}`;
				// Handlers are keyed by method and template, so those must not repeat across APIs
				// (an API's Versions share them: one handler answers every Version).
				if ((apiOf.get(key) ?? api) !== api || seen.has(`${version} ${key}`))
					throw new Error(`${key} is defined by more than one spec`);
				apiOf.set(key, api);
				seen.add(`${version} ${key}`);
				routes.push({
					api,
					method: method.toUpperCase(),
					template,
					parameters: op.parameters ?? [],
					version,
					scopeSets: (op.security ?? []).map((alt) => Object.values(alt).flat()),
					security: securityOf(op.security ?? []),
					hasBody: op.requestBody?.content?.['application/json'] !== undefined,
					segments: splitPath(template).map((s) => {
						const m = /^\{(.+)\}$/.exec(s);
						return m ? { param: m[1] } : s;
					}),
					bodyRef: `${documentId(file)}#/${pointer(['paths', template, method, 'requestBody', 'content', 'application/json', 'schema'])}`,
				});
			}
		}
	}
	// Literal segments win over parameters, or GET `/calendars/events` would be taken by
	// GET `/calendars/{calendarId}`; HighLevel evidently registers the literal routes first.
	const rank = (r: Route) => r.segments.map((s) => (typeof s === 'string' ? '0' : '1')).join('');
	// One operation's Versions stay together, in document order (matchRoute relies on it).
	const firstSeen = new Map<string, number>();
	routes.forEach((r, i) => firstSeen.set(r.template, firstSeen.get(r.template) ?? i));
	return routes.sort(
		(a, b) =>
			rank(a).localeCompare(rank(b)) || firstSeen.get(a.template)! - firstSeen.get(b.template)!,
	);
}

export const routes = buildRoutes();

/**
 * Finds the operation for a request, in the document of the Version it carries when one has it
 * (otherwise in the first that does, so the guard can name the Versions that would do). The raw
 * path is split on `/` before anything is decoded, so `%2F` inside an id stays inside that one
 * parameter and can never reach another route. Throws URIError when a parameter is not valid
 * percent-encoding.
 */
export function matchRoute(
	method: string,
	rawPath: string,
	version?: string,
): RouteMatch | undefined {
	const parts = splitPath(rawPath);
	let found: RouteMatch | undefined;
	for (const route of routes) {
		if (route.method !== method || route.segments.length !== parts.length) continue;
		if (found && found.route.template !== route.template) break;
		const raw: Record<string, string> = {};
		const fits = route.segments.every((seg, i) => {
			if (typeof seg === 'string') return seg === parts[i];
			raw[seg.param] = parts[i];
			return parts[i] !== '';
		});
		if (!fits) continue;
		if (found) {
			found.versions.push(route.version);
			if (route.version === version) found.route = route;
			continue;
		}
		const params: Record<string, string> = {};
		for (const [name, value] of Object.entries(raw)) params[name] = decodeURIComponent(value);
		found = { route, params, versions: [route.version] };
	}
	return found;
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
