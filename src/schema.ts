/**
 * zod schemas for the waybill input and the mask policy, and the conversion of zod issues into
 * PII-free `{ path, rule }` pairs.
 *
 * Strings are NFC-normalised and trimmed, lengths are bounded, control characters, bidi
 * overrides and lone surrogates are refused, and unknown keys (including `__proto__` and
 * `constructor`) are rejected, never merged. Phones are normalised to E.164 during parsing.
 * @module
 */
import { z } from 'zod';
import { WaybillShieldError, type Issue } from './errors.js';
import { parsePhoneField, PHONE_FIELD_MAX_LENGTH } from './mask/phone.js';

//#region field limits

/** Bounds on every input field. Part of the contract: anything longer is refused. */
export const LIMITS = Object.freeze({
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

/** Every field that `protect()` seals. Also the names used by reveal tokens and `reveal()`. */
export const SEALED_FIELDS = Object.freeze([
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
  return z.string().transform((raw, ctx) => {
    // Raw bound before normalising: NFC never grows Vietnamese text 4×, and this caps the work.
    if (raw.length > max * 4) return fail(ctx, 'too_long');
    if (bad.test(raw)) return fail(ctx, 'control_chars');
    const s = raw.normalize('NFC').trim();
    if (required && s.length === 0) return fail(ctx, 'required');
    if (s.length > max) return fail(ctx, 'too_long');
    return s;
  });
}

function fail(ctx: z.core.$RefinementCtx, rule: string): never {
  ctx.addIssue({ code: 'custom', params: { rule } });
  return z.NEVER;
}

const identifier = (max: number) => z.string().min(1).max(max).regex(ID_RE);

/**
 * A phone field as people type it (`0903 456 789 (chị Hoa)`, `0903456789 hoặc 0978123456`): the
 * first valid number, a second one, and the rest of the text. Refused only when no valid number
 * is present.
 */
const phone = z.string().transform((s, ctx) => {
  if (s.length > LIMITS.phone) return fail(ctx, 'too_long');
  if (SINGLE_LINE_BAD.test(s)) return fail(ctx, 'control_chars');
  const r = parsePhoneField(s);
  return r === undefined ? fail(ctx, 'phone') : r;
});

const money = z.number().int().min(0).max(LIMITS.maxMoney);

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

const party = z
  .strictObject({
    name: text(LIMITS.name, false),
    phone,
    address: text(LIMITS.address, true),
  })
  .transform((p): Party => {
    const out: Party = { name: p.name, phone: p.phone.e164, address: p.address };
    if (p.phone.alt !== undefined) out.altPhone = p.phone.alt;
    const note = p.phone.rest.normalize('NFC').trim();
    if (note.length > 0) out.phoneNote = note;
    return out;
  });

/** The waybill input schema. */
export const WaybillSchema = z.strictObject({
  id: identifier(LIMITS.id),
  recipient: party,
  sender: party,
  goods: z.strictObject({
    description: text(LIMITS.goodsDescription, true),
    declaredValue: money.optional(),
    quantity: z.number().int().min(1).max(LIMITS.maxQuantity).optional(),
  }),
  codAmount: money.optional(),
  weightGrams: z.number().int().min(1).max(LIMITS.maxWeightGrams).optional(),
  notes: text(LIMITS.notes, true, false).optional(),
  assignment: z
    .strictObject({
      courierId: identifier(LIMITS.courierId),
      number: z.number().int().min(0).max(0x7fffffff),
    })
    .optional(),
});

/** A validated waybill: strings NFC and trimmed, phones in E.164. */
export type Waybill = z.output<typeof WaybillSchema>;
/** The waybill input as callers write it (phones in any format). */
export type WaybillInput = z.input<typeof WaybillSchema>;

//#endregion

//#region issues

type ZodIssueLike = { code: string; path: PropertyKey[]; message?: string; params?: Record<string, unknown>; input?: unknown; origin?: string; format?: string; minimum?: unknown };

function ruleOf(i: ZodIssueLike): string {
  switch (i.code) {
    case 'invalid_type':
      // zod keeps the input out of issues; its fixed message still says what was received.
      return typeof i.message === 'string' && i.message.endsWith('received undefined') ? 'required' : 'type';
    case 'too_big':
      return i.origin === 'string' ? 'too_long' : 'too_big';
    case 'too_small':
      return i.origin === 'string' ? (i.minimum === 1 ? 'required' : 'too_short') : 'too_small';
    case 'unrecognized_keys':
      return 'unknown_key';
    case 'invalid_format':
      return 'format';
    case 'invalid_value':
      return 'enum';
    case 'custom':
      return typeof i.params?.rule === 'string' ? i.params.rule : 'invalid';
    default:
      return 'invalid';
  }
}

/**
 * Convert zod issues to `{ path, rule }`. Only schema-defined path segments are kept: a path
 * never includes an unknown key's name, since key names are input too.
 * @internal
 */
export function toIssues(issues: readonly ZodIssueLike[]): Issue[] {
  const out: Issue[] = [];
  const seen = new Set<string>();
  for (const i of issues) {
    const path = i.path.map((p) => (typeof p === 'number' ? String(p) : typeof p === 'string' ? p : '?')).join('.');
    const rule = ruleOf(i);
    const key = `${path}\u0000${rule}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ path, rule });
  }
  return out;
}

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
    r = WaybillSchema.safeParse(input);
  } catch {
    // A getter that throws, a Proxy trap, or another exotic object: refuse without its message.
    return { ok: false, error: new WaybillShieldError('INVALID_WAYBILL', undefined, { issues: [{ path: '', rule: 'invalid' }] }) };
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
