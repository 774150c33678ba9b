/**
 * Redeeming reveal tokens (format v1, `docs/token-format.md`). Order of checks:
 *
 * 1. shape (`malformed`), then the assignee (`wrong-courier`, when the caller names one):
 *    refused without touching the ledger, since neither is a guess at a tag;
 * 2. the 64-bit HMAC-SHA256 tag, in constant time, under each key matching the carried key-id
 *    bits. A failing tag that matches an earlier assignment of the same courier is an authentic
 *    old token (`reassigned`, not counted). Any other failing tag is a guess (`bad-tag`): the
 *    ledger counts it with `acquire`, or answers `TOKEN_LOCKED` once the waybill holds
 *    `maxFailures` guesses in the window;
 * 3. the window (`not-yet-valid`, `expired`; not counted);
 * 4. ledger `consume` with a lock check: `TOKEN_LOCKED` while the waybill is locked (so a
 *    correct guess made after the lock gains nothing), else revocation (`revoked`) and use
 *    count (`use-limit`), neither counted.
 *
 * Only guesses count toward the lockout, and each redemption is one ledger call (none for a
 * malformed string). Every refusal is the same `TOKEN_REJECTED` message; the reason goes only to
 * the audit event and the error's non-enumerable `reason`.
 * @module
 */
import { guardAsync, issueError, WaybillShieldError } from '../errors.js';
import { assertKeyring, type Keyring } from '../keys/keyring.js';
import type { AuditEvent, AuditTarget } from '../audit/types.js';
import { defaultLedger } from '../ledger/memory.js';
import type { RevealLedger } from '../ledger/types.js';
import { grantedFields, maskToFields, unitFloor, unitToMs } from './_format.js';
import { assertAssignment, assertIdentifier, dateOption, intOption } from './_ids.js';
import { tokenIdOf } from './_tag.js';
import { authenticate, parseToken, type AuthenticToken } from './_verify.js';
import { mintGrant, type RevealGrant } from './grant.js';
import { assertNotShredded } from '../retention.js';

/** Every reason a redemption can be refused for. Only in audit events and `error.reason`. */
export type RevealRejectReason =
  | 'malformed'
  | 'bad-tag'
  | 'wrong-courier'
  | 'reassigned'
  | 'not-yet-valid'
  | 'expired'
  | 'use-limit'
  | 'revoked'
  | 'locked';

/** Default policy values. */
export const REDEEM_DEFAULTS = /* @__PURE__ */ Object.freeze({
  /** Reveals per token. */
  maxUses: 5,
  /** Failed attempts per waybill before it locks. */
  maxFailures: 5,
  /** Lockout window: failures count for an hour, and a lock lasts an hour. */
  lockoutMs: 3_600_000,
  /** How long a grant stays usable after redemption. */
  grantTtlMs: 300_000,
});

/** Earlier assignment numbers tried, after a failed tag, to tell `reassigned` from `bad-tag`. */
export const REASSIGN_LOOKBACK = 2;
/** Ledger entries for a token outlive its window by this much, to absorb clock skew between servers. */
export const LEDGER_MARGIN_MS = 5 * 60_000;

/** The one message every refusal carries. */
export const TOKEN_REJECTED_MESSAGE = 'the reveal token was not accepted';

/** Options for {@link redeemRevealToken}. */
export interface RedeemRevealTokenOptions {
  keyring: Keyring;
  /** The waybill the courier is delivering (from the backend's record, not from the token). */
  waybillId: string;
  /** The courier presenting the token (from the courier's authenticated session). */
  courierId: string;
  /** The waybill's current assignment number (default 0). */
  assignment?: number;
  /** The courier the waybill is assigned to now, when the caller knows it: a mismatch is `wrong-courier`. */
  assignedCourierId?: string;
  /** Clock (default now). */
  now?: Date;
  /** Where use counts and lockouts live (default: a process-wide `MemoryLedger`). */
  ledger?: RevealLedger;
  /** Where the `token.redeem` audit event goes. */
  audit?: AuditTarget;
  /** Reveals per token (default 5). */
  maxUses?: number;
  /** Failed attempts per waybill before lockout (default 5). */
  maxFailures?: number;
  /** Lockout window in ms (default 1 hour). */
  lockoutMs?: number;
  /** Grant lifetime in ms (default 5 minutes, never past the token's window). */
  grantTtlMs?: number;
  /**
   * The waybill's protected record. When given, an authentic token whose granted fields were
   * shredded (retention epoch destroyed, or the record forgotten) is refused with `DATA_SHREDDED`
   * before a use is spent. Without it, the refusal comes from `reveal`.
   */
  record?: { id: string; sealed: object };
}

function unavailable(e: unknown): WaybillShieldError {
  if (e instanceof WaybillShieldError && e.code === 'LEDGER_UNAVAILABLE') return e;
  return new WaybillShieldError('LEDGER_UNAVAILABLE', 'the reveal ledger could not be reached', { cause: e instanceof WaybillShieldError ? e : undefined });
}

