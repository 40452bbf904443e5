// Locations API: the sub-account itself, for its name and time zone.
import { type Handler, tokenLocation } from './common';

/** GetLocationByIdSuccessfulResponseDto; the path id already had to be the token's location. */
export const getLocation: Handler = (ctx) => {
	const l = tokenLocation(ctx);
	return {
		status: 200,
		body: {
			location: {
				id: l.id,
				companyId: l.companyId,
				name: l.name,
				address: l.address,
				city: l.city,
				state: l.state,
				country: l.country,
				postalCode: l.postalCode,
				website: l.website,
				timezone: l.timezone,
				email: l.email,
				phone: l.phone,
			},
		},
	};
};
