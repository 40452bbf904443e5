import { mergeEvents } from '../../../../nodes/HighLevelCalendar/transport/calendarEvents';

describe('mergeEvents', () => {
	it('orders the lists by start, whatever the form of startTime, equal starts as listed', () => {
		const merged = mergeEvents([
			[
				{ id: 'b', startTime: '2030-01-14T10:00:00+01:00' },
				{ id: 'd', startTime: '2030-01-14T12:00:00+01:00' },
			],
			[
				{ id: 'a', startTime: String(Date.parse('2030-01-14T08:00:00Z')) },
				{ id: 'c', startTime: Date.parse('2030-01-14T09:00:00Z') },
				{ id: 'e', startTime: '2030-01-14T12:00:00+01:00' },
			],
		]);
		expect(merged.map((event) => event.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
	});

	it("keeps each id once (the last list's copy), and events without an id or start", () => {
		const merged = mergeEvents([
			[
				{ id: 'x', startTime: '2030-01-14T10:00:00Z', title: 'first' },
				{ title: 'no id', startTime: '2030-01-14T09:00:00Z' },
			],
			[
				{ id: 'x', startTime: '2030-01-14T10:00:00Z', title: 'second' },
				{ id: 'y', title: 'no start' },
			],
		]);
		expect(merged.map((event) => event.title)).toEqual(['no id', 'second', 'no start']);
	});

	it('is empty for no lists', () => {
		expect(mergeEvents([])).toEqual([]);
		expect(mergeEvents([[], []])).toEqual([]);
	});
});
