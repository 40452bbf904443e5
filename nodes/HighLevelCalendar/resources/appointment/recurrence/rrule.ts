/**
 * The one place the `rrule` package is imported. The build bundles this file alone with the
 * package (gulpfile.js), so the published package needs nothing at run time but n8n-workflow,
 * while every other module stays its own file, loaded once and shared by both nodes (the action
 * node and the trigger spend one rate-limit budget per location).
 */
export { RRule, Weekday } from 'rrule';
export type { Options as RRuleOptions } from 'rrule';
