// Calendars written: create, update and delete. prepare.ts has checked the bodies against
// CalendarCreateDTO / CalendarUpdateDTO; these handlers apply what HighLevel's field texts state
// (team members by calendar type, one primary, recurring with one member, no conference
// locations on an event calendar) and the model's own (users exist in the location, hours close
// after they open). The three operations document only 400 and 401, so rule breaks are 400s.
import type {
	CalendarAvailability,
	CalendarHour,
	CalendarLocationConfiguration,
	CalendarRecord,
	CalendarTeamMember,
} from '../records';
import { newId } from '../store';
import { compact, fail, findUser, type Handler, type HandlerContext, ownedOrThrow } from './common';

type Body = Partial<Omit<CalendarRecord, 'teamMembers' | 'availabilities' | 'id'>> & {
	teamMembers?: Array<Partial<CalendarTeamMember> & { userId: string }>;
	availabilities?: Array<{ id?: string; date: string; hours: CalendarHour[]; deleted?: boolean }>;
};

const CALENDAR_NOT_FOUND = 'Calendar not found';
const TEAM_TYPES = ['round_robin', 'collective', 'class_booking', 'service_booking'];
const CONFERENCE_KINDS = ['zoom_conference', 'google_conference', 'ms_teams_conference'];
/** The spec's format for a custom availability's day. */
const AVAILABILITY_DATE = /^\d{4}-\d{2}-\d{2}T00:00:00\.000Z$/;

/** HighLevel numbers each meeting location so an appointment can pick one (meetingLocationId). */
const withMeetingIds = (list: CalendarLocationConfiguration[]): CalendarLocationConfiguration[] =>
	list.map(({ kind, location }, i) => ({
		kind,
		...compact({ location }),
		meetingId: `${kind}_${i}`,
	}));

function teamMembersOf(ctx: HandlerContext, members: Body['teamMembers']): CalendarTeamMember[] {
	const seen = new Set<string>();
	return (members ?? []).map((m) => {
		findUser(ctx, m.userId);
		if (seen.has(m.userId)) throw fail(400, `User ${m.userId} is listed more than once`);
		seen.add(m.userId);
		return compact({
			userId: m.userId,
			priority: m.priority ?? 0.5,
			isPrimary: m.isPrimary ?? false,
			locationConfigurations: m.locationConfigurations && withMeetingIds(m.locationConfigurations),
		}) as CalendarTeamMember;
	});
}

function checkHours(field: string, hours: CalendarHour[]): void {
	for (const h of hours) {
		if (h.closeHour * 60 + h.closeMinute <= h.openHour * 60 + h.openMinute)
			throw fail(400, `${field}: the closing time must be after the opening time`);
	}
}

/** What a calendar must satisfy after any create or update. */
function checkCalendar(c: CalendarRecord): void {
	const members = c.teamMembers;
	if (TEAM_TYPES.includes(c.calendarType) && members.length === 0)
		throw fail(400, `Team members are required for calendars of type ${c.calendarType}`);
	if (c.calendarType === 'personal' && members.length !== 1)
		throw fail(400, 'Personal calendar must have exactly one team member');
	const primaries = members.filter((m) => m.isPrimary).length;
	if (primaries > 1) throw fail(400, 'Only one user can be primary');
	if (c.calendarType === 'collective' && primaries === 0)
		throw fail(400, 'isPrimary is required in case of collective booking calendars');
	if (c.enableRecurring && members.length > 1)
		throw fail(400, 'Only one member should be added in the calendar to enable recurring');
	const locations = [
		c.locationConfigurations ?? [],
		...members.map((m) => m.locationConfigurations ?? []),
	].flat();
	for (const config of locations) {
		if (c.calendarType === 'event' && CONFERENCE_KINDS.includes(config.kind))
			throw fail(400, `${config.kind} is not supported in event calendar type`);
		if (CONFERENCE_KINDS.includes(config.kind) && config.location !== undefined)
			throw fail(400, `location is not applicable on ${config.kind}`);
	}
	c.openHours?.forEach((o, i) => checkHours(`openHours[${i}]`, o.hours));
	c.availabilities?.forEach((a, i) => checkHours(`availabilities[${i}]`, a.hours));
}

function checkDate(date: string): void {
	if (!AVAILABILITY_DATE.test(date) || Number.isNaN(Date.parse(date)))
		throw fail(400, `availabilities date must be <YYYY-MM-DD>T00:00:00.000Z, got "${date}"`);
}

