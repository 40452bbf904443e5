import { BOOKING_CONTACT_FILTER } from '../../helpers/constants';
import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
} from 'n8n-workflow';
import { postReceiveHook, preSendHook } from '../../hooks/define';
import { credentialLocationId, timeReading } from '../../hooks/request';
import { resolveId } from '../../hooks/resolveId';
import { checkId } from '../../helpers/bodyChecks';
import { readParameter } from '../../helpers/parameters';
import {
	bookingFlags,
	normalizeServiceBookingCreate,
	normalizeServiceBookingUpdate,
	type ServiceBookingContext,
} from './normalize';

async function bookingContext(context: IExecuteSingleFunctions): Promise<ServiceBookingContext> {
	return { ...timeReading(context), credentialLocationId: await credentialLocationId(context) };
}

/**
 * preSend factory, after parametersPreSend: checks the create or update body (normalize.ts) with
 * the Services list, and puts Options > Override Availability and Skip Scheduling Notice in the
 * query, before anything is sent. A contact By Email is looked up after (contactByEmailPreSend), so
 * bad input fails the item with no request at all.
 */
export function serviceBookingBodyPreSend(mode: 'create' | 'update') {
	return preSendHook(
		[
			'services',
			'options.timeZone',
			'options.overrideAvailability',
			'options.skipSchedulingNotice',
		],
		async function serviceBookingBodyPreSend(
			this: IExecuteSingleFunctions,
			requestOptions: IHttpRequestOptions,
		): Promise<IHttpRequestOptions> {
			const body = { ...((requestOptions.body as IDataObject | undefined) ?? {}) };
			const services = readParameter(this, 'services', undefined);
			const context = await bookingContext(this);
			requestOptions.body =
				mode === 'create'
					? normalizeServiceBookingCreate(body, services, context)
					: normalizeServiceBookingUpdate(body, services, context);
			const options = readParameter<IDataObject>(this, 'options', {});
			requestOptions.qs = { ...requestOptions.qs, ...bookingFlags(options ?? {}) };
			return requestOptions;
		},
	);
}

/** preSend of Get Many with Filter By: Contact: the contact is checked before the list is asked for. */
export const bookingContactFilterPreSend = preSendHook(
	['filterBy', 'contactId'],
	async function bookingContactFilterPreSend(
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		if (readParameter(this, 'filterBy', '') !== BOOKING_CONTACT_FILTER) return requestOptions;
		checkId(
			{ contactId: readParameter(this, 'contactId', '', { extractValue: true }) },
			'contactId',
			true,
		);
		return requestOptions;
	},
);

/**
 * postReceive of Get Many, after the bookings are split into items: with Filter By: Contact, only
 * that contact's bookings (HighLevel lists a window for the whole location). A contact By Email is
 * looked up here, once the list has answered.
 */
export const bookingContactFilterPostReceive = postReceiveHook(
	['filterBy', 'contactId'],
	async function bookingContactFilterPostReceive(
		this: IExecuteSingleFunctions,
		items: INodeExecutionData[],
	): Promise<INodeExecutionData[]> {
		if (readParameter(this, 'filterBy', '') !== BOOKING_CONTACT_FILTER) return items;
		const contactId = String(await resolveId(this, 'contactId')).trim();
		return items.filter((item) => item.json.contactId === contactId);
	},
);
