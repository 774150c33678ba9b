/**
 * zod schemas (`zod/mini`: no locale files shipped) for the waybill input; zod issues become
 * PII-free `{ path, rule }` pairs (`_issues.ts`).
 *
 * Strings are NFC-normalised and trimmed, lengths are bounded, control characters, bidi
 * overrides and lone surrogates are refused, and unknown keys (including `__proto__` and
 * `constructor`) are rejected, never merged. Phones are normalised to E.164 during parsing.
 * @module
 */
import * as z from 'zod/mini';
import { issueError, WaybillShieldError } from './errors.js';
import { fail, flag, intRange, toIssues, ISSUE_PARSE_OPTIONS, type ZodIssueLike } from './_issues.js';
import { parsePhoneField } from './mask/phone.js';
import { LIMITS } from './_limits.js';

//#region field limits

export { LIMITS } from './_limits.js';

export { SEALED_FIELDS, type SealedField } from './_fields.js';

//#endregion

//#region string rules

// C0/C1 controls, DEL, bidi embeddings/overrides/isolates and marks, and lone surrogates.
// Free-text fields additionally allow tab, CR and LF.
const SINGLE_LINE_BAD = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\p{Cs}]/u;
const MULTI_LINE_BAD = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\p{Cs}]/u;
const ID_RE = /^[A-Za-z0-9][A-Za-z0-9._\-]*$/;

/**
 * One transform per text field (rather than a chain of refinements and a pipe): check the raw
 * bound, the character rules, then NFC + trim, then the bounds again on the result.
 */
function text(max: number, multiLine: boolean, required = true) {
  const bad = multiLine ? MULTI_LINE_BAD : SINGLE_LINE_BAD;
  return z.pipe(
    z.string(),
    z.transform((raw: string, ctx) => {
    // Raw bound before normalising: NFC never grows Vietnamese text 4×, and this caps the work.
    if (raw.length > max * 4) return fail(ctx, 'too_long');
    if (bad.test(raw)) return fail(ctx, 'control_chars');
    const s = raw.normalize('NFC').trim();
    if (required && s.length === 0) return fail(ctx, 'required');
    if (s.length > max) return fail(ctx, 'too_long');
    return s;
    }),
  );
}

/**
 * An identifier: 1 to `max` characters of `ID_RE`. One transform rather than zod's length and
 * regex checks (which would ship two more check classes); it records the same rules those checks
 * would, each that fails: `required` (empty), `too_long`, `format`.
 */
const identifier = (max: number) =>
  z.pipe(
    z.string(),
    z.transform((s: string, ctx) => {
      const before = ctx.issues.length;
      if (s.length === 0) flag(ctx, 'required');
      if (s.length > max) flag(ctx, 'too_long');
      if (!ID_RE.test(s)) flag(ctx, 'format');
      return ctx.issues.length > before ? z.NEVER : s;
    }),
  );

/**
 * A phone field as people type it (`0903 456 789 (chị Hoa)`, `0903456789 hoặc 0978123456`): the
 * first valid number, a second one, and the rest of the text. Refused only when no valid number
 * is present.
 */
const phone = z.pipe(
  z.string(),
  z.transform((s: string, ctx) => {
    if (s.length > LIMITS.phone) return fail(ctx, 'too_long');
    if (SINGLE_LINE_BAD.test(s)) return fail(ctx, 'control_chars');
    const r = parsePhoneField(s);
    return r === undefined ? fail(ctx, 'phone') : r;
  }),
);

const money = intRange(0, LIMITS.maxMoney);

//#endregion

//#region waybill

/** A validated party: the phone in E.164; a second number and the rest of the phone field kept apart. */
export interface Party {
  name: string;
  /** E.164 of the first valid number in the phone field. */
  phone: string;
  address: string;
  /** E.164 of a second valid number in the phone field; sealed as `<party>.altPhone`. */
  altPhone?: string;
  /** The rest of the phone field (a name, `zalo`, further numbers); appended to the sealed notes. */
  phoneNote?: string;
}

