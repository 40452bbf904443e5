import type { IDataObject } from 'n8n-workflow';
import {
	applyScheduleRules,
	scheduleTimeZone,
} from '../../../../nodes/HighLevelCalendar/helpers/scheduleBody';
import { InputError } from '../../../../nodes/HighLevelCalendar/helpers/inputError';
import { inputError } from '../resources/availabilitySchedule/testing';

const nineToFive = [{ from: '09:00', to: '17:00' }];

describe('time zones', () => {
	it("takes IANA zones of the spec's Area/City form and says why others are refused", () => {
		expect(scheduleTimeZone(' Europe/Berlin ')).toBe('Europe/Berlin');
		expect(scheduleTimeZone('Etc/UTC')).toBe('Etc/UTC');
		expect(inputError(() => scheduleTimeZone('Mars/Olympus')).message).toBe(
			'timezone "Mars/Olympus" is not a known time zone. Use an IANA time zone name such as America/New_York or Europe/Berlin.',
		);
		const error = inputError(() => scheduleTimeZone('UTC'));
		expect(error.message).toContain('is not a time zone HighLevel takes for a schedule');
		expect(error.message).toContain('for UTC use Etc/UTC');
		expect(() => scheduleTimeZone('America/Argentina/Cordoba')).toThrow(InputError);
	});
});

describe('rules in a body', () => {
	it('builds rules from the fixedCollections, weekly first, and removes the editor fields', () => {
		const body: IDataObject = {
			weeklyHours: { hours: [{ days: ['monday'], from: '09:00', to: '17:00' }] },
			dateOverrides: { overrides: [{ date: '2026-12-24', from: '', to: '' }] },
		};
		applyScheduleRules(body);
		expect(body).toEqual({
			rules: [
				{ type: 'wday', day: 'monday', intervals: nineToFive },
				{ type: 'date', date: '2026-12-24', intervals: [] },
			],
		});
	});

	it('sends no rules when none were given, and an empty list only from Rules (JSON)', () => {
		const none: IDataObject = { name: 'x' };
		applyScheduleRules(none);
		expect(none).toEqual({ name: 'x' });
		const cleared: IDataObject = { rulesJson: '[]' };
		applyScheduleRules(cleared);
		expect(cleared).toEqual({ rules: [] });
		expect(inputError(() => applyScheduleRules({ weeklyHours: {} })).message).toBe(
			'weeklyHours {} has no entries. Add hours, or remove Weekly Hours (Rules (JSON) [] clears every rule).',
		);
		expect(inputError(() => applyScheduleRules({ dateOverrides: { overrides: [] } })).field).toBe(
			'dateOverrides',
		);
	});

	it('refuses the editor fields and Rules (JSON) together', () => {
		expect(
			inputError(() =>
				applyScheduleRules({
					rulesJson: '[]',
					weeklyHours: { hours: [{ days: ['monday'], ...nineToFive[0] }] },
				}),
			).message,
		).toBe(
			'rulesJson "[]" cannot be set together with Weekly Hours or Date Overrides. Use Weekly Hours and Date Overrides, or Rules (JSON), not both: remove one.',
		);
	});
});
