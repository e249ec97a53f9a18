/** The processing limits of RFC 7208 section 4.6.4, shared by the evaluator, the tree walk and the fix. */

/** Terms that cause DNS lookups (include, a, mx, ptr, exists, redirect) allowed in one evaluation. */
export const MAX_DNS_LOOKUPS = 10;
/** Lookups that find no records (NXDOMAIN or no data) allowed in one evaluation. */
export const MAX_VOID_LOOKUPS = 2;
/** MX records an mx mechanism may look at. */
export const MAX_MX_RECORDS = 10;
