import type { IDataObject } from 'n8n-workflow';
import {
	checkId,
	checkImageUrl,
	checkName,
	coerceBoolean,
	coerceText,
	commaList,
	matchOption,
	parseJson,
} from '../../helpers/bodyChecks';
import { InputError } from '../../helpers/inputError';
import { checkSlugField, slugOf } from '../../helpers/slug';
import { didYouMean } from '../../helpers/suggest';
import type { BodyContext } from '../../hooks/request';

/**
 * Checks on a service of the services catalog (Calendars API v3: CreateServiceDTO,
 * UpdateServiceDTO, and the Get Many query), pure so test/unit/HighLevelCalendar/resources/service
 * tests them alone. Expressions can give numbers as text, staff as a comma list or as StaffDTOs,
 * units and deposit types as the editor names them: all are read here, and anything else fails
 * the item before a request.
 */

/** The spec's enum for serviceDurationUnit, preBufferUnit and postBufferUnit, with the editor's names. */
export const DURATION_UNIT_NAMES: Record<string, string> = { mins: 'Minutes', hours: 'Hours' };

/** PaymentDTO.depositType. */
export const DEPOSIT_TYPE_NAMES: Record<string, string> = {
	amount: 'Fixed Amount',
	percentage: 'Percentage',
};

/** The durations and buffers, each with its unit field. */
const TIMES = [
	{ field: 'serviceDuration', unit: 'serviceDurationUnit', positive: true },
	{ field: 'preBuffer', unit: 'preBufferUnit', positive: false },
	{ field: 'postBuffer', unit: 'postBufferUnit', positive: false },
] as const;

/** What a variation may hold (CreateServiceVariationDTO; UpdateServiceVariationDTO adds id). */
const VARIATION_FIELDS = [
	'name',
	...TIMES.flatMap(({ field, unit }) => [field, unit]),
	'payment',
] as const;

export const VARIATIONS_EXAMPLE =
	'[{"name":"Short cut","serviceDuration":30,"serviceDurationUnit":"mins","payment":{"amount":25}}]';

function checkNumber(body: IDataObject, field: string, positive: boolean, path = field): void {
	let value = body[field];
	if (value === undefined) return;
	if (typeof value === 'string' && value.trim() !== '') value = Number(value);
	if (
		typeof value !== 'number' ||
		!Number.isFinite(value) ||
		value < 0 ||
		(positive && value === 0)
	) {
		throw new InputError(
			path,
			body[field],
			positive ? 'Use a number above 0.' : 'Use a number, 0 or more.',
			'is not a valid number',
		);
	}
	body[field] = value;
}

function checkUnit(body: IDataObject, field: string, path = field): void {
	if (body[field] === undefined) return;
	const value = body[field];
	body[field] = matchOption(
		path,
		typeof value === 'string' ? value.trim() : value,
		DURATION_UNIT_NAMES,
	);
}

/** Durations, buffers and their units (mins or hours), in the body or a variation. */
function checkTimes(body: IDataObject, prefix = ''): void {
	for (const { field, unit, positive } of TIMES) {
		checkNumber(body, field, positive, `${prefix}${field}`);
		checkUnit(body, unit, `${prefix}${unit}`);
	}
}

/**
 * PaymentDTO, from the editor's Payment (`{ settings: {...} }`) or an expression's object: amount
 * and deposit 0 or more, a percentage deposit at most 100, the deposit type by value or name.
 */
function checkPayment(body: IDataObject, path = 'payment'): void {
	if (body.payment === undefined) return;
	let payment = body.payment as unknown;
	if (typeof payment === 'object' && payment !== null && 'settings' in payment) {
		// The editor's Payment always holds a deposit: 0 is none, and its type is then not sent.
		payment = { ...((payment as IDataObject).settings as IDataObject) };
		const fromEditor = payment as IDataObject;
		if (fromEditor.deposit === 0 || fromEditor.deposit === '') {
			delete fromEditor.deposit;
			delete fromEditor.depositType;
		}
	}
	if (typeof payment !== 'object' || payment === null || Array.isArray(payment)) {
		throw new InputError(
			path,
			body.payment,
			'Give the amount, deposit and deposit type, e.g. {"amount":50,"deposit":20,"depositType":"percentage"}.',
			'is not a payment',
		);
	}
	const checked: IDataObject = { ...(payment as IDataObject) };
	refuseUnknownKeys(checked, ['amount', 'deposit', 'depositType'], path);
	checkNumber(checked, 'amount', false, `${path}.amount`);
	checkNumber(checked, 'deposit', false, `${path}.deposit`);
	if (checked.depositType !== undefined)
		checked.depositType = matchOption(
			`${path}.depositType`,
			typeof checked.depositType === 'string' ? checked.depositType.trim() : checked.depositType,
			DEPOSIT_TYPE_NAMES,
		);
	if (
		checked.depositType === 'percentage' &&
		typeof checked.deposit === 'number' &&
		checked.deposit > 100
	) {
		throw new InputError(
			`${path}.deposit`,
			checked.deposit,
			'A percentage deposit is at most 100.',
			'is more than 100 percent',
		);
	}
	if (
		typeof checked.amount === 'number' &&
		typeof checked.deposit === 'number' &&
		checked.depositType !== 'percentage' &&
		checked.deposit > checked.amount
	) {
		throw new InputError(
			`${path}.deposit`,
			checked.deposit,
			`A deposit is at most the amount (${checked.amount}); for a share of it, set Deposit Type to Percentage.`,
			'is more than the amount',
		);
	}
	body.payment = checked;
}

