// Users API: the pickers' list of users in the sub-account.
import type { UserRecord } from '../records';
import { fail, type Handler, type HandlerContext, single, tokenLocation } from './common';

/** UserSchema. Sandbox users are all sub-account ("account") users of one location. */
const userDto = (u: UserRecord) => ({
	id: u.id,
	name: u.name,
	firstName: u.firstName,
	lastName: u.lastName,
	email: u.email,
	phone: u.phone,
	extension: '',
	roles: { type: 'account', role: u.role, locationIds: [u.locationId], restrictSubAccount: false },
	deleted: false,
});

const usersOf = (ctx: HandlerContext, locationId: string) =>
	[...ctx.store.users.values()].filter((u) => u.locationId === locationId);

/** Deprecated in the spec, yet the one users list a sub-account token can always call. */
export const listUsers: Handler = (ctx) => ({
	status: 200,
	body: { users: usersOf(ctx, ctx.locationId).map(userDto) },
});

/**
 * Matches `query` against name, email and phone, like contacts search. `sort`, `sortDirection`
 * and `enabled2waySync` are accepted and change nothing: users come in seed order.
 */
export const searchUsers: Handler = (ctx) => {
	const location = tokenLocation(ctx);
	if (ctx.query.companyId !== location.companyId)
		throw fail(403, 'The token does not have access to this company');
	const q = single(ctx.query.query)?.toLowerCase();
	const ids = single(ctx.query.ids)
		?.split(',')
		.map((id) => id.trim());
	const role = single(ctx.query.role);
	const type = single(ctx.query.type);
	const matches = usersOf(ctx, location.id).filter(
		(u) =>
			(q === undefined || [u.name, u.email, u.phone].some((f) => f.toLowerCase().includes(q))) &&
			(ids === undefined || ids.includes(u.id)) &&
			(role === undefined || u.role === role) &&
			(type === undefined || type === 'account'),
	);
	// The spec's defaults, as strings like the parameters themselves.
	const skip = Number(single(ctx.query.skip) ?? '0');
	const limit = Number(single(ctx.query.limit) ?? '25');
	return {
		status: 200,
		body: { users: matches.slice(skip, skip + limit).map(userDto), count: matches.length },
	};
};
