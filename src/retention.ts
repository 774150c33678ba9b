/**
 * Retention: which epoch a record's personal data lives in, which sealed fields of a record are
 * shredded, and `forget` for one data subject's request.
 *
 * A record lives in the retention epoch holding `now + policy.retention.days`. `keyring.shred`
 * destroys whole epochs: the values sealed and indexed in them become unreadable and unlinkable
 * everywhere they were copied. `forget` removes one record's sealed fields and index from the
 * copy it is given; backups are covered only by epoch shredding.
 * @module
 */
import { guard, WaybillShieldError } from './errors.js';
import { assertKeyring, epochMonthsOf, type Keyring } from './keys/keyring.js';
import { addDays, epochIdOfMonth, monthOf, type EpochId } from './keys/epochs.js';
import { isShredded } from './crypto/envelope.js';
import { resolvePolicy, type MaskPolicy, type ResolvedMaskPolicy } from './policy.js';
import { SEALED_FIELDS, type SealedField } from './_fields.js';
import type { AuditTarget } from './audit/types.js';

/**
 * The retention epoch of a record protected at `now` under `policy`, or undefined for a keyring
 * without retention epochs.
 * @internal
 */
export function recordEpoch(keyring: Keyring, policy: Pick<ResolvedMaskPolicy, 'retention'>, now: Date): EpochId | undefined {
  const months = epochMonthsOf(keyring);
  if (months === undefined) return undefined;
  const days = policy.retention?.days ?? 0;
  return epochIdOfMonth(monthOf(days > 0 ? addDays(now, days) : now, 'now'), months);
}

/**
 * The fields among `fields` whose envelope in `sealed` names a destroyed epoch.
 * @internal
 */
export function shreddedFields(keyring: Keyring, sealed: unknown, fields: readonly SealedField[]): SealedField[] {
  if (typeof sealed !== 'object' || sealed === null) return [];
  const out: SealedField[] = [];
  for (const f of fields) {
    if (Object.prototype.hasOwnProperty.call(sealed, f) && isShredded(keyring, (sealed as Record<string, unknown>)[f])) out.push(f);
  }
  return out;
}

/**
 * Throws `DATA_SHREDDED` when any of `fields` of `record` was sealed in a shredded epoch, or the
 * record was forgotten. For callers that must refuse before doing anything else (redemption).
 * @internal
 */
export function assertNotShredded(keyring: Keyring, record: unknown, fields: readonly SealedField[]): void {
  if (typeof record !== 'object' || record === null) throw new WaybillShieldError('INVALID_INPUT', 'not a ProtectedWaybill');
  const r = record as { sealed?: unknown; forgotten?: unknown };
  if (r.forgotten !== undefined || shreddedFields(keyring, r.sealed, fields).length > 0) {
    throw new WaybillShieldError('DATA_SHREDDED', 'the record\'s personal data has been shredded');
  }
}

/** Options for {@link forget}. */
export interface ForgetOptions {
  /** Where the `forget` audit event goes. */
  audit?: AuditTarget;
  /** Who forgets (a staff or service id; default `system`). */
  actor?: string;
  /** Why, as a purpose code (default `data-subject-request`). */
  purpose?: string;
  /** Clock for `forgotten.at` (default now). */
  now?: Date;
}

const ACTOR_RE = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
const PURPOSE_RE = /^[a-z][a-z0-9._:-]{2,63}$/;
const ID_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const KNOWN: ReadonlySet<string> = new Set(SEALED_FIELDS);

/** A record after {@link forget}: no sealed field, no index, and when it was forgotten. */
export interface ForgottenMarker {
  /** When the sealed fields and index were removed (ISO 8601). */
  at: string;
}

/**
 * Strip one record's sealed fields and blind index, for a data subject's erasure request. The
 * masked label, the routing data and the goods summary stay, so sorting, accounting and
 * disputes keep working; `unseal` and `reveal` on the result fail with `DATA_SHREDDED`.
 *
 * This changes the copy you store. Backups, replicas and exports made before still hold the
 * envelopes: those are covered only by shredding the record's epoch (`keyring.shred`).
 *
 * @param p - a protected waybill
 * @param opts - audit target, actor, purpose code, clock
 * @returns a new record without `sealed` values and `index` entries; the input is not modified
 * @throws WaybillShieldError `INVALID_INPUT` for a non-record or bad actor/purpose; `AUDIT_FAILED` from the audit target
 * @example
 * ```ts
 * await db.put(forget(record, { audit, actor: 'dpo-2', purpose: 'data-subject-request' }));
 * ```
 */
export function forget<T extends { id: string; sealed: object; index: object }>(p: T, opts: ForgetOptions = {}): T & { forgotten: ForgottenMarker } {
  return guard('INVALID_INPUT', 'forget: arguments are not a record and options', () => {
    if (typeof p !== 'object' || p === null || typeof p.id !== 'string' || !ID_RE.test(p.id) || typeof p.sealed !== 'object' || p.sealed === null) {
      throw new WaybillShieldError('INVALID_INPUT', 'not a ProtectedWaybill');
    }
    const o = opts ?? {};
    const actor = o.actor ?? 'system';
    const purpose = o.purpose ?? 'data-subject-request';
    if (typeof actor !== 'string' || !ACTOR_RE.test(actor)) throw new WaybillShieldError('INVALID_INPUT', 'actor must be a staff identifier');
    if (typeof purpose !== 'string' || !PURPOSE_RE.test(purpose) || /\d{4}/.test(purpose)) throw new WaybillShieldError('INVALID_INPUT', 'purpose must be a purpose code');
    const now = o.now === undefined ? new Date() : o.now;
    if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new WaybillShieldError('INVALID_INPUT', undefined, { issues: [{ path: 'now', rule: 'type' }] });
    const fields = Object.keys(p.sealed).filter((f) => KNOWN.has(f)) as SealedField[];
    const out = { ...p, sealed: {}, index: {}, forgotten: { at: now.toISOString() } };
    o.audit?.append({ actor, action: 'forget', waybillId: p.id, fields, purpose, outcome: 'ok' });
    return out;
  });
}

/** Re-exported for callers: the epoch of a date for a keyring's epoch length. */
export { epochOf } from './keys/epochs.js';

/**
 * The retention epoch a record protected at `now` under `policy` lives in.
 *
 * @param opts - keyring, optional policy (its `retention.days`) and clock
 * @returns `YYYY-MM`, or undefined for a keyring without retention epochs
 * @throws WaybillShieldError `INVALID_KEYRING`, `INVALID_POLICY`, `INVALID_INPUT`
 * @example
 * ```ts
 * retentionEpoch({ keyring, policy: { retention: { days: 90 } }, now: deliveredAt }); // '2026-06'
 * ```
 */
export function retentionEpoch(opts: { keyring: Keyring; policy?: MaskPolicy; now?: Date }): EpochId | undefined {
  return guard('INVALID_INPUT', 'retentionEpoch: options are invalid', () => {
    assertKeyring(opts?.keyring);
    const now = opts.now === undefined ? new Date() : opts.now;
    if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new WaybillShieldError('INVALID_INPUT', undefined, { issues: [{ path: 'now', rule: 'type' }] });
    return recordEpoch(opts.keyring, resolvePolicy(opts.policy), now);
  });
}
