/**
 * `RevealGrant`: the proof that a reveal token was redeemed. A grant's state is held in a private
 * class field (`#state`), which no code outside this class can read, write or add to an object,
 * so the only grants `reveal` accepts are the ones `redeemRevealToken` minted in this process: a
 * copied object, a deserialised one, a proxy, a subclass instance or
 * `Object.create(RevealGrant.prototype)` are all refused. Each grant opens its waybill once.
 * (Until 2026-12-01 the state lived in a module-private WeakMap: the same guarantee, at about a
 * tenth of a redemption's time for the WeakMap's insert and the collector's ephemeron work.)
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

const MINT = /* @__PURE__ */ Symbol('waybill-shield/grant-mint');

/** Reads a grant's private state; set by the class's static block, never exported. */
let stateOf: (grant: unknown) => GrantState | undefined;

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
  readonly #state: GrantState;

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
    // Field by field rather than `{ ...state, … }`: redemption makes one per call, and the spread
    // timed slower here (one literal shape, no copy of the caller's object).
    this.#state = {
      waybillId: state.waybillId,
      courierId: state.courierId,
      assignment: state.assignment,
      fields: this.fields,
      expiresAt: state.expiresAt,
      spent: false,
    };
    Object.freeze(this);
  }

  /** True until `reveal` has used the grant. */
  get spent(): boolean {
    // A fake (`Object.create(RevealGrant.prototype)`) has no state, and reads as spent.
    return stateOf(this)?.spent ?? true;
  }

  static {
    stateOf = (grant) => (typeof grant === 'object' && grant !== null && #state in grant ? (grant as RevealGrant).#state : undefined);
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
  return stateOf(grant);
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
  const s = stateOf(grant);
  if (s === undefined) return 'forged';
  if (s.waybillId !== waybillId) return 'wrong-waybill';
  if (s.spent) return 'spent';
  if (now >= s.expiresAt) return 'expired';
  // The record's own assignment, when it has one, must still be the one the token was bound to.
  if (assignment !== undefined && (assignment.number !== s.assignment || assignment.courierId !== s.courierId)) return 'reassigned';
  s.spent = true;
  return s;
}
