import {
	checkSlug,
	normalizeGroupCreateBody,
	normalizeGroupStatusBody,
	normalizeGroupUpdateBody,
	normalizeSlugBody,
	suggestSlug,
} from '../../../../../nodes/HighLevelCalendar/resources/calendarGroup/normalize';

const context = { timeZone: 'UTC', credentialLocationId: 'loc_1' };

describe('calendar group bodies', () => {
	it('create: the credential location, the slug trimmed, isActive as a boolean, an empty description kept', () => {
		expect(
			normalizeGroupCreateBody(
				{ name: 'Sales', description: '', slug: ' sales ', isActive: 'false' },
				context,
			),
		).toEqual({
			locationId: 'loc_1',
			name: 'Sales',
			description: '',
			slug: 'sales',
			isActive: false,
		});
		expect(normalizeGroupCreateBody({ name: 'Sales', slug: 'sales' }, context)).toEqual({
			locationId: 'loc_1',
			name: 'Sales',
			description: '',
			slug: 'sales',
		});
	});

	it('create and update: name and slug are required and not blank', () => {
		expect(() => normalizeGroupCreateBody({ slug: 'x' }, context)).toThrow(
			'name (not set) is missing. Set the name of the group, e.g. Sales Team.',
		);
		expect(() => normalizeGroupUpdateBody({ name: ' ', slug: 'x' })).toThrow('name " " is empty.');
		expect(() => normalizeGroupUpdateBody({ name: 'x', description: 'y' })).toThrow(
			'slug (not set) is missing. Set the slug, e.g. sales-team.',
		);
		expect(() => normalizeGroupUpdateBody({ name: 'x', slug: 'x', description: {} })).toThrow(
			'description {} is not text. Use plain text.',
		);
		expect(normalizeGroupUpdateBody({ name: 7, slug: 'x', description: 'd' })).toEqual({
			name: '7',
			slug: 'x',
			description: 'd',
		});
	});

	it.each(['Sales Team', 'sales/team', 'a?b', 'a#b', '100%', 'a&b=c', 'tab\there'])(
		'refuses the slug %j, suggesting one',
		(slug) => {
			expect(() => checkSlug({ slug })).toThrow(
				/cannot be part of an address\. Use letters, digits and dashes, e\.g\. "/,
			);
		},
	);

	it('suggests a slug made of the text', () => {
		expect(suggestSlug('Sales Team')).toBe('sales-team');
		expect(suggestSlug('  Été / 2030 ')).toBe('ete-2030');
		expect(suggestSlug('///')).toBe('sales-team');
		expect(() => checkSlug({ slug: 'Sales Team' })).toThrow('e.g. "sales-team".');
	});

	it('status: isActive is required, true/false or their text', () => {
		expect(normalizeGroupStatusBody({ isActive: 'true' })).toEqual({ isActive: true });
		expect(normalizeGroupStatusBody({ isActive: false })).toEqual({ isActive: false });
		expect(() => normalizeGroupStatusBody({})).toThrow('isActive (not set) is missing.');
		expect(() => normalizeGroupStatusBody({ isActive: 'yes' })).toThrow(
			'isActive "yes" is not a boolean. Use true or false.',
		);
	});

	it('validate slug: the credential location and a checked slug', () => {
		expect(normalizeSlugBody({ slug: 'team ' }, context)).toEqual({
			locationId: 'loc_1',
			slug: 'team',
		});
		expect(() => normalizeSlugBody({ slug: '' }, context)).toThrow('slug "" is empty.');
	});
});
