/** A compile-time check that a schema names the same fields as the contract type it mirrors. */
export type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never]
  ? true
  : false;

/** Compiles only when every check in the list is true. */
export type AllTrue<T extends readonly true[]> = T;
