import {
	normalizeServiceLocationCreateBody,
	normalizeServiceLocationUpdateBody,
} from '../../../../../nodes/HighLevelCalendar/resources/serviceLocation/normalize';

const context = { credentialLocationId: 'loc_cred', timeZone: 'UTC', offsetRequired: false };

describe('create body', () => {
	it('fills the credential location and makes the slug of the name', () => {
		expect(normalizeServiceLocationCreateBody({ name: ' Midtown Studio ' }, context)).toEqual({
			locationId: 'loc_cred',
			name: 'Midtown Studio',
			slug: 'midtown-studio',
		});
	});

	it('reads the location type by value or editor name; refuses others with a suggestion', () => {
		expect(
			normalizeServiceLocationCreateBody(
				{ name: 'Home', slug: 'home', locationType: 'Ask Booker', phone: 2125550174 },
				context,
			),
		).toMatchObject({ locationType: 'ask_booker', phone: '2125550174' });
		expect(() =>
			normalizeServiceLocationCreateBody({ name: 'Home', locationType: 'ask-bookr' }, context),
		).toThrow(
			'locationType "ask-bookr" is not an allowed value. Did you mean ask_booker? Use one of: offline, ask_booker.',
		);
	});

	it('refuses a missing name, a name no slug can be made of, and a bad cover image', () => {
		expect(() => normalizeServiceLocationCreateBody({}, context)).toThrow(
			'name (not set) is missing',
		);
		expect(() => normalizeServiceLocationCreateBody({ name: '***' }, context)).toThrow(
			'slug (not set) is empty',
		);
		expect(() =>
			normalizeServiceLocationCreateBody({ name: 'A', coverImage: 'ftp://x/y.jpg' }, context),
		).toThrow('coverImage "ftp://x/y.jpg" is not a web address');
	});
});

describe('update body', () => {
	it('sends only what is given; at least one field', () => {
		expect(normalizeServiceLocationUpdateBody({ address: 'Home Service' })).toEqual({
			address: 'Home Service',
		});
		expect(() => normalizeServiceLocationUpdateBody({})).toThrow(
			'serviceLocationUpdateFields (not set) is empty',
		);
		expect(() => normalizeServiceLocationUpdateBody({ name: '' })).toThrow('name "" is empty');
	});
});
