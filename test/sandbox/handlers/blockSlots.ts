// Block slots one by one: create and update. A block slot belongs to one calendar or one user.
import type { BlockSlotRecord } from '../records';
import { newId } from '../store';
import {
	compact,
	fail,
	findCalendar,
	findUser,
	type Handler,
	type HandlerContext,
	ownedOrThrow,
	time,
} from './common';

// Request bodies as the spec (BlockSlotCreateRequestDTO, BlockSlotEditRequestDTO) allows them;
// only the fields the model uses.
interface BlockSlotBody {
	title?: string;
	calendarId?: string;
	assignedUserId?: string;
	startTime?: string;
	endTime?: string;
}

/** BlockedSlotSuccessfulResponseDto. */
const blockSlotResponse = (s: BlockSlotRecord): Record<string, unknown> =>
	compact({
		id: s.id,
		locationId: s.locationId,
		title: s.title,
		startTime: s.startTime,
		endTime: s.endTime,
		calendarId: s.calendarId,
		assignedUserId: s.assignedUserId,
	});

const BLOCK_SLOT_NOT_FOUND = 'Block slot not found';

/** One target, calendar or user: the 422 rule already made sure exactly one was sent. */
function applyBlockSlotTarget(ctx: HandlerContext, slot: BlockSlotRecord, b: BlockSlotBody): void {
	if (b.calendarId !== undefined) {
		slot.calendarId = findCalendar(ctx, b.calendarId).id;
		delete slot.assignedUserId;
	}
	if (b.assignedUserId !== undefined) {
		slot.assignedUserId = findUser(ctx, b.assignedUserId).id;
		delete slot.calendarId;
	}
}

export const createBlockSlot: Handler = (ctx) => {
	// The 422 rules made sure both times are there.
	const b = ctx.body as unknown as BlockSlotBody & { startTime: string; endTime: string };
	const now = new Date().toISOString();
	const slot: BlockSlotRecord = {
		id: newId(),
		locationId: ctx.locationId,
		title: b.title ?? '',
		startTime: b.startTime,
		endTime: b.endTime,
		dateAdded: now,
		dateUpdated: now,
	};
	applyBlockSlotTarget(ctx, slot, b);
	ctx.store.blockSlots.set(slot.id, slot);
	return { status: 201, body: blockSlotResponse(slot) };
};

export const updateBlockSlot: Handler = (ctx) => {
	const current = ownedOrThrow(
		ctx,
		ctx.store.blockSlots.get(ctx.params.eventId),
		BLOCK_SLOT_NOT_FOUND,
	);
	const b = ctx.body as BlockSlotBody;
	const next: BlockSlotRecord = {
		...current,
		...compact({ title: b.title, startTime: b.startTime, endTime: b.endTime }),
	};
	// A block slot belongs to a calendar or to a user, never both: setting one drops the other.
	applyBlockSlotTarget(ctx, next, b);
	if (time(next.endTime) <= time(next.startTime))
		throw fail(422, ['endTime must be after startTime']);
	next.dateUpdated = new Date().toISOString();
	ctx.store.blockSlots.set(next.id, next);
	return { status: 201, body: blockSlotResponse(next) };
};
