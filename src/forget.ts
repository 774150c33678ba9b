/**
 * `forget`: one data subject's erasure request. Strips a record's sealed fields and blind index
 * and keeps what sorting, accounting and disputes need (label, routing, goods summary). Covers the
 * copy it returns; backups are covered only by shredding the record's retention epoch.
 * @module
 */
import { guard, issueError, WaybillShieldError } from './errors.js';
import { isActor, isPurpose } from './reveal/_ids.js';
import { SEALED_FIELDS, type SealedField } from './_fields.js';
import type { AuditTarget } from './audit/types.js';

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

const ID_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const KNOWN: ReadonlySet<string> = /* @__PURE__ */ new Set(SEALED_FIELDS);

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
    if (!isActor(actor)) throw new WaybillShieldError('INVALID_INPUT', 'actor must be a staff identifier');
    if (!isPurpose(purpose)) throw new WaybillShieldError('INVALID_INPUT', 'purpose must be a purpose code');
    const now = o.now === undefined ? new Date() : o.now;
    if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw issueError('now', 'type');
    const fields = Object.keys(p.sealed).filter((f) => KNOWN.has(f)) as SealedField[];
    const out = { ...p, sealed: {}, index: {}, forgotten: { at: now.toISOString() } };
    o.audit?.append({ actor, action: 'forget', waybillId: p.id, fields, purpose, outcome: 'ok' });
    return out;
  });
}
