/**
 * `RevealGrant`: the proof that a reveal token was redeemed. Grants live in a module-private
 * registry (a WeakMap), so the only grants `reveal` accepts are the ones `redeemRevealToken`
 * minted in this process: a copied object, a deserialised one, a subclass instance or
 * `Object.create(RevealGrant.prototype)` are all refused. Each grant opens its waybill once.
 * @module
 */
import { WaybillShieldError } from '../errors.js';
import type { SealedField } from '../schema.js';

interface GrantState {
  readonly waybillId: string;
  readonly courierId: string;
  readonly assignment: number;
  readonly fields: readonly SealedField[];
  readonly expiresAt: number;
  spent: boolean;
}

const REGISTRY = /* @__PURE__ */ new WeakMap<object, GrantState>();
const MINT = /* @__PURE__ */ Symbol('waybill-shield/grant-mint');

/**
 * What a redeemed token allows: these fields of this waybill, for this courier, once, until
 * `expiresAt`. Made only by `redeemRevealToken`; `new RevealGrant()` throws.
 *
 * @example
 * ```ts
 * const grant = await redeemRevealToken(token, { keyring, waybillId, courierId, assignment });
 * grant.fields; // ['recipient.phone']
 * const { 'recipient.phone': phone } = reveal(record, grant, { keyring, audit });
 * ```
 */
export class RevealGrant {
  /** The waybill this grant opens. */
  readonly waybillId: string;
  /** The courier who redeemed the token. */
  readonly courierId: string;
  /** The assignment number the token was bound to. */
  readonly assignment: number;
  /**
   * The token's fields (its mask bits), in `SEALED_FIELDS` order. A phone field here grants the
   * party's whole phone field: `reveal` also opens `<party>.altPhone` when the record has one
   * (`docs/token-format.md`).
   */
  readonly fields: readonly SealedField[];
  /** When the grant stops working, whether used or not. */
  readonly expiresAt: Date;

  /**
   * Not for callers: grants come from `redeemRevealToken`.
   * @throws WaybillShieldError `INVALID_GRANT` always, when called from outside this module
   */
  constructor(mint: symbol, state: Omit<GrantState, 'spent'>) {
    if (mint !== MINT) throw new WaybillShieldError('INVALID_GRANT', 'grants are made only by redeemRevealToken');
    this.waybillId = state.waybillId;
    this.courierId = state.courierId;
    this.assignment = state.assignment;
    this.fields = Object.freeze([...state.fields]);
    this.expiresAt = new Date(state.expiresAt);
    REGISTRY.set(this, { ...state, fields: this.fields, spent: false });
    Object.freeze(this);
  }

  /** True until `reveal` has used the grant. */
  get spent(): boolean {
    return REGISTRY.get(this)?.spent ?? true;
  }
}

/** Make a registered grant. Only redemption calls this. @internal */
export function mintGrant(state: Omit<GrantState, 'spent'>): RevealGrant {
  return new RevealGrant(MINT, state);
}

/** Why a grant was refused; for the audit record only. @internal */
export type GrantProblem = 'forged' | 'spent' | 'expired' | 'wrong-waybill' | 'reassigned';

/**
 * Look a grant up in the registry without changing it.
 * @internal
 */
export function grantState(grant: unknown): Readonly<GrantState> | undefined {
  return typeof grant === 'object' && grant !== null ? REGISTRY.get(grant) : undefined;
}

/**
 * Check a grant against a waybill and mark it spent. Spent first, so a failure later in
 * `reveal` (a record that does not open) cannot be retried with the same grant.
 * @internal
 */
export function spendGrant(
  grant: unknown,
  waybillId: string,
  assignment: { courierId: string; number: number } | undefined,
  now: number,
): GrantProblem | Readonly<GrantState> {
  const s = typeof grant === 'object' && grant !== null ? REGISTRY.get(grant) : undefined;
  if (s === undefined) return 'forged';
  if (s.waybillId !== waybillId) return 'wrong-waybill';
  if (s.spent) return 'spent';
  if (now >= s.expiresAt) return 'expired';
  // The record's own assignment, when it has one, must still be the one the token was bound to.
  if (assignment !== undefined && (assignment.number !== s.assignment || assignment.courierId !== s.courierId)) return 'reassigned';
  s.spent = true;
  return s;
}
