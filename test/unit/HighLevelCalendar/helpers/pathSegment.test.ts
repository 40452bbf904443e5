import {
	encodePathSegment,
	fillPath,
} from '../../../../nodes/HighLevelCalendar/helpers/pathSegment';

describe('event id encoding', () => {
	it.each([
		['ocQHyuzHvysMo5N5VsXc', 'ocQHyuzHvysMo5N5VsXc'],
		['ocQHyuzHvysMo5N5VsXc_1729821600000_1800', 'ocQHyuzHvysMo5N5VsXc_1729821600000_1800'],
		['  padded  ', 'padded'],
		['a/b', 'a%2Fb'],
		['../../contacts', '..%2F..%2Fcontacts'],
		['x?locationId=other', 'x%3FlocationId%3Dother'],
		['x#frag', 'x%23frag'],
		['100%', '100%25'],
		['%2F', '%252F'],
	])('encodes %p as one path segment', (id, segment) => {
		expect(encodePathSegment(id, 'eventId')).toBe(segment);
		expect(fillPath('/calendars/events/appointments/{eventId}', () => id)).toBe(
			`/calendars/events/appointments/${segment}`,
		);
	});

	it.each([
		['', 'is empty'],
		['   ', 'is empty'],
		['.', 'is not an id'],
		['..', 'is not an id'],
		[undefined, 'is not a text id'],
		[{ id: 'x' }, 'is not a text id'],
	])('refuses %p', (id, problem) => {
		expect(() => encodePathSegment(id, 'eventId')).toThrow(problem);
		expect(() => encodePathSegment(id, 'eventId')).toThrow(/^eventId /);
	});
});
