/**
 * The mask policy: what each view shows. Validated once with zod (`zod/mini`, no locale files) at the boundary; the parsed
 * result is cached per policy object so `protect()` pays for validation once, not per row, and
 * the cache notices when that object is changed afterwards.
 * @module
 */
import * as z from 'zod/mini';
import { guard, issueError, WaybillShieldError } from './errors.js';
import { SEALED_FIELDS } from './_fields.js';
import { flag, intRange, ISSUE_PARSE_OPTIONS, toIssues } from './_issues.js';

const nameStyle = z.enum(['initials', 'given-name', 'full-mask']);
const digitsKept = z.optional(intRange(0, 3));

const phoneMask = z._default(
  z.strictObject({
    style: z._default(z.enum(['last3', 'first3-last3', 'full']), 'last3'),
    keepStart: digitsKept,
    keepEnd: digitsKept,
  }),
  { style: 'last3' },
);

/** The mask policy schema (zod/mini). Every field has a default; `{}` is the Vietnamese default policy. */
export const MaskPolicySchema = z.strictObject({
  /** Recipient name style. */
  recipientName: z._default(z.strictObject({ style: z._default(nameStyle, 'initials') }), { style: 'initials' }),
  /** Sender name style. */
  senderName: z._default(z.strictObject({ style: z._default(nameStyle, 'initials') }), { style: 'initials' }),
  /** Recipient phone mask on the label. At least 4 digits stay hidden whatever is set; 7 by default. */
  recipientPhone: phoneMask,
  /** Sender phone mask on the label. */
  senderPhone: phoneMask,
  /** Which routing parts of the address the label keeps; everything below the ward is always masked. */
  address: z._default(
    z.strictObject({
      ward: z._default(z.boolean(), true),
      district: z._default(z.boolean(), true),
      province: z._default(z.boolean(), true),
      /** Also give the 2025-scheme equivalent of a legacy address when the mapping is unambiguous. */
      convertTo2025: z._default(z.boolean(), false),
    }),
    { ward: true, district: true, province: true, convertTo2025: false },
  ),
  /** Goods on the label: the category (neutral for sensitive goods) or nothing. */
  goods: z._default(z.strictObject({ show: z._default(z.enum(['category', 'none']), 'category') }), { show: 'category' }),
  /** Show the COD amount on the label. */
  showCod: z._default(z.boolean(), true),
  /** Fields a reveal token grants by default. */
  revealFields: z._default(
    // The length rule as a plain check function rather than zod's min/max length checks (two
    // classes fewer in a bundle); same rules, reported alongside any bad element as before.
    z.array(z.enum(SEALED_FIELDS)).check((ctx) => {
      if (ctx.value.length < 1) flag(ctx, 'too_small');
      else if (ctx.value.length > SEALED_FIELDS.length) flag(ctx, 'too_big');
    }),
    ['recipient.phone'],
  ),
  /**
   * Retention: the record's personal data lives in the retention epoch holding `now + days`
   * (`now` is protect's clock, e.g. the delivery date when the record is protected at delivery),
   * so `keyring.shred({ before })` destroys it once that epoch has ended. `days: 0` (default)
   * puts it in the epoch of `now`. See docs/retention.md.
   */
  retention: z._default(z.strictObject({ days: z._default(intRange(0, 36_500), 0) }), { days: 0 }),
});

/** A mask policy as callers write it: every field optional. */
export type MaskPolicy = z.input<typeof MaskPolicySchema>;
/** A validated mask policy with every default filled in. */
export type ResolvedMaskPolicy = z.output<typeof MaskPolicySchema>;

/**
 * Cache of resolved policies per input object. Each entry keeps a private snapshot of the input
 * it was resolved from; a hit counts only while the input still equals that snapshot, so a
 * policy object mutated after first use is re-validated and its new meaning takes effect
 * (a wrong cached meaning could keep masking a field the caller has since chosen to hide, or
 * the reverse). The comparison walks a dozen small values, far cheaper than a zod parse.
 */
const cache = new WeakMap<object, { snapshot: unknown; resolved: ResolvedMaskPolicy }>();
let defaultPolicy: ResolvedMaskPolicy | undefined;

/** Bounds of a policy snapshot: a real policy is 3 levels deep with at most a dozen keys per level; deeper or wider input is validated uncached. */
const SNAP_DEPTH = 8;
const SNAP_KEYS = 64;

