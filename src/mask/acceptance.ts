/**
 * Acceptance control: turns a goods classification (or the goods summary of a protected record)
 * into what a courier does at the counter: `accept`, `inspect`, `road-only` or `refuse`, with the
 * flags and categories that decided it.
 *
 * The decision reads only a category and flags, never the description, so it works on a stored
 * record without unsealing anything. Sensitive categories (`intimate`, `medicine`) cannot carry a
 * rule: sensitive goods are decided by their handling flags alone, so a decision and its reasons
 * never reveal them. Sources of the default Vietnamese policy are in `docs/goods.md`.
 * @module
 */

import * as z from 'zod/mini';
import { guard, WaybillShieldError } from '../errors.js';
import { ISSUE_PARSE_OPTIONS, toIssues } from '../_issues.js';
import { GOODS_CATEGORIES, GOODS_FLAGS, type GoodsCategory, type GoodsFlag } from './goods-lexicon.js';

/** What the courier does with the parcel, from least to most severe. */
export type AcceptanceDecision = 'accept' | 'inspect' | 'road-only' | 'refuse';

/** Every decision, from least to most severe. */
export const ACCEPTANCE_DECISIONS: readonly AcceptanceDecision[] = Object.freeze(['accept', 'inspect', 'road-only', 'refuse'] as const);

/** Result of {@link acceptanceOf}. */
export interface Acceptance {
  decision: AcceptanceDecision;
  /**
   * Why: the flag ids (`dangerous-goods`) and category ids (`jewelry-valuables`) whose rules gave
   * `decision`, flags first in `GOODS_FLAGS` order. Empty for a plain `accept`. Never text from
   * the description, never a sensitive category.
   */
  reasons: string[];
}

/** Categories a rule may name: every category that is not sensitive. */
const RULE_CATEGORIES = (Object.keys(GOODS_CATEGORIES) as GoodsCategory[]).filter((c) => !GOODS_CATEGORIES[c].sensitive);
/** Flags a rule may name: every flag but `sensitive`, which a decision must not depend on or reveal. */
const RULE_FLAGS = GOODS_FLAGS.filter((f) => f !== 'sensitive');

const decision = z.enum(['accept', 'inspect', 'road-only', 'refuse']);

/**
 * An acceptance policy. `base: 'vn-default'` (the default) starts from {@link VN_ACCEPTANCE_POLICY}
 * and overrides its rules; `base: 'none'` starts from nothing. `otherwise` applies when no rule
 * matches.
 */
export const AcceptancePolicySchema = z.strictObject({
  base: z._default(z.enum(['vn-default', 'none']), 'vn-default'),
  flags: z.optional(z.partialRecord(z.enum(RULE_FLAGS as [GoodsFlag, ...GoodsFlag[]]), decision)),
  categories: z.optional(z.partialRecord(z.enum(RULE_CATEGORIES as [GoodsCategory, ...GoodsCategory[]]), decision)),
  otherwise: z.optional(decision),
});

/** An acceptance policy as callers write it. */
export type AcceptancePolicy = z.input<typeof AcceptancePolicySchema>;

/** A resolved policy: every rule spelled out. */
export interface ResolvedAcceptancePolicy {
  readonly flags: Readonly<Partial<Record<GoodsFlag, AcceptanceDecision>>>;
  readonly categories: Readonly<Partial<Record<GoodsCategory, AcceptanceDecision>>>;
  readonly otherwise: AcceptanceDecision;
}

/**
 * The default Vietnamese policy (sources in `docs/goods.md`):
 * - `restricted` → `refuse`: prohibited postal items (weapons, explosives and fireworks, drugs,
 *   cash, live animals, counterfeit goods) and e-cigarettes;
 * - `dangerous-goods` → `road-only`: power banks and loose lithium cells, perfume and other
 *   flammable liquids, aerosols, lighters; air carriers refuse them or accept them only under
 *   the ICAO/IATA dangerous-goods rules;
 * - `alcohol`, `plant-animal-quarantine`, `high-value` → `inspect`: check the packaging and
 *   strength, the quarantine papers, or the declared value and insurance;
 * - everything else → `accept`.
 */
export const VN_ACCEPTANCE_POLICY: ResolvedAcceptancePolicy = Object.freeze({
  flags: Object.freeze({
    restricted: 'refuse',
    'dangerous-goods': 'road-only',
    alcohol: 'inspect',
    'plant-animal-quarantine': 'inspect',
    'high-value': 'inspect',
  } as const),
  categories: Object.freeze({}),
  otherwise: 'accept',
});

const RANK: Readonly<Record<AcceptanceDecision, number>> = { accept: 0, inspect: 1, 'road-only': 2, refuse: 3 };

const cache = new WeakMap<object, { snapshot: string; resolved: ResolvedAcceptancePolicy }>();

