import {
	normalizeEventScheduleCreateBody,
	normalizeEventScheduleUpdateBody,
} from '../../../../../nodes/HighLevelCalendar/resources/eventCalendarSchedule/normalize';
import { inputError } from '../availabilitySchedule/testing';

const nineToFive = [{ from: '09:00', to: '17:00' }];

describe('event calendar schedule bodies', () => {
	it('create: the time zone checked, the rules built, both required', () => {
		expect(
			normalizeEventScheduleCreateBody({
				timezone: ' Europe/Berlin ',
				weeklyHours: { hours: [{ days: ['monday'], from: '9:00', to: '17:00' }] },
			}),
		).toEqual({
			timezone: 'Europe/Berlin',
			rules: [{ type: 'wday', day: 'monday', intervals: nineToFive }],
		});
		expect(normalizeEventScheduleCreateBody({ timezone: 'Etc/UTC', rulesJson: '[]' })).toEqual({
			timezone: 'Etc/UTC',
			rules: [],
		});
		const none = inputError(() => normalizeEventScheduleCreateBody({ timezone: 'Europe/Berlin' }));
		expect(none.field).toBe('eventCalendarScheduleRules');
		expect(none.message).toBe(
			'eventCalendarScheduleRules {} is empty. Add Weekly Hours, Date Overrides or Rules (JSON) to Rules: HighLevel needs the rules of a new schedule.',
		);
		expect(inputError(() => normalizeEventScheduleCreateBody({ rulesJson: '[]' })).field).toBe(
			'timezone',
		);
		expect(
			inputError(() => normalizeEventScheduleCreateBody({ timezone: 'UTC', rulesJson: '[]' }))
				.message,
		).toContain('for UTC use Etc/UTC');
	});

	it('update: only what was set, and something must be', () => {
		expect(normalizeEventScheduleUpdateBody({ timezone: 'America/Chicago' })).toEqual({
			timezone: 'America/Chicago',
		});
		expect(
			normalizeEventScheduleUpdateBody({
				dateOverrides: { overrides: [{ date: '2030-12-24', from: '', to: '' }] },
			}),
		).toEqual({ rules: [{ type: 'date', date: '2030-12-24', intervals: [] }] });
		expect(inputError(() => normalizeEventScheduleUpdateBody({})).message).toBe(
			'eventCalendarScheduleUpdateFields {} is empty. Add Time Zone or rules to Update Fields.',
		);
		expect(
			inputError(() =>
				normalizeEventScheduleUpdateBody({
					rulesJson: '[{"type":"wday","day":"monday","intervals":[{"from":"17:00","to":"09:00"}]}]',
				}),
			).field,
		).toBe('rulesJson[0].intervals[0].to');
	});
});
