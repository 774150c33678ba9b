/**
 * The mask policy: what each view shows. Validated once with zod (`zod/mini`: no locale files shipped) at the boundary; the parsed
 * result is cached per policy object so `protect()` pays for validation once, not per row.
 * @module
 */
import * as z from 'zod/mini';
import { guard, WaybillShieldError } from './errors.js';
import { SEALED_FIELDS } from './_fields.js';
import { ISSUE_PARSE_OPTIONS, toIssues } from './_issues.js';

const nameStyle = z.enum(['initials', 'given-name', 'full-mask']);
const digitsKept = z.optional(z.int().check(z.minimum(0), z.maximum(3)));

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
  revealFields: z._default(z.array(z.enum(SEALED_FIELDS)).check(z.minLength(1), z.maxLength(SEALED_FIELDS.length)), ['recipient.phone']),
});

/** A mask policy as callers write it: every field optional. */
export type MaskPolicy = z.input<typeof MaskPolicySchema>;
/** A validated mask policy with every default filled in. */
export type ResolvedMaskPolicy = z.output<typeof MaskPolicySchema>;

const cache = new WeakMap<object, ResolvedMaskPolicy>();
let defaultPolicy: ResolvedMaskPolicy | undefined;

/**
 * Validate a mask policy and fill its defaults.
 *
 * @param policy - a {@link MaskPolicy}; `undefined` gives the default policy
 * @returns the resolved policy (frozen, cached per input object)
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
    if (hit) return hit;
    let r;
    try {
      r = MaskPolicySchema.safeParse(policy, ISSUE_PARSE_OPTIONS);
    } catch {
      throw new WaybillShieldError('INVALID_POLICY', undefined, { issues: [{ path: '', rule: 'invalid' }] });
    }
    if (!r.success) throw new WaybillShieldError('INVALID_POLICY', undefined, { issues: toIssues(r.error.issues as never) });
    const resolved = deepFreeze(r.data);
    cache.set(policy, resolved);
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