/** HighLevel refuses fields it does not know: say which, with a "did you mean". */
function refuseUnknownKeys(object: IDataObject, known: readonly string[], path: string): void {
	for (const key of Object.keys(object)) {
		if (known.includes(key)) continue;
		throw new InputError(
			`${path}.${key}`,
			object[key],
			`${didYouMean(key, known)}Use only: ${known.join(', ')}.`,
			'is not a field HighLevel takes here',
		);
	}
}

/**
 * StaffDTO[]: user ids picked from the list, or from an expression as a list, a comma list, or
 * objects with an id; trimmed, without repeats. At least one (the spec: "at least one required").
 */
function checkStaff(body: IDataObject, required: boolean): void {
	const raw = body.staff;
	if (raw === undefined && !required) return;
	const fix =
		'Pick at least one staff member (a user of the sub-account) from the list, or give user IDs separated by commas.';
	if (raw !== undefined && typeof raw !== 'string' && !Array.isArray(raw))
		throw new InputError('staff', raw, fix, 'is not a list of user IDs');
	const entries = Array.isArray(raw)
		? raw.map((entry) =>
				typeof entry === 'object' && entry !== null ? (entry as IDataObject).id : entry,
			)
		: raw;
	const ids = [...new Set(commaList(entries))];
	if (ids.length === 0)
		throw new InputError('staff', raw, fix, raw === undefined ? 'is missing' : 'is empty');
	body.staff = ids.map((id) => ({ id }));
}

