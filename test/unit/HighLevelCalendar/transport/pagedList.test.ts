import { checkListLimit } from '../../../../nodes/HighLevelCalendar/transport/pagedList';

describe('Limit of a paged list', () => {
	it.each([1, 20, 500, '5'])('takes %j', (limit) =>
		expect(() => checkListLimit(false, limit, 'notes')).not.toThrow(),
	);
	it.each([0, -1, 2.5, 'ten', '', null, undefined])('refuses %j', (limit) =>
		expect(() => checkListLimit(false, limit, 'notes')).toThrow(
			'Use a whole number of 1 or more, or turn on Return All.',
		),
	);
	it('is not read with Return All', () =>
		expect(() => checkListLimit(true, 0, 'notes')).not.toThrow());
});
