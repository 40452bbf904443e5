import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import * as ts from 'typescript';

/**
 * The layout's dependency rule (docs/architecture.md, "Layers"): which layer may import which,
 * checked over the import graph of nodes/ and credentials/. Type-only imports are left out: they
 * vanish from the build and cannot make a cycle at run time.
 */

const ROOT = join(__dirname, '..', '..');
const NODE = 'nodes/HighLevelCalendar/';

/** The layer of a source file, from its path. */
export function layerOf(file: string): string {
	if (file.startsWith('credentials/')) return 'credentials';
	if (file.startsWith('nodes/HighLevelCalendarTrigger/')) return 'trigger';
	if (file.startsWith('nodes/HighLevelCalendarInstantTrigger/')) return 'instant';
	if (!file.startsWith(NODE)) throw new Error(`${file} is in no layer`);
	const inner = file.slice(NODE.length);
	if (inner === 'HighLevelCalendar.node.ts') return 'node';
	if (inner === 'description.ts') return 'description';
	const [top, second] = inner.split('/');
	if (top === 'resources' && second.endsWith('.ts')) return 'frame';
	if (top === 'resources') return second === 'event' ? 'event' : `resource:${second}`;
	return top;
}

/** Each layer and the layers it may import (its own always included). */
const ALLOWED: Record<string, string[]> = {
	helpers: [],
	transport: ['helpers'],
	fields: ['helpers'],
	hooks: ['transport', 'helpers'],
	methods: ['resource', 'transport', 'helpers'],
	event: ['frame', 'hooks', 'fields', 'transport', 'helpers'],
	frame: ['fields', 'helpers'],
	resource: ['frame', 'event', 'hooks', 'fields', 'transport', 'helpers'],
	description: ['resource', 'event', 'frame', 'hooks', 'fields', 'helpers'],
	node: ['description', 'methods', 'fields', 'transport', 'helpers'],
	trigger: ['methods', 'hooks', 'fields', 'transport', 'helpers'],
	instant: ['trigger', 'fields', 'transport', 'helpers'],
	credentials: ['helpers'],
};

export function layerKnown(layer: string): boolean {
	return ALLOWED[kind(layer)] !== undefined;
}

function kind(layer: string): string {
	return layer.startsWith('resource:') ? 'resource' : layer;
}

export function mayImport(from: string, to: string): boolean {
	if (from === to) return true;
	return ALLOWED[kind(from)].includes(kind(to));
}

function sourceFiles(dir: string): string[] {
	return readdirSync(join(ROOT, dir)).flatMap((name) => {
		const path = `${dir}/${name}`;
		if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
		return name.endsWith('.ts') ? [path] : [];
	});
}

function resolveImport(from: string, specifier: string): string | undefined {
	const base = normalize(join(dirname(from), specifier));
	for (const candidate of [`${base}.ts`, `${base}/index.ts`]) {
		try {
			if (statSync(join(ROOT, candidate)).isFile()) return candidate;
		} catch {
			// not this candidate
		}
	}
	return undefined;
}

/** The run-time imports of a file: relative, and not `import type`/`export type`. */
export function runtimeImports(file: string): string[] {
	const source = ts.createSourceFile(
		file,
		readFileSync(join(ROOT, file), 'utf8'),
		ts.ScriptTarget.ES2022,
	);
	const found: string[] = [];
	for (const statement of source.statements) {
		let specifier: ts.Expression | undefined;
		if (ts.isImportDeclaration(statement)) {
			const clause = statement.importClause;
			if (clause?.isTypeOnly) continue;
			const bindings = clause?.namedBindings;
			const allTypes =
				clause !== undefined &&
				clause.name === undefined &&
				bindings !== undefined &&
				ts.isNamedImports(bindings) &&
				bindings.elements.length > 0 &&
				bindings.elements.every((element) => element.isTypeOnly);
			if (allTypes) continue;
			specifier = statement.moduleSpecifier;
		} else if (ts.isExportDeclaration(statement) && !statement.isTypeOnly) {
			specifier = statement.moduleSpecifier;
		}
		if (!specifier || !ts.isStringLiteral(specifier) || !specifier.text.startsWith('.')) continue;
		const target = resolveImport(file, specifier.text);
		if (!target) throw new Error(`${file}: cannot resolve ${specifier.text}`);
		found.push(target);
	}
	return found;
}

export function importGraph(): Map<string, string[]> {
	const files = [...sourceFiles('nodes'), ...sourceFiles('credentials')];
	return new Map(files.map((file) => [file, runtimeImports(file)]));
}

/** Every cycle's files, found by Tarjan's strongly connected components. */
export function cycles(graph: Map<string, string[]>): string[][] {
	let index = 0;
	const indices = new Map<string, number>();
	const lowLinks = new Map<string, number>();
	const stack: string[] = [];
	const onStack = new Set<string>();
	const found: string[][] = [];
	const visit = (file: string): void => {
		indices.set(file, index);
		lowLinks.set(file, index++);
		stack.push(file);
		onStack.add(file);
		for (const next of graph.get(file) ?? []) {
			if (!indices.has(next)) {
				visit(next);
				lowLinks.set(file, Math.min(lowLinks.get(file)!, lowLinks.get(next)!));
			} else if (onStack.has(next)) {
				lowLinks.set(file, Math.min(lowLinks.get(file)!, indices.get(next)!));
			}
		}
		if (lowLinks.get(file) !== indices.get(file)) return;
		const component: string[] = [];
		let member: string;
		do {
			member = stack.pop()!;
			onStack.delete(member);
			component.push(member);
		} while (member !== file);
		if (component.length > 1 || (graph.get(file) ?? []).includes(file))
			found.push(component.sort());
	};
	for (const file of graph.keys()) if (!indices.has(file)) visit(file);
	return found;
}
