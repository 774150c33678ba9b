/**
 * The address module's public constants. Kept apart from the parser and the masking code so that
 * the core entry exports them without carrying the address reader (`_reader.ts`).
 * @module
 */

/** The longest address text accepted, in UTF-16 code units. */
export const MAX_ADDRESS_LENGTH = 2000;

/** The fixed mask for every door-level part. */
export const ADDRESS_MASK = '***';
