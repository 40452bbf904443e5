import { InputError } from '../../../../../nodes/HighLevelCalendar/helpers/inputError';

/** The InputError `run` throws, to check its field and message. */
export function inputError(run: () => unknown): InputError {
	try {
		run();
	} catch (error) {
		if (error instanceof InputError) return error;
		throw error;
	}
	throw new Error('no InputError thrown');
}
