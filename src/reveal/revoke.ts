/**
 * Revocation: stop one reveal token, or every token of a waybill, before they expire. Both write
 * to the ledger with a TTL and never need the token to be stored anywhere. Reassignment (raising
 * the assignment number) kills old tokens without any ledger state; revocation is for the rest
 * (a lost phone, a cancelled delivery, a suspected leak).
 * @module
 */
import { guardAsync, issueError, WaybillShieldError } from '../errors.js';
import { assertKeyring, type Keyring } from '../keys/keyring.js';
import type { AuditTarget } from '../audit/types.js';
import { defaultLedger } from '../ledger/memory.js';
import type { RevealLedger } from '../ledger/types.js';
import { maskToFields, unitFloor, unitToMs } from './_format.js';
import { assertAssignment, assertIdentifier, dateOption, intOption, isActor } from './_ids.js';
import { tokenIdOf } from './_tag.js';
import { authenticate, parseToken } from './_verify.js';
import { LEDGER_MARGIN_MS, TOKEN_REJECTED_MESSAGE } from './redeem.js';

/** Options for {@link revokeRevealToken}. */
export interface RevokeRevealTokenOptions {
  keyring: Keyring;
  /** The waybill, courier and assignment the token was issued for. */
  waybillId: string;
  courierId: string;
  assignment?: number;
  ledger?: RevealLedger;
  audit?: AuditTarget;
  /** Who revokes, for the audit event (default `system`). */
  actor?: string;
  now?: Date;
}

/** Options for {@link revokeWaybillReveals}. */
export interface RevokeWaybillRevealsOptions {
  ledger?: RevealLedger;
  /** How long the revocation holds (default 30 days; at least as long as any token of the waybill lives). */
  ttlMs?: number;
  audit?: AuditTarget;
  /** Who revokes, for the audit event (default `system`). */
  actor?: string;
}

/** Default lifetime of a waybill revocation: 30 days. */
export const WAYBILL_REVOCATION_TTL_MS = 30 * 86_400_000;

function actorOf(a: unknown): string {
  if (a === undefined) return 'system';
  if (!isActor(a)) throw issueError('actor', 'format');
  return a;
}

async function ledgerCall(fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof WaybillShieldError && e.code === 'LEDGER_UNAVAILABLE') throw e;
    throw new WaybillShieldError('LEDGER_UNAVAILABLE', 'the reveal ledger could not be reached');
  }
}

/**
 * Revoke one token until it would have expired. The token must be authentic for the given
 * waybill, courier and assignment.
 *
 * @param token - the token to revoke
 * @param opts - keyring, the token's binding, ledger, audit
 * @returns when the revocation is stored
 * @throws WaybillShieldError `TOKEN_REJECTED` when the token is not authentic for that binding,
 *   `LEDGER_UNAVAILABLE`, `INVALID_INPUT`
 * @example
 * ```ts
 * await revokeRevealToken(token, { keyring, waybillId, courierId: 'courier-042', assignment: 1, ledger });
 * ```
 */
export async function revokeRevealToken(token: string, opts: RevokeRevealTokenOptions): Promise<void> {
  return guardAsync('INVALID_INPUT', 'revokeRevealToken: options are invalid', async () => {
    assertKeyring(opts?.keyring);
    assertIdentifier(opts.waybillId, 'waybillId');
    assertIdentifier(opts.courierId, 'courierId');
    const assignment = opts.assignment ?? 0;
    assertAssignment(assignment);
    const actor = actorOf(opts.actor);
    const now = dateOption(opts.now, 'now').getTime();
    const d = parseToken(token);
    const auth = d && authenticate(opts.keyring, d, { waybillId: opts.waybillId, courierId: opts.courierId, assignment }, unitFloor(now));
    if (!auth) throw new WaybillShieldError('TOKEN_REJECTED', TOKEN_REJECTED_MESSAGE, { reason: d ? 'bad-tag' : 'malformed' });
    const notAfter = unitToMs(auth.nbUnits + auth.durationUnits);
    const ledger = opts.ledger ?? defaultLedger();
    await ledgerCall(() => ledger.revokeToken(opts.waybillId, tokenIdOf(auth.mac), Math.max(notAfter - now, 0) + LEDGER_MARGIN_MS));
    opts.audit?.append({ actor, action: 'token.revoke', waybillId: opts.waybillId, fields: maskToFields(auth.fieldMask), outcome: 'ok' });
  });
}

/**
 * Revoke every reveal token of a waybill, issued or still to be issued, for `ttlMs`.
 *
 * @param waybillId - the waybill
 * @param opts - ledger, duration, audit
 * @returns when the revocation is stored
 * @throws WaybillShieldError `LEDGER_UNAVAILABLE`, `INVALID_INPUT`
 * @example
 * ```ts
 * await revokeWaybillReveals('GHN2611290001', { ledger, actor: 'cs-17' }); // parcel cancelled
 * ```
 */
export async function revokeWaybillReveals(waybillId: string, opts: RevokeWaybillRevealsOptions = {}): Promise<void> {
  return guardAsync('INVALID_INPUT', 'revokeWaybillReveals: options are invalid', async () => {
    assertIdentifier(waybillId, 'waybillId');
    const actor = actorOf(opts.actor);
    const ttlMs = intOption(opts.ttlMs, WAYBILL_REVOCATION_TTL_MS, 1_000, 400 * 86_400_000, 'ttlMs');
    const ledger = opts.ledger ?? defaultLedger();
    await ledgerCall(() => ledger.revokeWaybill(waybillId, ttlMs));
    opts.audit?.append({ actor, action: 'token.revoke', waybillId, fields: [], outcome: 'ok' });
  });
}
