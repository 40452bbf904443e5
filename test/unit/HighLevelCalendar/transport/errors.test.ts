import { describeHighLevelError } from '../../../../nodes/HighLevelCalendar/transport/errors';

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
		expect(description).toContain("the credential's Access Token must be");
		expect(description).toContain('retrying will not help');
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
		expect(description).toContain('retrying can help; before retrying a change, check with a Get');
	});
});

describe('what a model (or a person) should change, and whether a retry helps', () => {
	const describe404 = () =>
		describeHighLevelError({
			statusCode: 404,
			body: { message: 'Not found' },
			requiredScope: 'calendars/events.readonly',
			target: 'appointment with eventId "abc"',
		});

	it('a missing scope: no input can fix it', () => {
		const { description } = describeHighLevelError({
			statusCode: 401,
			body: { message: 'The token is not authorized for this scope.' },
			requiredScope: 'calendars.readonly',
		});
		expect(description).toContain('No input can fix this and retrying will not help');
	});

	it('a 404: change the id', () => {
		const { message, description } = describe404();
		expect(message).toBe('HighLevel found no appointment with eventId "abc" (404)');
		expect(description).toContain('Change the id and retry');
		expect(description).toContain('The same id will fail again.');
	});
});