/**
 * Redeem a reveal token for the courier presenting it.
 *
 * @param token - the token as typed or scanned (any case, `-`/space grouping, `I/L/O` aliases)
 * @param opts - keyring, the waybill and courier from the backend, ledger, audit and policy
 * @returns a single-use {@link RevealGrant} for the token's fields of this waybill
 * @throws WaybillShieldError `TOKEN_REJECTED` (one message for every reason; see `reason`),
 *   `TOKEN_LOCKED` while the waybill is locked out, `LEDGER_UNAVAILABLE` when the ledger fails
 *   (nothing is revealed), `DATA_SHREDDED` when `record` is given and its granted fields were
 *   shredded, `INVALID_INPUT` for bad options, `AUDIT_FAILED` from the audit target
 * @example
 * ```ts
 * const grant = await redeemRevealToken(scanned, {
 *   keyring, waybillId: record.id, courierId: session.courierId,
 *   assignment: record.assignment.number, ledger, audit,
 * });
 * const { 'recipient.phone': phone } = reveal(record, grant, { keyring, audit });
 * ```
 */
export async function redeemRevealToken(token: string, opts: RedeemRevealTokenOptions): Promise<RevealGrant> {
  return guardAsync('INVALID_INPUT', 'redeemRevealToken: options are invalid', async () => {
    assertKeyring(opts?.keyring);
    const { keyring, waybillId, courierId, audit } = opts;
    assertIdentifier(waybillId, 'waybillId');
    assertIdentifier(courierId, 'courierId');
    const assignment = opts.assignment ?? 0;
    assertAssignment(assignment);
    if (opts.assignedCourierId !== undefined) assertIdentifier(opts.assignedCourierId, 'assignedCourierId');
    const now = dateOption(opts.now, 'now').getTime();
    const maxUses = intOption(opts.maxUses, REDEEM_DEFAULTS.maxUses, 1, 1_000_000_000, 'maxUses');
    const maxFailures = intOption(opts.maxFailures, REDEEM_DEFAULTS.maxFailures, 1, 1_000_000, 'maxFailures');
    const lockoutMs = intOption(opts.lockoutMs, REDEEM_DEFAULTS.lockoutMs, 1_000, 30 * 86_400_000, 'lockoutMs');
    const grantTtlMs = intOption(opts.grantTtlMs, REDEEM_DEFAULTS.grantTtlMs, 1_000, 86_400_000, 'grantTtlMs');
    const ledger = opts.ledger ?? defaultLedger();

    const record = (outcome: AuditEvent['outcome'], reason: string | undefined, fields: AuditEvent['fields']): void => {
      if (!audit) return;
      const event: AuditEvent = { actor: courierId, action: 'token.redeem', waybillId, fields, outcome };
      if (reason !== undefined) event.reason = reason;
      audit.append(event);
    };
    const reject = (reason: RevealRejectReason, fieldMask = 0): WaybillShieldError => {
      record('denied', reason, maskToFields(fieldMask));
      return new WaybillShieldError('TOKEN_REJECTED', TOKEN_REJECTED_MESSAGE, { reason });
    };
    const ledgerFailed = (e: unknown): WaybillShieldError => {
      record('error', 'ledger-unavailable', []);
      return unavailable(e);
    };
    const locked = (): WaybillShieldError => {
      record('denied', 'locked', []);
      return new WaybillShieldError('TOKEN_LOCKED', 'too many failed attempts for this waybill; try again later', { reason: 'locked' });
    };

    // 1. Shape and assignee: refused without counting.
    const decoded = parseToken(token);
    if (decoded === undefined) throw reject('malformed');
    if (opts.assignedCourierId !== undefined && opts.assignedCourierId !== courierId) throw reject('wrong-courier');

    // 2. Tag. Only a failing tag that no earlier assignment explains is a guess, and counts.
    const nowUnit = unitFloor(now);
    const auth: AuthenticToken | undefined = authenticate(keyring, decoded, { waybillId, courierId, assignment }, nowUnit);
    if (auth === undefined) {
      for (let back = 1; back <= REASSIGN_LOOKBACK && assignment - back >= 0; back++) {
        if (authenticate(keyring, decoded, { waybillId, courierId, assignment: assignment - back }, nowUnit)) throw reject('reassigned');
      }
      let counted;
      try {
        counted = await ledger.acquire(waybillId, 'reveal', maxFailures, lockoutMs);
      } catch (e) {
        throw ledgerFailed(e);
      }
      if (counted === 'locked') throw locked();
      throw reject('bad-tag');
    }

    // 3. Window.
    const notBefore = unitToMs(auth.nbUnits);
    const notAfter = unitToMs(auth.nbUnits + auth.durationUnits);
    if (now < notBefore || now >= notAfter) throw reject(now < notBefore ? 'not-yet-valid' : 'expired', auth.fieldMask);

    // 4. Retention: an authentic token for shredded data is not a guess; no use is spent.
    if (opts.record !== undefined) {
      if (opts.record?.id !== waybillId) throw issueError('record', 'waybill');
      try {
        // Checked on everything the mask grants, the implied second phone numbers included.
        assertNotShredded(keyring, opts.record, grantedFields(auth.fieldMask));
      } catch (e) {
        record('error', 'data-shredded', maskToFields(auth.fieldMask));
        throw e;
      }
    }

    // 5. Lockout, revocation and use count, in one atomic ledger step.
    let consumed;
    try {
      consumed = await ledger.consume(waybillId, tokenIdOf(auth.mac), maxUses, notAfter - now + LEDGER_MARGIN_MS, { lock: { scope: 'reveal', maxFailures } });
    } catch (e) {
      throw ledgerFailed(e);
    }
    if (consumed === 'locked') throw locked();
    if (consumed !== 'ok') throw reject(consumed, auth.fieldMask);

    const fields = maskToFields(auth.fieldMask);
    record('ok', undefined, fields);
    return mintGrant({ waybillId, courierId, assignment, fields, expiresAt: Math.min(notAfter, now + grantTtlMs) });
  });
}
