/** Ordinal words for the English summaries (describe.ts) and the parser's messages (partValues.ts). */

const ORDINAL_WORDS = ['first', 'second', 'third', 'fourth', 'fifth'];

export function ordinalNumber(n: number): string {
	const tens = n % 100;
	if (tens >= 11 && tens <= 13) return `${n}th`;
	return `${n}${{ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th'}`;
}

/** 1 -> first, 2 -> second, -1 -> last, -2 -> second-to-last, 20 -> 20th. */
export function position(n: number): string {
	if (n === -1) return 'last';
	const word = ORDINAL_WORDS[Math.abs(n) - 1] ?? ordinalNumber(Math.abs(n));
	return n < 0 ? `${word}-to-last` : word;
}
