import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';
import { CONTACTS_API_VERSION, SCOPES } from '../helpers/constants';
import { readCredential } from '../transport/credential';
import { InputError } from '../helpers/inputError';
import { highLevelRequest } from '../transport/client';
import { isLocator, readParameter } from '../helpers/parameters';

/** The contact id for an email, when exactly one contact of the sub-account has it. */
export async function findContactIdByEmail(
	context: IExecuteSingleFunctions,
	email: string,
): Promise<string> {
	const fix = 'Check the email, or pick the contact From List or By ID.';
	const wanted = email.trim().toLowerCase();
	if (!wanted.includes('@'))
		throw new InputError('contactId', email, fix, 'is not an email address');
	const { locationId } = await readCredential(context);
	const response = await highLevelRequest(context, {
		method: 'POST',
		path: '/contacts/search',
		version: CONTACTS_API_VERSION,
		requiredScope: SCOPES.contactsRead,
		body: { locationId, query: wanted, pageLimit: 20, page: 1 },
		changesNothing: true,
	});
	const contacts = ((response.contacts as IDataObject[] | undefined) ?? []).filter(
		(contact) => String(contact.email ?? '').toLowerCase() === wanted,
	);
	if (contacts.length === 0) throw new InputError('contactId', email, fix, 'matches no contact');
	if (contacts.length > 1) {
		const ids = contacts.map((contact) => contact.id).join(', ');
		throw new InputError(
			'contactId',
			email,
			`Several contacts have it (${ids}): pick one By ID.`,
			'matches more than one contact',
		);
	}
	return String(contacts[0].id);
}

/** A parameter's id: the locator's value, or, for a contact given By Email, the contact it names. */
export async function resolveId(context: IExecuteSingleFunctions, name: string): Promise<unknown> {
	const raw = readParameter(context, name, undefined);
	if (isLocator(raw) && raw.mode === 'email')
		return await findContactIdByEmail(context, String(raw.value ?? ''));
	if (isLocator(raw)) return raw.value;
	return raw;
}
