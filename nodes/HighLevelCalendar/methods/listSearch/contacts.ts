import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { CONTACTS_API_VERSION, SCOPES } from '../../helpers/constants';
import { readCredential } from '../../transport/credential';
import { highLevelRequest } from '../../transport/client';

const PAGE_SIZE = 50;

function contactLabel(contact: IDataObject): string {
	const name =
		(contact.contactName as string | undefined) ||
		[contact.firstName, contact.lastName].filter(Boolean).join(' ') ||
		(contact.companyName as string | undefined) ||
		'';
	const detail =
		(contact.email as string | undefined) || (contact.phone as string | undefined) || '';
	if (name && detail) return `${name} (${detail})`;
	return name || detail || String(contact.id);
}

/** A location can hold many thousands of contacts: HighLevel searches, n8n pages with the token. */
export async function searchContacts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const { locationId } = await readCredential(this);
	const page = Number(paginationToken ?? 1) || 1;
	const body: IDataObject = { locationId, pageLimit: PAGE_SIZE, page };
	if (filter) body.query = filter;
	const response = await highLevelRequest(this, {
		method: 'POST',
		path: '/contacts/search',
		version: CONTACTS_API_VERSION,
		requiredScope: SCOPES.contactsRead,
		body,
		changesNothing: true,
	});
	const contacts = (response.contacts as IDataObject[] | undefined) ?? [];
	const total = Number(response.total ?? response.count ?? 0);
	const more = contacts.length === PAGE_SIZE && (total === 0 || page * PAGE_SIZE < total);
	return {
		results: contacts.map((contact) => ({
			name: contactLabel(contact),
			value: String(contact.id),
		})),
		paginationToken: more ? String(page + 1) : undefined,
	};
}
