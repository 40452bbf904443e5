import { bodyField } from '../../shared/descriptions';

/** The block slot body fields create and update share. */

export const blockStartTimeField = bodyField({
	displayName: 'Start Time',
	name: 'startTime',
	type: 'dateTime',
	default: '',
	description:
		'When the block starts. ISO 8601 with an offset keeps its instant; a time without an offset is read in the Time Zone option.',
});

export const blockEndTimeField = bodyField({
	displayName: 'End Time',
	name: 'endTime',
	type: 'dateTime',
	default: '',
	description: 'When the block ends; must be after the start time. Read like Start Time.',
});

export const blockTitleField = bodyField({
	displayName: 'Title',
	name: 'title',
	type: 'string',
	default: '',
	placeholder: 'Public holiday',
	description: 'Title of the block slot',
});
