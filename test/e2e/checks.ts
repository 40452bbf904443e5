// The one assertion style of the e2e runs (run-e2e.ts, editor.ts) and the error every e2e script
// throws: a StepError names the step it failed in.

export class StepError extends Error {
	constructor(
		readonly step: string,
		message: string,
	) {
		super(`[${step}] ${message}`);
	}
}
