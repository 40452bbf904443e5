import { InputError } from '../../../helpers/inputError';
import { FIELD } from './rule';

export function ruleError(value: string, problem: string, fix: string): InputError {
	return new InputError(FIELD, value, fix, problem);
}
