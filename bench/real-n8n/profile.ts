// Reading a V8 CPU profile (node --cpu-prof) for the real-n8n bench's --profile run.
export interface CpuProfile {
	nodes: Array<{
		id: number;
		callFrame: { functionName: string; url: string; lineNumber: number };
		children?: number[];
	}>;
	samples: number[];
	timeDeltas: number[];
	startTime: number;
}

/** Self and inclusive time per function (name + url + line), whole run and inside [fromUs, toUs] of the profile. */
export function aggregate(profile: CpuProfile, fromUs: number, toUs: number) {
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const self = new Map<number, [number, number]>();
	let t = profile.startTime;
	profile.samples.forEach((id, i) => {
		t += profile.timeDeltas[i];
		const d = profile.timeDeltas[i];
		const s = self.get(id) ?? [0, 0];
		s[0] += d;
		if (t >= fromUs && t <= toUs) s[1] += d;
		self.set(id, s);
	});
	const keyOf = (n: CpuProfile['nodes'][number]) => {
		const { functionName, url, lineNumber } = n.callFrame;
		const short = url.replace(/^file:\/\//, '').replace(/^.*\/node_modules\//, '');
		return `${functionName || '(anonymous)'} ${short}${url ? `:${lineNumber + 1}` : ''}`;
	};
	const selfBy = new Map<string, [number, number]>();
	const inclBy = new Map<string, [number, number]>();
	const add = (map: Map<string, [number, number]>, key: string, v: [number, number]) => {
		const cur = map.get(key) ?? [0, 0];
		map.set(key, [cur[0] + v[0], cur[1] + v[1]]);
	};
	const onStack = new Set<string>();
	// Post-order subtree sums; a function recursing into itself counts once (the outermost frame).
	const visit = (id: number): [number, number] => {
		const n = byId.get(id)!;
		const key = keyOf(n);
		const own = self.get(id) ?? [0, 0];
		add(selfBy, key, own);
		const outer = !onStack.has(key);
		if (outer) onStack.add(key);
		const sum: [number, number] = [own[0], own[1]];
		for (const child of n.children ?? []) {
			const c = visit(child);
			sum[0] += c[0];
			sum[1] += c[1];
		}
		if (outer) {
			onStack.delete(key);
			add(inclBy, key, sum);
		}
		return sum;
	};
	visit(profile.nodes[0].id);
	return { selfBy, inclBy };
}

export function printTop(
	title: string,
	map: Map<string, [number, number]>,
	n: number,
	sortBy: 0 | 1,
	filter: (key: string) => boolean = () => true,
) {
	console.log(
		`\n${title}\n| # | function url:line | ms (whole process) | ms (node window) |\n|---|---|---|---|`,
	);
	[...map.entries()]
		.filter(([key]) => filter(key))
		.sort((a, b) => b[1][sortBy] - a[1][sortBy])
		.slice(0, n)
		.forEach(([key, [all, win]], i) =>
			console.log(
				`| ${i + 1} | ${key.replace(/\|/g, '\\|')} | ${(all / 1000).toFixed(1)} | ${(win / 1000).toFixed(1)} |`,
			),
		);
}