/**
 * Update's availabilities are changes: an entry with the id of an existing custom day replaces it
 * (or, with deleted, removes it); one without an id adds a day.
 */
function applyAvailabilities(current: CalendarAvailability[], changes: Body['availabilities']) {
	const next = current.map((a) => ({ ...a }));
	for (const change of changes ?? []) {
		checkDate(change.date);
		if (change.id === undefined) {
			if (!change.deleted)
				next.push({ id: newId(), date: change.date, hours: change.hours, deleted: false });
			continue;
		}
		const index = next.findIndex((a) => a.id === change.id);
		if (index === -1) throw fail(400, `Custom availability not found: ${change.id}`);
		if (change.deleted) next.splice(index, 1);
		else next[index] = { ...next[index], date: change.date, hours: change.hours };
	}
	return next;
}

/** The spec's CalendarByIdSuccessfulResponseDTO. */
const calendarReply = (status: number, c: CalendarRecord) => ({
	status,
	body: { calendar: structuredClone(c) },
});

const slugOf = (name: string) =>
	name
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '') || 'calendar';

/** POST /calendars/: 200 (the spec's only success), with the spec's defaults for what was not sent. */
export const createCalendar: Handler = (ctx) => {
	const { teamMembers, availabilities, locationConfigurations, ...b } = ctx.body as Body & {
		name: string;
	};
	const slug = b.slug ?? slugOf(b.name);
	const calendar: CalendarRecord = {
		// The spec's defaults (CalendarCreateDTO `default`s), then what was sent.
		isActive: true,
		eventType: 'RoundRobin_OptimizeForAvailability',
		widgetType: 'classic',
		eventTitle: '{{contact.name}}',
		eventColor: '#039be5',
		slotDuration: 30,
		slotDurationUnit: 'mins',
		slotInterval: 30,
		slotIntervalUnit: 'mins',
		appoinmentPerSlot: 1,
		enableRecurring: false,
		autoConfirm: true,
		googleInvitationEmails: false,
		allowReschedule: true,
		allowCancellation: true,
		formSubmitType: 'ThankYouMessage',
		// The spec gives calendarType no default; HighLevel's simplest calendar is an event calendar.
		calendarType: 'event',
		description: '',
		...compact(b),
		name: b.name,
		id: newId(),
		locationId: ctx.locationId,
		slug,
		widgetSlug: b.widgetSlug ?? slug,
		teamMembers: teamMembersOf(ctx, teamMembers),
		...compact({
			locationConfigurations: locationConfigurations && withMeetingIds(locationConfigurations),
			availabilities: availabilities && applyAvailabilities([], availabilities),
		}),
	};
	checkCalendar(calendar);
	ctx.store.calendars.set(calendar.id, calendar);
	return calendarReply(200, calendar);
};

/** PUT /calendars/{calendarId}: what was sent replaces what was there (lists whole, but availabilities). */
export const updateCalendar: Handler = (ctx) => {
	const current = ownedOrThrow(
		ctx,
		ctx.store.calendars.get(ctx.params.calendarId),
		CALENDAR_NOT_FOUND,
	);
	const { teamMembers, availabilities, locationConfigurations, ...b } = ctx.body as Body;
	const next: CalendarRecord = {
		...structuredClone(current),
		...(compact(b) as Body),
	} as CalendarRecord;
	if (teamMembers !== undefined) next.teamMembers = teamMembersOf(ctx, teamMembers);
	if (locationConfigurations !== undefined)
		next.locationConfigurations = withMeetingIds(locationConfigurations);
	if (availabilities !== undefined)
		next.availabilities = applyAvailabilities(current.availabilities ?? [], availabilities);
	checkCalendar(next);
	ctx.store.calendars.set(next.id, next);
	return calendarReply(200, next);
};

/**
 * DELETE /calendars/{calendarId}: 200 `{ success: true }` (CalendarDeleteSuccessfulResponseDTO).
 * The calendar's appointments stay in the store, as the model keeps deleted history elsewhere.
 */
export const deleteCalendar: Handler = (ctx) => {
	const calendar = ownedOrThrow(
		ctx,
		ctx.store.calendars.get(ctx.params.calendarId),
		CALENDAR_NOT_FOUND,
	);
	ctx.store.calendars.delete(calendar.id);
	return { status: 200, body: { success: true } };
};
