import type { IDataObject } from 'n8n-workflow';
import {
	APPOINTMENT_STATUS_NAMES,
	MEETING_LOCATION_TYPE_NAMES,
} from '../../../../nodes/HighLevelCalendar/helpers/constants';
import {
	checkImageUrl,
	checkName,
	matchOption,
	parseJson,
} from '../../../../nodes/HighLevelCalendar/helpers/bodyChecks';
import { didYouMean } from '../../../../nodes/HighLevelCalendar/helpers/suggest';

describe('matchOption: list values from expressions', () => {
	it.each([
		['noshow', 'noshow'],
		['No Show', 'noshow'],
		['no show', 'noshow'],
		['NO_SHOW', 'noshow'],
		['no-show', 'noshow'],
		['Confirmed', 'confirmed'],
		[' cancelled ', 'cancelled'],
	])('reads the status %j as %j', (given, wanted) => {
		expect(matchOption('appointmentStatus', given, APPOINTMENT_STATUS_NAMES)).toBe(wanted);
	});

	it('reads meeting location types by their editor names', () => {
		expect(matchOption('meetingLocationType', 'Google Meet', MEETING_LOCATION_TYPE_NAMES)).toBe(
			'gmeet',
		);
		expect(matchOption('meetingLocationType', 'Microsoft Teams', MEETING_LOCATION_TYPE_NAMES)).toBe(
			'ms_teams',
		);
		expect(matchOption('meetingLocationType', 'ms teams', MEETING_LOCATION_TYPE_NAMES)).toBe(
			'ms_teams',
		);
	});

	it('refuses anything else with the list and a "did you mean"', () => {
		expect(() => matchOption('appointmentStatus', 'confirmd', APPOINTMENT_STATUS_NAMES)).toThrow(
			'appointmentStatus "confirmd" is not an allowed value. Did you mean confirmed? Use one of: new, confirmed, cancelled, showed, noshow, invalid, completed, active.',
		);
		expect(() => matchOption('meetingLocationType', 'skype', MEETING_LOCATION_TYPE_NAMES)).toThrow(
			'meetingLocationType "skype" is not an allowed value. Use one of: custom, zoom, gmeet (Google Meet), phone, address, ms_teams (Microsoft Teams), google.',
		);
		expect(() => matchOption('appointmentStatus', 3, APPOINTMENT_STATUS_NAMES)).toThrow(
			'appointmentStatus 3 is not an allowed value. Use one of:',
		);
	});
});

describe('didYouMean', () => {
	it('suggests the closest known word within two edits, and nothing further away', () => {
		expect(didYouMean('INTERVL', ['FREQ', 'INTERVAL', 'COUNT'])).toBe('Did you mean INTERVAL? ');
		expect(didYouMean('ZZZZZZ', ['FREQ', 'INTERVAL'])).toBe('');
	});
});

describe('recurrence builder fields from expressions', () => {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const {
		recurrenceBuildFrom,
	} = require('../../../../nodes/HighLevelCalendar/resources/appointment/recurrence/parameters');

	it('reads Frequency, Ends and Monthly On by their editor names', () => {
		expect(
			recurrenceBuildFrom({
				frequency: 'Weekly',
				weekdays: 'Monday, FR',
				recurrenceEnd: 'Never',
				interval: 2,
			}),
		).toMatchObject({
			frequency: 'weekly',
			interval: 2,
			weekdays: ['Monday', 'FR'],
			end: { type: 'never' },
		});
		expect(
			recurrenceBuildFrom({
				frequency: 'monthly',
				monthlyBy: 'Day of the Month',
				dayOfMonth: 15,
				recurrenceEnd: 'After a Number of Occurrences',
				count: 3,
			}),
		).toMatchObject({
			monthlyBy: 'dayOfMonth',
			dayOfMonth: 15,
			end: { type: 'count', count: 3 },
		});
	});

	it('refuses an unknown frequency with the list and a "did you mean"', () => {
		expect(() => recurrenceBuildFrom({ frequency: 'wekly' })).toThrow(
			'frequency "wekly" is not an allowed value. Did you mean weekly? Use one of: daily, weekly, monthly, yearly.',
		);
	});
});

describe('checkName, checkImageUrl, parseJson: the service menu and calendars share them', () => {
	it('trims a name, refuses an empty or missing one with an example, and lets Update leave it out', () => {
		const body: IDataObject = { name: '  Haircut ' };
		checkName(body, true, 'Hair Styling');
		expect(body.name).toBe('Haircut');
		expect(() => checkName({ name: ' ' }, true, 'Hair Styling')).toThrow(
			'name " " is empty. Give it a name, e.g. Hair Styling.',
		);
		expect(() => checkName({}, true, 'Short', 'variations[0].name')).toThrow('variations[0].name');
		expect(() => checkName({}, false, 'Midtown Studio')).not.toThrow();
	});

	it('takes an http(s) image address and refuses anything else', () => {
		const body: IDataObject = { coverImage: ' https://example.com/a.jpg ' };
		checkImageUrl(body);
		expect(body.coverImage).toBe('https://example.com/a.jpg');
		expect(() => checkImageUrl({ coverImage: 'example.com/a.jpg' })).toThrow(
			'is not a web address',
		);
	});

	it('parses JSON text, passes an expression value through, and names the field when it fails', () => {
		expect(parseJson('variationsJson', '[{"name":"Short"}]', '[]')).toEqual([{ name: 'Short' }]);
		expect(parseJson('variationsJson', [{ name: 'Long' }], '[]')).toEqual([{ name: 'Long' }]);
		expect(() => parseJson('variationsJson', '[{', '[]')).toThrow('is not valid JSON');
		expect(() => parseJson('variationsJson', ' ', '[]')).toThrow('or remove the option');
	});
});