const party = z.pipe(
  z.strictObject({
    name: text(LIMITS.name, false),
    phone,
    address: text(LIMITS.address, true),
  }),
  z.transform((p): Party => {
    const out: Party = { name: p.name, phone: p.phone.e164, address: p.address };
    if (p.phone.alt !== undefined) out.altPhone = p.phone.alt;
    const note = p.phone.rest.normalize('NFC').trim();
    if (note.length > 0) out.phoneNote = note;
    return out;
  }),
);

/** The waybill input schema. */
export const WaybillSchema = z.strictObject({
  id: identifier(LIMITS.id),
  recipient: party,
  sender: party,
  goods: z.strictObject({
    description: text(LIMITS.goodsDescription, true),
    declaredValue: z.optional(money),
    quantity: z.optional(intRange(1, LIMITS.maxQuantity)),
  }),
  codAmount: z.optional(money),
  weightGrams: z.optional(intRange(1, LIMITS.maxWeightGrams)),
  notes: z.optional(text(LIMITS.notes, true, false)),
  assignment: z.optional(
    z.strictObject({
      courierId: identifier(LIMITS.courierId),
      number: intRange(0, 0x7fffffff),
    }),
  ),
});

/** A validated waybill: strings NFC and trimmed, phones in E.164. */
export type Waybill = z.output<typeof WaybillSchema>;
/** The waybill input as callers write it (phones in any format). */
export type WaybillInput = z.input<typeof WaybillSchema>;

//#endregion

//#region issues

export { toIssues, ISSUE_PARSE_OPTIONS } from './_issues.js';

//#endregion

//#region parse

/** Result of {@link safeParseWaybill}. */
export type SafeParseWaybillResult = { ok: true; waybill: Waybill } | { ok: false; error: WaybillShieldError };

/**
 * Validate and normalise a waybill without throwing.
 *
 * @param input - untrusted data (parsed JSON, a CSV row object, …)
 * @returns `{ ok: true, waybill }` or `{ ok: false, error }` with code `INVALID_WAYBILL`
 * @example
 * ```ts
 * const r = safeParseWaybill(row);
 * if (!r.ok) rejects.write({ row: n, code: r.error.code, issues: r.error.issues });
 * ```
 */
export function safeParseWaybill(input: unknown): SafeParseWaybillResult {
  let r;
  try {
    r = WaybillSchema.safeParse(input, ISSUE_PARSE_OPTIONS);
  } catch {
    // A getter that throws, a Proxy trap, or another exotic object: refuse without its message.
    return { ok: false, error: issueError('', 'invalid', 'INVALID_WAYBILL') };
  }
  if (r.success) return { ok: true, waybill: r.data };
  return { ok: false, error: new WaybillShieldError('INVALID_WAYBILL', undefined, { issues: toIssues(r.error.issues as ZodIssueLike[]) }) };
}

/**
 * Validate and normalise a waybill.
 *
 * @param input - untrusted data
 * @returns the validated {@link Waybill}, phones in E.164
 * @throws WaybillShieldError `INVALID_WAYBILL` with `issues: [{ path, rule }]`; never an input value
 * @example
 * ```ts
 * const wb = parseWaybill(JSON.parse(body));
 * ```
 */
export function parseWaybill(input: unknown): Waybill {
  const r = safeParseWaybill(input);
  if (!r.ok) throw r.error;
  return r.waybill;
}

/**
 * Boolean form of {@link parseWaybill}.
 * @param input - untrusted data
 * @returns whether it is a valid waybill
 * @example
 * ```ts
 * if (!isValidWaybill(row)) skip(row)
 * ```
 */
export function isValidWaybill(input: unknown): boolean {
  return safeParseWaybill(input).ok;
}

//#endregion
