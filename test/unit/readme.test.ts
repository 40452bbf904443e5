/**
 * The README's operations table is a checked fact: it lists every operation of HighLevel's official
 * Calendars API spec of the Version the node sends (v3: the copy in test/sandbox/spec/v3/apps/)
 * with the scope that spec names and that Version, every endpoint it names is in the spec, and its
 * resources and operations are the node's own.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { INodePropertyOptions } from 'n8n-workflow';
import { HighLevelCalendar } from '../../nodes/HighLevelCalendar/HighLevelCalendar.node';
import {
	CALENDARS_API_VERSION,
	CONTACTS_API_VERSION,
} from '../../nodes/HighLevelCalendar/helpers/constants';

const ROOT = path.join(__dirname, '..', '..');
const HEADER = '| Resource | Operation | HighLevel endpoint | Scope | Version |';

interface Row {
	resource: string;
	operation: string;
	method: string;
	path: string;
	scope: string;
	version: string;
}

/** The rows of the table under HEADER, up to its first non-table line. */
function readmeRows(): Row[] {
	const lines = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8').split('\n');
	const start = lines.indexOf(HEADER);
	if (start < 0) throw new Error(`README.md has no line "${HEADER}"`);
	const rows: Row[] = [];
	for (const line of lines.slice(start + 2)) {
		if (!line.startsWith('|')) break;
		const [resource, operation, endpoint, scope, version] = line
			.split('|')
			.slice(1, -1)
			.map((cell) => cell.trim());
		const match = /^`(GET|POST|PUT|DELETE|PATCH) ([^`?\s]+)(\?[^`]*)?`$/.exec(endpoint);
		if (!match) throw new Error(`README table: cannot read the endpoint of "${line}"`);
		rows.push({ resource, operation, method: match[1], path: match[2], scope, version });
	}
	return rows;
}

interface SpecOperation {
	method: string;
	path: string;
	/** The scopes of each `security` alternative, joined by spaces. */
	scopes: string[];
}

type Security = Array<Record<string, string[]>>;

/** The spec documents of the Versions the node sends (test/sandbox/spec/README.md). */
const SPEC_FILES = { calendars: 'v3/apps/calendars-v3.json', contacts: 'apps/contacts.json' };

function specOperations(api: 'calendars' | 'contacts'): SpecOperation[] {
	const file = path.join(ROOT, 'test', 'sandbox', 'spec', SPEC_FILES[api]);
	const spec = JSON.parse(fs.readFileSync(file, 'utf8')) as {
		paths: Record<string, Record<string, { operationId?: string; security?: Security }>>;
	};
	return Object.entries(spec.paths).flatMap(([specPath, operations]) =>
		Object.entries(operations)
			.filter(([, operation]) => typeof operation?.operationId === 'string')
			.map(([method, operation]) => ({
				method: method.toUpperCase(),
				path: specPath,
				scopes: (operation.security ?? []).map((alt) => Object.values(alt).flat().join(' ')),
			})),
	);
}

const rows = readmeRows();
const calendars = specOperations('calendars');
const contacts = specOperations('contacts');
const key = (o: { method: string; path: string }) => `${o.method} ${o.path}`;

const properties = new HighLevelCalendar().description.properties;
const resources = (properties.find((p) => p.name === 'resource')?.options ??
	[]) as INodePropertyOptions[];
/** The node's operation names for a resource, from its description: nothing here counts them by hand. */
const operationNames = (value: unknown) =>
	(
		(properties.find(
			(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(value as string),
		)?.options ?? []) as INodePropertyOptions[]
	).map((o) => o.name);
const nodeOperationCount = resources.reduce(
	(count, resource) => count + operationNames(resource.value).length,
	0,
);
/** A row's operation without its variant: "Get Many (contact)" is the operation "Get Many". */
const operationOf = (row: Row) => row.operation.replace(/ \(.*\)$/, '');

describe('README operations table', () => {
	it('reads the table, the spec and the node', () => {
		expect(calendars.length).toBeGreaterThan(0);
		expect(nodeOperationCount).toBeGreaterThan(0);
		// Every operation of the node has a row; one with two endpoints has one row per endpoint.
		const listed = new Set(rows.map((row) => `${row.resource}|${operationOf(row)}`));
		expect(listed.size).toBe(nodeOperationCount);
		expect(rows.length).toBeGreaterThanOrEqual(nodeOperationCount);
	});

	it.each(calendars.map((o) => [key(o), o] as const))(
		'lists %s with its scope',
		(_key, operation) => {
			const listed = rows.filter((row) => key(row) === key(operation));
			expect(listed.length).toBeGreaterThan(0);
			for (const row of listed) expect(operation.scopes).toContain(row.scope);
		},
	);

	it('names only endpoints of the spec, with the spec scope', () => {
		const byKey = new Map([...contacts, ...calendars].map((o) => [key(o), o]));
		const wrong = rows
			.filter((row) => !byKey.get(key(row))?.scopes.includes(row.scope))
			.map((row) => `${row.resource} ${row.operation}: ${key(row)} ${row.scope}`);
		expect(wrong).toEqual([]);
	});

	it('gives each row the Version the node sends to its API', () => {
		const wrong = rows
			.filter((row) => {
				const api = calendars.some((o) => key(o) === key(row)) ? 'calendars' : 'contacts';
				const sent = api === 'calendars' ? CALENDARS_API_VERSION : CONTACTS_API_VERSION;
				return row.version !== sent;
			})
			.map((row) => `${row.resource} ${row.operation}: ${row.version}`);
		expect(wrong).toEqual([]);
	});

	it('uses the Contacts API only for Appointment Get Many by contact', () => {
		const outside = rows.filter((row) => !calendars.some((o) => key(o) === key(row)));
		expect(outside.map((row) => `${row.resource} ${row.operation} ${key(row)}`)).toEqual([
			'Appointment Get Many (contact) GET /contacts/{contactId}/appointments',
		]);
	});

	it("groups the rows by resource, in the node's order, with the node's operation names", () => {
		// One entry per run of rows of the same resource: a resource split in two shows twice.
		const order = rows
			.filter((row, i) => i === 0 || rows[i - 1].resource !== row.resource)
			.map((row) => row.resource);
		expect(order).toEqual(resources.map((r) => r.name));
		for (const resource of resources) {
			const listed = rows.filter((row) => row.resource === resource.name).map(operationOf);
			expect([...new Set(listed)].sort()).toEqual([...operationNames(resource.value)].sort());
		}
	});
});
