// Calendar groups: list, create, update, delete, enable/disable, and whether a slug is free. A
// group's slug (its booking page's address) is unique within its location.
import type { GroupRecord } from '../records';
import { newId } from '../store';
import { fail, type Handler, type HandlerContext, ownedOrThrow } from './common';

// Request bodies as the spec allows them (GroupCreateDTO, GroupUpdateDTO, GroupStatusUpdateParams,
// ValidateGroupSlugPostBody); prepare.ts has checked their types and required fields.
interface GroupCreateBody {
	locationId: string;
	name: string;
	description: string;
	slug: string;
	isActive?: boolean;
}
type GroupUpdateBody = Pick<GroupCreateBody, 'name' | 'description' | 'slug'>;

const GROUP_NOT_FOUND = 'Group not found';

/** GroupDTO. */
const groupDto = (g: GroupRecord) => ({
	id: g.id,
	locationId: g.locationId,
	name: g.name,
	description: g.description,
	slug: g.slug,
	isActive: g.isActive,
});

const groupsOf = (ctx: HandlerContext) =>
	[...ctx.store.groups.values()].filter((g) => g.locationId === ctx.locationId);

/** The group of another id that has the slug in this location, if any. */
const slugOwner = (ctx: HandlerContext, slug: string, except?: string) =>
	groupsOf(ctx).find((g) => g.slug === slug && g.id !== except);

/**
 * The schemas only say the fields are strings; class-validator's IsNotEmpty (the spec's "should
 * not be empty" wording elsewhere) refuses blank ones, and a taken slug is a bad request.
 */
function checkNameAndSlug(ctx: HandlerContext, body: GroupUpdateBody, except?: string): void {
	const blank = (['name', 'slug'] as const).filter((f) => body[f].trim() === '');
	if (blank.length > 0)
		throw fail(
			422,
			blank.map((f) => `${f} should not be empty`),
		);
	if (slugOwner(ctx, body.slug, except))
		throw fail(400, `Slug "${body.slug}" is already used by another group of this location`);
}

const findGroup = (ctx: HandlerContext): GroupRecord =>
	ownedOrThrow(ctx, ctx.store.groups.get(ctx.params.groupId), GROUP_NOT_FOUND);

export const listGroups: Handler = (ctx) => ({
	status: 200,
	body: { groups: groupsOf(ctx).map(groupDto) },
});

export const createGroup: Handler = (ctx) => {
	const b = ctx.body as unknown as GroupCreateBody;
	checkNameAndSlug(ctx, b);
	const group: GroupRecord = {
		id: newId(),
		locationId: ctx.locationId,
		name: b.name,
		description: b.description,
		slug: b.slug,
		// The spec gives no default; HighLevel's UI creates groups enabled.
		isActive: b.isActive ?? true,
	};
	ctx.store.groups.set(group.id, group);
	return { status: 201, body: { group: groupDto(group) } };
};

/** GroupUpdateDTO requires all three fields: an update replaces name, description and slug. */
export const updateGroup: Handler = (ctx) => {
	const group = findGroup(ctx);
	const b = ctx.body as unknown as GroupUpdateBody;
	checkNameAndSlug(ctx, b, group.id);
	Object.assign(group, { name: b.name, description: b.description, slug: b.slug });
	return { status: 200, body: { group: groupDto(group) } };
};

/** The spec does not say what becomes of the group's calendars; here they stay, ungrouped. */
export const deleteGroup: Handler = (ctx) => {
	const group = findGroup(ctx);
	ctx.store.groups.delete(group.id);
	for (const calendar of ctx.store.calendars.values())
		if (calendar.groupId === group.id) delete calendar.groupId;
	return { status: 200, body: { success: true } };
};

export const setGroupStatus: Handler = (ctx) => {
	const group = findGroup(ctx);
	group.isActive = (ctx.body as { isActive: boolean }).isActive;
	return { status: 200, body: { success: true } };
};

/** Available when no group of the location has the slug (the group's own counts as taken). */
export const validateGroupSlug: Handler = (ctx) => {
	const { slug } = ctx.body as { slug: string };
	return { status: 200, body: { available: slug.trim() !== '' && !slugOwner(ctx, slug) } };
};
