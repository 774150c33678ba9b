/**
 * The mask policy: what each view shows. Validated once with zod at the boundary; the parsed
 * result is cached per policy object so `protect()` pays for validation once, not per row.
 * @module
 */
import { z } from 'zod';
import { guard, WaybillShieldError } from './errors.js';
import { SEALED_FIELDS, toIssues } from './schema.js';

const nameStyle = z.enum(['initials', 'given-name', 'full-mask']);

const phoneMask = z
  .strictObject({
    style: z.enum(['last3', 'first3-last3', 'full']).default('last3'),
    keepStart: z.number().int().min(0).max(3).optional(),
    keepEnd: z.number().int().min(0).max(3).optional(),
  })
  .default({ style: 'last3' });

/** The mask policy schema. Every field has a default; `{}` is the Vietnamese default policy. */
export const MaskPolicySchema = z.strictObject({
  /** Recipient name style. */
  recipientName: z.strictObject({ style: nameStyle.default('initials') }).default({ style: 'initials' }),
  /** Sender name style. */
  senderName: z.strictObject({ style: nameStyle.default('initials') }).default({ style: 'initials' }),
  /** Recipient phone mask on the label. At least 4 digits stay hidden whatever is set; 7 by default. */
  recipientPhone: phoneMask,
  /** Sender phone mask on the label. */
  senderPhone: phoneMask,
  /** Which routing parts of the address the label keeps; everything below the ward is always masked. */
  address: z
    .strictObject({
      ward: z.boolean().default(true),
      district: z.boolean().default(true),
      province: z.boolean().default(true),
      /** Also give the 2025-scheme equivalent of a legacy address when the mapping is unambiguous. */
      convertTo2025: z.boolean().default(false),
    })
    .default({ ward: true, district: true, province: true, convertTo2025: false }),
  /** Goods on the label: the category (neutral for sensitive goods) or nothing. */
  goods: z.strictObject({ show: z.enum(['category', 'none']).default('category') }).default({ show: 'category' }),
  /** Show the COD amount on the label. */
  showCod: z.boolean().default(true),
  /** Fields a reveal token grants by default. */
  revealFields: z
    .array(z.enum(SEALED_FIELDS))
    .min(1)
    .max(SEALED_FIELDS.length)
    .default(['recipient.phone']),
  /**
   * Retention: the record's personal data lives in the retention epoch holding `now + days`
   * (`now` is protect's clock, e.g. the delivery date when the record is protected at delivery),
   * so `keyring.shred({ before })` destroys it once that epoch has ended. `days: 0` (default)
   * puts it in the epoch of `now`. See docs/retention.md.
   */
  retention: z.strictObject({ days: z.number().int().min(0).max(36_500).default(0) }).default({ days: 0 }),
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
    if (policy === undefined) return (defaultPolicy ??= deepFreeze(MaskPolicySchema.parse({})));
    if (typeof policy !== 'object' || policy === null) throw new WaybillShieldError('INVALID_POLICY', 'policy must be an object');
    const hit = cache.get(policy);
    if (hit) return hit;
    let r;
    try {
      r = MaskPolicySchema.safeParse(policy);
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
