import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { cycles, importGraph, layerOf, layerKnown, mayImport } from './importGraph';

describe('the layout', () => {
	const graph = importGraph();

	it('has no import cycle', () => {
		expect(cycles(graph)).toEqual([]);
	});

	it('has no import against the dependency rule', () => {
		const against: string[] = [];
		for (const [file, targets] of graph)
			for (const target of targets)
				if (!mayImport(layerOf(file), layerOf(target)))
					against.push(`${file} (${layerOf(file)}) -> ${target} (${layerOf(target)})`);
		expect(against).toEqual([]);
	});

	it('puts every source file in a layer', () => {
		for (const file of graph.keys())
			expect([file, layerKnown(layerOf(file))]).toEqual([file, true]);
	});

	it('catches an edge against the rule and a cycle (the checks can fail)', () => {
		expect(mayImport('transport', 'fields')).toBe(false);
		expect(mayImport('resource:appointment', 'resource:blockSlot')).toBe(false);
		expect(
			cycles(
				new Map([
					['a', ['b']],
					['b', ['a']],
					['c', ['a']],
				]),
			),
		).toEqual([['a', 'b']]);
	});
});

describe('the unit tests', () => {
	it('mirror nodes/: each test names the source file or folder it tests', () => {
		const root = join(__dirname, '..', '..');
		const unmatched = testFiles(join(__dirname))
			.map((file) => relative(__dirname, file))
			.filter((file) => file.startsWith('HighLevelCalendar'))
			.filter((file) => {
				const source = join(root, 'nodes', file.replace(/\.test\.ts$/, ''));
				return !existsSync(`${source}.ts`) && !existsSync(source);
			});
		expect(unmatched).toEqual([]);
	});
});

function testFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory()
			? testFiles(join(dir, entry.name))
			: entry.name.endsWith('.test.ts')
				? [join(dir, entry.name)]
				: [],
	);
}
