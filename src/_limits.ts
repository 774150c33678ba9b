/**
 * Bounds on every input field, in their own module so that envelope padding, labels and QR codes
 * can read them without importing the waybill schema (and with it zod and the phone metadata).
 * @module
 */

/** Longest phone field `parsePhoneField` reads, in characters (`LIMITS.phone`). */
export const PHONE_FIELD_MAX_LENGTH = 128;

/** Bounds on every input field. Part of the contract: anything longer is refused. */
export const LIMITS = /* @__PURE__ */ Object.freeze({
  id: 64,
  name: 200,
  /** A phone field as typed: one or two numbers, a label, a name in brackets (see docs/phones.md). */
  phone: PHONE_FIELD_MAX_LENGTH,
  address: 500,
  goodsDescription: 1_000,
  notes: 2_000,
  courierId: 64,
  maxMoney: 100_000_000_000, // 100 billion VND
  maxWeightGrams: 10_000_000,
  maxQuantity: 1_000_000,
});
