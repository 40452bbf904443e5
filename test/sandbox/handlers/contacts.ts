// Contacts API: search (the contact picker) and a contact's appointments.
import type { ContactRecord } from '../records';
import { localDateTime } from '../zones';
import { fail, type Handler, ownedOrThrow, time, tokenLocation } from './common';

interface SearchBody {
	page?: number;
	pageLimit: number;
	searchAfter?: Array<string | number>;
	query?: string;
	filters?: unknown[];
	sort?: unknown[];
}

/** The paging key: contacts are ordered by dateAdded, ties broken by id. */
const cursorOf = (c: ContactRecord): [number, string] => [Date.parse(c.dateAdded), c.id];
const after = (c: ContactRecord, [ms, id]: [number, string]) => {
	const [cms, cid] = cursorOf(c);
	return cms > ms || (cms === ms && cid > id);
};

/**
 * A phone-looking query matches on digits, so "202 555-1004" finds +12025551004; any query
 * matches case-insensitively inside the name and email.
 */
function matcher(query: string | undefined): (c: ContactRecord) => boolean {
	const q = query?.trim().toLowerCase() ?? '';
	if (q === '') return () => true;
	const digits = q.replace(/\D/g, '');
	const phoneLike = digits.length >= 3 && /^[\d\s()+.-]+$/.test(q);
	return (c) =>
		[c.name, c.email, c.phone].some((f) => f.toLowerCase().includes(q)) ||
		(phoneLike && c.phone.replace(/\D/g, '').includes(digits));
}

/**
 * The spec documents no response for search. This is the Search Contacts guide's shape: the
 * page under `contacts`, every match under `total`, and on each contact the `searchAfter`
 * cursor to send for the page after it.
 */
export const searchContacts: Handler = (ctx) => {
	const b = ctx.body as unknown as SearchBody;
	// Accepted by the schema, but ignoring them would answer a narrower question with everyone.
	if ((b.filters?.length ?? 0) > 0 || (b.sort?.length ?? 0) > 0)
		throw fail(501, 'filters and sort are not modelled by the sandbox');
	const matches = [...ctx.store.contacts.values()]
		.filter((c) => c.locationId === ctx.locationId && matcher(b.query)(c))
		.sort((x, y) => (after(x, cursorOf(y)) ? 1 : -1));
	let page: ContactRecord[];
	if (b.searchAfter !== undefined) {
		const [ms, id] = b.searchAfter;
		if (b.searchAfter.length !== 2 || typeof ms !== 'number' || typeof id !== 'string') {
			throw fail(422, ["searchAfter must be a contact's searchAfter value from an earlier page"]);
		}
		page = matches.filter((c) => after(c, [ms, id])).slice(0, b.pageLimit);
	} else {
		const first = ((b.page ?? 1) - 1) * b.pageLimit;
		page = matches.slice(first, first + b.pageLimit);
	}
	const contacts = page.map((c) => ({
		id: c.id,
		locationId: c.locationId,
		firstName: c.firstName,
		lastName: c.lastName,
		firstNameLowerCase: c.firstName.toLowerCase(),
		lastNameLowerCase: c.lastName.toLowerCase(),
		email: c.email,
		phone: c.phone,
		tags: [],
		dateAdded: c.dateAdded,
		dateUpdated: c.dateAdded,
		searchAfter: cursorOf(c),
	}));
	return { status: 200, body: { contacts, total: matches.length } };
};

/**
 * GetEventsSuccessfulResponseDto. Its GetEventSchema writes times as "2021-07-16 11:00:00":
 * no offset, so they are the location's wall clock, and the sandbox writes them that way too.
 */
export const contactAppointments: Handler = (ctx) => {
	const contact = ownedOrThrow(
		ctx,
		ctx.store.contacts.get(ctx.params.contactId),
		'Contact not found',
	);
	const zone = tokenLocation(ctx).timezone;
	const local = (iso: string) => localDateTime(time(iso), zone);
	const events = [...ctx.store.appointments.values()]
		.filter((a) => a.contactId === contact.id && !a.deleted)
		.sort((x, y) => time(x.startTime) - time(y.startTime))
		.map((a) => ({
			id: a.id,
			calendarId: a.calendarId,
			// "booked" whatever appointmentStatus says, as in the schema's example and live writes.
			status: 'booked',
			title: a.title,
			assignedUserId: a.assignedUserId,
			...(a.notes !== undefined ? { notes: a.notes } : {}),
			startTime: local(a.startTime),
			endTime: local(a.endTime),
			...(a.address !== undefined ? { address: a.address } : {}),
			locationId: a.locationId,
			contactId: a.contactId,
			groupId: a.groupId,
			appointmentStatus: a.appointmentStatus,
			users: a.users,
			dateAdded: local(a.dateAdded),
			dateUpdated: local(a.dateUpdated),
		}));
	return { status: 200, body: { events } };
};
