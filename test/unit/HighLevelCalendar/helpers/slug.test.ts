import type { IDataObject } from 'n8n-workflow';
import { checkSlugField, slugOf } from '../../../../nodes/HighLevelCalendar/helpers/slug';

describe('slugOf', () => {
	it('lower case without accents, every other run one dash, the fallback when nothing is left', () => {
		expect(slugOf('Hair Styling')).toBe('hair-styling');
		expect(slugOf('  Été / 2030 ')).toBe('ete-2030');
		expect(slugOf('///')).toBe('');
		expect(slugOf('///', 'sales-team')).toBe('sales-team');
	});
});

describe('checkSlugField', () => {
	it('trims a slug and reads a number as text', () => {
		const body: IDataObject = { slug: ' cut-2 ' };
		checkSlugField(body, 'hair-styling');
		expect(body.slug).toBe('cut-2');
		const numeric: IDataObject = { slug: 2030 };
		checkSlugField(numeric, 'hair-styling');
		expect(numeric.slug).toBe('2030');
	});

	it('refuses a missing or empty slug, and one that cannot be part of an address', () => {
		expect(() => checkSlugField({}, 'hair-styling')).toThrow(
			'slug (not set) is missing. Set the slug, e.g. hair-styling.',
		);
		expect(() => checkSlugField({ slug: ' ' }, 'hair-styling')).toThrow('slug " " is empty');
		expect(() => checkSlugField({ slug: 'Hair Cut?' }, 'hair-styling')).toThrow(
			'slug "Hair Cut?" cannot be part of an address. Use letters, digits and dashes, e.g. "hair-cut".',
		);
		expect(() => checkSlugField({ slug: '%%' }, 'hair-styling')).toThrow('e.g. "hair-styling".');
	});
});
