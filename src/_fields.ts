/**
 * The sealed field paths: the one list `protect()`, reveal tokens, `reveal()`, the audit chain and
 * the CLI agree on. Its own tiny module so that token, reveal and audit code can name the fields
 * without importing the waybill schema (and with it zod and the phone metadata).
 * @module
 */

/** Every field that `protect()` seals. Also the names used by reveal tokens and `reveal()`. */
export const SEALED_FIELDS = /* @__PURE__ */ Object.freeze([
  'recipient.name',
  'recipient.phone',
  'recipient.address',
  'sender.name',
  'sender.phone',
  'sender.address',
  'goods.description',
  'notes',
  'goods.category',
  'recipient.altPhone',
  'sender.altPhone',
] as const);

/** A field path that can be sealed, unsealed and granted. */
export type SealedField = (typeof SEALED_FIELDS)[number];