/**
 * Validate an acceptance policy and fill in its base.
 *
 * @param policy - a policy object, or undefined for {@link VN_ACCEPTANCE_POLICY}
 * @returns the resolved, frozen policy
 * @throws WaybillShieldError `INVALID_POLICY` with `issues` (paths and rules only) when it does not validate
 * @example
 * ```ts
 * resolveAcceptancePolicy({ flags: { restricted: 'inspect' } }).flags.restricted // 'inspect'
 * ```
 */
export function resolveAcceptancePolicy(policy?: AcceptancePolicy): ResolvedAcceptancePolicy {
  if (policy === undefined) return VN_ACCEPTANCE_POLICY;
  return guard('INVALID_POLICY', 'acceptance policy: could not be read', () => {
    if (typeof policy !== 'object' || policy === null) {
      throw new WaybillShieldError('INVALID_POLICY', 'acceptance policy: must be an object');
    }
    // A policy mutated after first use must take effect: the cache is keyed by a snapshot.
    const snapshot = JSON.stringify(policy);
    const hit = cache.get(policy);
    if (hit && hit.snapshot === snapshot) return hit.resolved;
    const r = AcceptancePolicySchema.safeParse(policy, ISSUE_PARSE_OPTIONS);
    if (!r.success) {
      throw new WaybillShieldError('INVALID_POLICY', 'acceptance policy: failed validation', {
        issues: toIssues(r.error.issues as Parameters<typeof toIssues>[0]),
      });
    }
    const base = r.data.base === 'vn-default' ? VN_ACCEPTANCE_POLICY : { flags: {}, categories: {}, otherwise: 'accept' as const };
    const resolved: ResolvedAcceptancePolicy = Object.freeze({
      flags: Object.freeze({ ...base.flags, ...r.data.flags }),
      categories: Object.freeze({ ...base.categories, ...r.data.categories }),
      otherwise: r.data.otherwise ?? base.otherwise,
    });
    cache.set(policy, { snapshot, resolved });
    return resolved;
  });
}

/**
 * Decide how a courier accepts a parcel from its goods classification.
 *
 * Every rule whose flag or category the goods carry applies; the most severe decision wins, and
 * `reasons` lists the flags and categories that gave it. Sensitive goods are decided by their
 * handling flags only: a sensitive category or the `sensitive` flag never decides and never
 * appears in `reasons`.
 *
 * @param goods - a {@link GoodsClass} from `classifyGoods`, or a protected record's `goods`
 * @param policy - an acceptance policy; default {@link VN_ACCEPTANCE_POLICY}
 * @returns the decision and its reasons
 * @throws WaybillShieldError `INVALID_INPUT` when `goods` has no known category or flags; `INVALID_POLICY` for a bad policy
 * @example
 * ```ts
 * acceptanceOf(classifyGoods('Sạc dự phòng 20000mAh'))   // { decision: 'road-only', reasons: ['dangerous-goods'] }
 * acceptanceOf(record.goods, { flags: { alcohol: 'refuse' } })
 * ```
 */
export function acceptanceOf(
  goods: { readonly category: GoodsCategory; readonly flags: readonly GoodsFlag[] },
  policy?: AcceptancePolicy,
): Acceptance {
  const resolved = resolveAcceptancePolicy(policy);
  return guard('INVALID_INPUT', 'acceptanceOf: goods could not be read', () => {
    const category: unknown = typeof goods === 'object' && goods !== null ? goods.category : undefined;
    if (typeof category !== 'string' || !Object.prototype.hasOwnProperty.call(GOODS_CATEGORIES, category)) {
      throw new WaybillShieldError('INVALID_INPUT', 'goods.category: is not one of the allowed values');
    }
    const flags: unknown = goods.flags;
    if (!Array.isArray(flags) || flags.length > GOODS_FLAGS.length * 4) {
      throw new WaybillShieldError('INVALID_INPUT', 'goods.flags: must be a list of flags');
    }
    const present = new Set<string>();
    for (const f of flags as unknown[]) {
      if (typeof f !== 'string' || !(GOODS_FLAGS as readonly string[]).includes(f)) {
        throw new WaybillShieldError('INVALID_INPUT', 'goods.flags: holds an unknown flag');
      }
      present.add(f);
    }
    const hits: [AcceptanceDecision, string][] = [];
    for (const f of RULE_FLAGS) {
      const d = present.has(f) ? resolved.flags[f] : undefined;
      if (d !== undefined) hits.push([d, f]);
    }
    if (!GOODS_CATEGORIES[category as GoodsCategory].sensitive) {
      const d = resolved.categories[category as GoodsCategory];
      if (d !== undefined) hits.push([d, category]);
    }
    // The most severe rule wins; `otherwise` applies only when it is more severe than every hit.
    let best: AcceptanceDecision = resolved.otherwise;
    for (const [d] of hits) if (RANK[d] > RANK[best]) best = d;
    const reasons = hits.filter(([d]) => d === best && RANK[d] > 0).map(([, r]) => r);
    return { decision: best, reasons };
  });
}