/**
 * A plain deep copy of a policy input, each property read once (so a getter cannot answer one
 * thing to validation and another to the cache). Undefined when the input is not plain data
 * within the bounds; such an input is validated as is and never cached.
 */
function snapshot(v: unknown, depth: number): { ok: true; value: unknown } | { ok: false } {
  if (v === null || typeof v !== 'object') return typeof v === 'function' || typeof v === 'symbol' ? { ok: false } : { ok: true, value: v };
  if (depth >= SNAP_DEPTH) return { ok: false };
  if (Array.isArray(v)) {
    if (v.length > SNAP_KEYS) return { ok: false };
    const out: unknown[] = [];
    for (let i = 0; i < v.length; i++) {
      const c = snapshot(v[i], depth + 1);
      if (!c.ok) return c;
      out.push(c.value);
    }
    return { ok: true, value: out };
  }
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return { ok: false };
  const keys = Object.keys(v);
  if (keys.length > SNAP_KEYS) return { ok: false };
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const c = snapshot((v as Record<string, unknown>)[k], depth + 1);
    if (!c.ok) return c;
    Object.defineProperty(out, k, { value: c.value, enumerable: true, writable: true, configurable: true });
  }
  return { ok: true, value: out };
}

/** True when `input` (caller-owned, possibly changed since) still equals `snap`. */
function unchanged(input: unknown, snap: unknown, depth: number): boolean {
  if (snap === null || typeof snap !== 'object') return Object.is(input, snap);
  if (input === null || typeof input !== 'object' || depth >= SNAP_DEPTH) return false;
  if (Array.isArray(snap)) {
    if (!Array.isArray(input) || input.length !== snap.length) return false;
    for (let i = 0; i < snap.length; i++) if (!unchanged(input[i], snap[i], depth + 1)) return false;
    return true;
  }
  const proto = Object.getPrototypeOf(input);
  if (Array.isArray(input) || (proto !== Object.prototype && proto !== null)) return false;
  const keys = Object.keys(snap);
  const now = Object.keys(input);
  if (now.length !== keys.length) return false;
  for (const k of keys) {
    if (!Object.prototype.hasOwnProperty.call(input, k)) return false;
    if (!unchanged((input as Record<string, unknown>)[k], (snap as Record<string, unknown>)[k], depth + 1)) return false;
  }
  return true;
}

function parseOrThrow(input: unknown): ResolvedMaskPolicy {
  let r;
  try {
    r = MaskPolicySchema.safeParse(input, ISSUE_PARSE_OPTIONS);
  } catch {
    throw issueError('', 'invalid', 'INVALID_POLICY');
  }
  if (!r.success) throw new WaybillShieldError('INVALID_POLICY', undefined, { issues: toIssues(r.error.issues as never) });
  return deepFreeze(r.data);
}

/**
 * Validate a mask policy and fill its defaults.
 *
 * The result is cached per policy object and re-validated whenever that object has changed since
 * (a field set, added or deleted at any depth), so mutating a policy between calls takes effect
 * on the next call, exactly as passing a new object would.
 *
 * @param policy - a {@link MaskPolicy}; `undefined` gives the default policy
 * @returns the resolved policy (deep-frozen; the same object while the input is unchanged)
 * @throws WaybillShieldError `INVALID_POLICY` with `issues`
 * @example
 * ```ts
 * const policy = resolvePolicy({ recipientName: { style: 'given-name' } });
 * ```
 */
export function resolvePolicy(policy?: MaskPolicy): ResolvedMaskPolicy {
  return guard('INVALID_POLICY', 'policy must be an object', () => {
    if (policy === undefined) return (defaultPolicy ??= deepFreeze(MaskPolicySchema.parse({}, ISSUE_PARSE_OPTIONS)));
    if (typeof policy !== 'object' || policy === null) throw new WaybillShieldError('INVALID_POLICY', 'policy must be an object');
    const hit = cache.get(policy);
    if (hit && unchanged(policy, hit.snapshot, 0)) return hit.resolved;
    const snap = snapshot(policy, 0);
    // Not plain data: zod explains what is wrong with the original; nothing is cached.
    if (!snap.ok) return parseOrThrow(policy);
    // Validate the snapshot, not the caller's object, so what is cached is what was validated.
    const resolved = parseOrThrow(snap.value);
    cache.set(policy, { snapshot: snap.value, resolved });
    return resolved;
  });
}

function deepFreeze<T>(o: T): T {
  if (typeof o === 'object' && o !== null) {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}
