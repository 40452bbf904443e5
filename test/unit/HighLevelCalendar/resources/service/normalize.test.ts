import {
	normalizeServiceCreateBody,
	normalizeServiceListQuery,
	normalizeServiceUpdateBody,
} from '../../../../../nodes/HighLevelCalendar/resources/service/normalize';

const context = { credentialLocationId: 'loc_cred', timeZone: 'UTC', offsetRequired: false };
const create = (body: Record<string, unknown>) =>
	normalizeServiceCreateBody({ name: 'Hair Styling', staff: ['usr_1'], ...body }, context);

describe('create body', () => {
	it('fills the credential location, makes the slug of the name, staff as StaffDTOs', () => {
		expect(create({})).toEqual({
			locationId: 'loc_cred',
			name: 'Hair Styling',
			slug: 'hair-styling',
			staff: [{ id: 'usr_1' }],
		});
	});

	it('reads staff as a comma list, a list or StaffDTOs, without repeats', () => {
		expect(create({ staff: ' usr_1, usr_2 ,usr_1,' }).staff).toEqual([
			{ id: 'usr_1' },
			{ id: 'usr_2' },
		]);
		expect(create({ staff: [{ id: 'usr_3' }, 'usr_4'] }).staff).toEqual([
			{ id: 'usr_3' },
			{ id: 'usr_4' },
		]);
	});

	it('refuses no staff and a staff that is no list', () => {
		expect(() => create({ staff: [] })).toThrow(
			'staff [] is empty. Pick at least one staff member',
		);
		expect(() => create({ staff: ' , ' })).toThrow('is empty');
		expect(() => create({ staff: undefined })).toThrow('staff (not set) is missing');
		expect(() => create({ staff: 5 })).toThrow('staff 5 is not a list of user IDs');
	});

	it('reads units by value or editor name, with a "did you mean" for anything else', () => {
		const body = create({
			serviceDuration: '1.5',
			serviceDurationUnit: 'Hours',
			preBuffer: 0,
			preBufferUnit: ' minutes ',
		});
		expect(body).toMatchObject({
			serviceDuration: 1.5,
			serviceDurationUnit: 'hours',
			preBuffer: 0,
			preBufferUnit: 'mins',
		});
		expect(() => create({ postBufferUnit: 'hrs' })).toThrow(
			'postBufferUnit "hrs" is not an allowed value. Did you mean hours? Use one of: mins (Minutes), hours.',
		);
		expect(() => create({ serviceDurationUnit: 'min' })).toThrow('Did you mean mins?');
	});

	it('refuses a duration of 0 and a negative buffer', () => {
		expect(() => create({ serviceDuration: 0 })).toThrow(
			'serviceDuration 0 is not a valid number. Use a number above 0.',
		);
		expect(() => create({ preBuffer: '-5' })).toThrow('Use a number, 0 or more.');
	});

	it('takes payment from the editor or an expression; checks the deposit', () => {
		expect(
			create({ payment: { settings: { amount: 50, deposit: 20, depositType: 'Percentage' } } })
				.payment,
		).toEqual({ amount: 50, deposit: 20, depositType: 'percentage' });
		expect(create({ payment: { amount: '50' } }).payment).toEqual({ amount: 50 });
		expect(
			create({ payment: { settings: { amount: 50, deposit: 0, depositType: 'amount' } } }).payment,
		).toEqual({ amount: 50 });
		expect(() => create({ payment: { amount: 10, deposit: 20 } })).toThrow(
			'payment.deposit 20 is more than the amount',
		);
		expect(() => create({ payment: { amount: 10, currency: 'USD' } })).toThrow(
			'payment.currency "USD" is not a field HighLevel takes here',
		);
		expect(() => create({ payment: 'free' })).toThrow('payment "free" is not a payment');
	});

	it('checks the color and the cover image address', () => {
		expect(create({ eventColor: '66c61c' }).eventColor).toBe('#66c61c');
		expect(() => create({ eventColor: 'green' })).toThrow('eventColor "green" is not a color');
		expect(() => create({ coverImage: 'cover.jpg' })).toThrow('is not a web address');
	});

	it('builds variations from the editor list, payment nested, deposit 0 left out', () => {
		expect(
			create({
				variations: {
					variation: [
						{ name: ' Short ', serviceDuration: 30, amount: 20, deposit: 0, depositType: 'amount' },
					],
				},
			}).variations,
		).toEqual([{ name: 'Short', serviceDuration: 30, payment: { amount: 20 } }]);
	});

	it('takes variations as JSON text or a list, never both, and checks each entry', () => {
		expect(
			create({ variationsJson: '[{"name":"A","serviceDurationUnit":"Hours"}]' }).variations,
		).toEqual([{ name: 'A', serviceDurationUnit: 'hours' }]);
		expect(create({ variationsJson: [] }).variations).toEqual([]);
		expect(() => create({ variationsJson: '{' })).toThrow('variationsJson "{" is not valid JSON');
		expect(() => create({ variationsJson: '{}' })).toThrow('is not an array');
		expect(() => create({ variationsJson: '[{"serviceDuration":30}]' })).toThrow(
			'variationsJson[0].name (not set) is missing',
		);
		expect(() => create({ variationsJson: '[{"id":"v1","name":"A"}]' })).toThrow(
			'variationsJson[0].id "v1" is not a field HighLevel takes here',
		);
		expect(() =>
			create({ variations: { variation: [{ name: 'A' }] }, variationsJson: '[]' }),
		).toThrow('Set Variations or Variations (JSON), not both.');
		expect(() => create({ variations: {} })).toThrow('variations {} has no entries');
	});

	it('refuses a name that is empty, and a slug that none can be made of', () => {
		expect(() => create({ name: ' ' })).toThrow('name " " is empty');
		expect(() => create({ name: '!!!' })).toThrow(
			'slug (not set) is empty. Set the slug, e.g. hair-styling: none can be made of this name.',
		);
	});
});

describe('update body', () => {
	it('sends only what is given, and variations with ids', () => {
		expect(
			normalizeServiceUpdateBody({
				slug: ' new-slug ',
				variations: {
					variation: [
						{ id: ' v1 ', name: 'A' },
						{ id: '', name: 'B' },
					],
				},
			}),
		).toEqual({
			slug: 'new-slug',
			variations: [{ id: 'v1', name: 'A' }, { name: 'B' }],
		});
	});

	it('refuses nothing to update, empty staff and an empty slug', () => {
		expect(() => normalizeServiceUpdateBody({})).toThrow(
			'serviceUpdateFields (not set) is empty. Add at least one field to Update Fields.',
		);
		expect(() => normalizeServiceUpdateBody({ staff: [] })).toThrow('staff [] is empty');
		expect(() => normalizeServiceUpdateBody({ slug: '' })).toThrow('slug "" is empty');
		expect(() => normalizeServiceUpdateBody({ variationsJson: '[{"id":"","name":"A"}]' })).toThrow(
			'variationsJson[0].id "" is empty',
		);
	});
});

describe('list query', () => {
	it('the credential location, and the filters given', () => {
		expect(
			normalizeServiceListQuery({ isPrivate: 'true', serviceCategoryId: '' }, context),
		).toEqual({
			locationId: 'loc_cred',
			isPrivate: true,
		});
		expect(() => normalizeServiceListQuery({ isPrivate: 'yes' }, context)).toThrow(
			'isPrivate "yes" is not a boolean',
		);
	});
});