/** eventColor: a hex color, `#66C61C` (also without `#`, or `#abc`). */
function checkColor(body: IDataObject): void {
	coerceText(body, 'eventColor');
	const value = body.eventColor as string | undefined;
	if (value === undefined) return;
	const hex = value.trim().replace(/^#/, '');
	if (!/^([0-9a-f]{3}|[0-9a-f]{6})$/i.test(hex))
		throw new InputError('eventColor', value, 'Use a hex color, e.g. #66C61C.', 'is not a color');
	body.eventColor = `#${hex}`;
}

/** The editor's variation (flat: Amount, Deposit, Deposit Type) as the API's, payment nested. */
function variationFromUi(entry: IDataObject): IDataObject {
	const { amount, deposit, depositType, id, ...rest } = entry;
	const variation: IDataObject = { ...rest };
	if (typeof id === 'string' && id.trim() !== '') variation.id = id.trim();
	const payment: IDataObject = {};
	if (amount !== undefined) payment.amount = amount;
	// Deposit 0 is no deposit: its type is sent only with a deposit.
	if (deposit !== undefined && deposit !== 0 && deposit !== '') {
		payment.deposit = deposit;
		if (depositType !== undefined) payment.depositType = depositType;
	}
	if (Object.keys(payment).length > 0) variation.payment = payment;
	return variation;
}

/**
 * The variations, from the editor's list (`{ variation: [...] }`) or Variations (JSON), never both.
 * The API's list replaces the service's: an empty JSON list removes them all; on update an entry
 * with an id changes that variation, one without adds a new one.
 */
function checkVariations(body: IDataObject, update: boolean): void {
	const fromUi = body.variations;
	const fromJson = body.variationsJson;
	delete body.variationsJson;
	if (fromUi !== undefined && fromJson !== undefined) {
		throw new InputError(
			'variationsJson',
			fromJson,
			'Set Variations or Variations (JSON), not both.',
			'cannot be set together with variations',
		);
	}
	let field: string;
	let list: unknown;
	if (fromJson !== undefined) {
		field = 'variationsJson';
		list = parseJson(field, fromJson, VARIATIONS_EXAMPLE);
		if (!Array.isArray(list))
			throw new InputError(
				field,
				fromJson,
				`Use a JSON array such as ${VARIATIONS_EXAMPLE}.`,
				'is not an array',
			);
	} else if (fromUi !== undefined) {
		field = 'variations';
		const holder = typeof fromUi === 'object' && fromUi !== null ? (fromUi as IDataObject) : {};
		const entries = holder.variation;
		const uiList = (Array.isArray(entries) ? entries : entries ? [entries] : []) as IDataObject[];
		if (uiList.length === 0)
			throw new InputError(
				field,
				fromUi,
				'Add a variation, or remove the option (Variations (JSON) [] removes them all).',
				'has no entries',
			);
		list = uiList.map(variationFromUi);
	} else return;
	const known = update ? ['id', ...VARIATION_FIELDS] : [...VARIATION_FIELDS];
	body.variations = (list as unknown[]).map((entry, i) => {
		const path = `${field}[${i}]`;
		if (typeof entry !== 'object' || entry === null || Array.isArray(entry))
			throw new InputError(
				path,
				entry,
				`Use an object such as ${VARIATIONS_EXAMPLE.slice(1, -1)}.`,
				'is not a variation',
			);
		const variation: IDataObject = { ...(entry as IDataObject) };
		refuseUnknownKeys(variation, known, path);
		checkName(variation, true, 'Short', `${path}.name`);
		if (variation.id !== undefined) {
			coerceText(variation, 'id');
			if (typeof variation.id !== 'string' || variation.id.trim() === '')
				throw new InputError(
					`${path}.id`,
					variation.id,
					'Give the id of the variation to change, or leave it out to add one.',
					'is empty',
				);
			variation.id = variation.id.trim();
		}
		checkTimes(variation, `${path}.`);
		checkPayment(variation, `${path}.payment`);
		return variation;
	}) as IDataObject[];
}

/** The optional fields Create and Update share. */
function checkCommon(body: IDataObject, update: boolean): void {
	coerceText(body, 'description');
	checkColor(body);
	checkImageUrl(body);
	checkId(body, 'serviceCategoryId', false);
	checkId(body, 'formId', false);
	coerceBoolean(body, 'isPrivate');
	checkTimes(body);
	checkPayment(body);
	checkVariations(body, update);
}

/** The slug: the one given, or one made of the name when left empty (the spec requires one). */
function checkCreateSlug(body: IDataObject): void {
	coerceText(body, 'slug');
	if (body.slug === undefined || (body.slug as string).trim() === '') {
		const made = slugOf(String(body.name));
		if (made === '')
			throw new InputError(
				'slug',
				body.slug,
				'Set the slug, e.g. hair-styling: none can be made of this name.',
				'is empty',
			);
		body.slug = made;
	}
	checkSlugField(body, 'hair-styling');
}

/** POST /calendars/services/catalog: CreateServiceDTO, in the credential's sub-account. */
export function normalizeServiceCreateBody(body: IDataObject, context: BodyContext): IDataObject {
	if (body.locationId === undefined || body.locationId === '')
		body.locationId = context.credentialLocationId;
	checkId(body, 'locationId', true);
	checkName(body, true, 'Hair Styling');
	checkCreateSlug(body);
	checkStaff(body, true);
	checkCommon(body, false);
	return body;
}

/** PUT /calendars/services/catalog/{serviceId}: UpdateServiceDTO, only the fields given; at least one. */
export function normalizeServiceUpdateBody(body: IDataObject): IDataObject {
	if (Object.keys(body).length === 0)
		throw new InputError(
			'serviceUpdateFields',
			undefined,
			'Add at least one field to Update Fields.',
			'is empty',
		);
	checkName(body, false, 'Hair Styling');
	if (body.slug !== undefined) checkSlugField(body, 'hair-styling');
	checkStaff(body, false);
	checkCommon(body, true);
	return body;
}

/** GET /calendars/services/catalog: the credential's sub-account, and the filters given. */
export function normalizeServiceListQuery(query: IDataObject, context: BodyContext): IDataObject {
	query.locationId = context.credentialLocationId;
	if (query.serviceCategoryId === '') delete query.serviceCategoryId;
	checkId(query, 'serviceCategoryId', false);
	coerceBoolean(query, 'isPrivate');
	return query;
}
