/** Levenshtein distance: how many single-character edits turn `a` into `b`. */
export function editDistance(a: string, b: string): number {
	const row = Array.from({ length: b.length + 1 }, (_, index) => index);
	for (let i = 1; i <= a.length; i++) {
		let diagonal = row[0];
		row[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const above = row[j];
			row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
			diagonal = above;
		}
	}
	return row[b.length];
}

/** "Did you mean X? " when one of `known` is at most two edits away from `typed`, else ''. */
export function didYouMean(typed: string, known: readonly string[]): string {
	const [closest] = known
		.map((candidate) => ({ candidate, distance: editDistance(typed, candidate) }))
		.sort((a, b) => a.distance - b.distance);
	return closest && closest.distance <= 2 ? `Did you mean ${closest.candidate}? ` : '';
}
