import type {
	IDataObject,
	IExecuteSingleFunctions,
	INodeProperties,
	INodeParameterResourceLocator,
} from 'n8n-workflow';
import { CONTACTS_API_VERSION, SCOPES } from './constants';
import { readCredential } from './credential';
import { InputError } from './inputError';
import { highLevelRequest } from './client';
import { readParameter } from './parameters';

/**
 * Pickers for ids people should not paste by hand. "From List" searches HighLevel; "By ID" always
 * works, even for a token without the list's scope. The parameter keeps the API's field name.
 */

export function calendarLocator(field: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Calendar',
		name: 'calendarId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		description: 'The HighLevel calendar (calendarId)',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchCalendars', searchable: true },
			},
			{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'CVokAlI8fgw4WYWoCtQz' },
		],
		...field,
	};
}

export function userLocator(field: Partial<INodeProperties> & { name: string }): INodeProperties {
	return {
		displayName: 'User',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		description: 'A HighLevel user (team member) of the sub-account',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchUsers', searchable: true },
			},
			{ displayName: 'By ID', name: 'id', type: 'string', placeholder: '0007BWpSzSwfiuSl0tR2' },
		],
		...field,
	};
}

export function contactLocator(field: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Contact',
		name: 'contactId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		description: 'The HighLevel contact (contactId)',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchContacts', searchable: true },
			},
			{ displayName: 'By ID', name: 'id', type: 'string', placeholder: '0007BWpSzSwfiuSl0tR2' },
			{ displayName: 'By Email', name: 'email', type: 'string', placeholder: 'jane@example.com' },
		],
		...field,
	};
}

function isLocator(value: unknown): value is INodeParameterResourceLocator {
	return typeof value === 'object' && value !== null && (value as IDataObject).__rl === true;
}

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
