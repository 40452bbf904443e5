/**
 * Recurring appointments, as pure functions (no I/O, nothing depends on the host's time zone):
 * rule.ts holds the types and the RFC 5545 vocabulary; parse.ts parses a raw rule, check.ts checks
 * its parts (partValues.ts reads their values, exdate.ts the EXDATE lines), format.ts writes the
 * normalised rule; build.ts makes one from the builder's fields; occurrences.ts lists the next
 * occurrences in wall-clock time; describe.ts says a rule in words. parameters.ts is the node's
 * side: the Recurrence fields and the hooks that read them.
 */
export * from './build';
export * from './describe';
export * from './format';
export * from './occurrences';
export * from './parse';
export type * from './rule';
