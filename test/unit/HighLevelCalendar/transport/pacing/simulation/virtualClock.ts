/**
 * Time for the pacing simulation: it moves only when nothing is left to do at the present moment,
 * straight to the next moment something was scheduled for. No real timer is involved, so a run
 * takes the same course (and gives the same figures) however busy the machine is.
 */
interface Scheduled {
	at: number;
	/** Order of scheduling: things due at the same moment happen in that order. */
	order: number;
	fire: () => void;
}

/** Lets every promise continuation already due run (they all run before the next macrotask). */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

export class VirtualClock {
	private current = 0;
	private scheduled: Scheduled[] = [];
	private ordered = 0;

	readonly now = (): number => this.current;

	/** Runs `fire` when the clock reaches `at` (or at once, in the next step, if that has passed). */
	at(at: number, fire: () => void): void {
		const entry = { at: Math.max(at, this.current), order: this.ordered++, fire };
		let index = this.scheduled.length;
		while (index > 0 && this.scheduled[index - 1].at > entry.at) index--;
		this.scheduled.splice(index, 0, entry);
	}

	readonly sleep = (ms: number): Promise<void> =>
		new Promise((resolve) => this.at(this.current + Math.max(0, ms), resolve));

	/** Moves time on, one scheduled moment at a time, until `done` or nothing is left before `untilMs`. */
	async run(done: () => boolean, untilMs: number): Promise<void> {
		await settle();
		while (!done()) {
			const next = this.scheduled.shift();
			if (!next || next.at > untilMs)
				throw new Error(`the simulation stalled at ${this.current} ms with work left`);
			this.current = next.at;
			next.fire();
			await settle();
		}
	}
}

/** A seeded pseudo-random sequence (mulberry32): the same seed, the same numbers. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let mixed = state;
		mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
		mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
		return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
	};
}
