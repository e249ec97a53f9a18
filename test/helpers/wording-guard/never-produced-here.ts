/**
 * Catalogue findings no integration test can produce on this machine, each with the reason.
 *
 * The coverage check at the end of a full integration run (catalogue-coverage.ts) fails for any other
 * finding no test produced, and for an id here that a test did produce: the list only shrinks.
 */
export const NEVER_PRODUCED_HERE: ReadonlyMap<string, string> = new Map([]);
