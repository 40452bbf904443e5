import { describeHighLevelError } from '../../nodes/HighLevelCalendar/shared/errors';

const base = { requiredScope: 'calendars/events.write' };

describe('describeHighLevelError', () => {
	it('explains an invalid token', () => {
		const { message, description } = describeHighLevelError({
			...base,
			statusCode: 401,
			body: {
				statusCode: 401,
				message: 'Invalid token: access token is invalid',
				error: 'Unauthorized',
			},
		});
		expect(message).toBe('HighLevel rejected the access token (401)');
		expect(description).toContain('Invalid token: access token is invalid');
		expect(description).toContain('Access Token in the credential');
	});

	it('names the missing scope', () => {
		const { message, description } = describeHighLevelError({
			...base,
			statusCode: 401,
			body: { statusCode: 401, message: 'This authClass type is not allowed to access this scope' },
		});
		expect(message).toBe('The access token is missing the scope calendars/events.write');
		expect(description).toContain('Private Integration');
	});

	it('joins the 422 message list', () => {
		const { message } = describeHighLevelError({
			...base,
			statusCode: 422,
			body: {
				statusCode: 422,
				message: ['title must be a string', 'startTime must be a valid ISO 8601 date string'],
			},
		});
		expect(message).toBe(
			'HighLevel could not process the request (422): title must be a string; startTime must be a valid ISO 8601 date string',
		);
	});

	it('names the id on a 404', () => {
		const { message } = describeHighLevelError({
			...base,
			statusCode: 404,
			body: { statusCode: 404, message: 'Appointment not found' },
			target: 'appointment with eventId "nope"',
		});
		expect(message).toBe('HighLevel found no appointment with eventId "nope" (404)');
	});

	it("passes HighLevel's own 400 text through", () => {
		const { message } = describeHighLevelError({
			...base,
			statusCode: 400,
			body: { statusCode: 400, message: 'The slot you have selected is no longer available.' },
		});
		expect(message).toBe(
			'HighLevel rejected the request (400): The slot you have selected is no longer available.',
		);
	});

	it('warns that a 5xx may have applied the change', () => {
		const { message, description } = describeHighLevelError({
			...base,
			statusCode: 503,
			body: 'upstream down',
		});
		expect(message).toBe('HighLevel had a server error (503)');
		expect(description).toContain('upstream down');
		expect(description).toContain('whether the change was applied');
	});
});
