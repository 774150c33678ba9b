/**
 * `reveal`: open the fields a {@link RevealGrant} allows, for the waybill it was made for, once.
 * Every call writes an audit event naming the courier and the fields, never the values.
 * @module
 */
import { WaybillShieldError, guard } from '../errors.js';
import { assertKeyring, type Keyring } from '../keys/keyring.js';
import { assertProtected, openFailureReason, openSealed } from '../_record.js';
import type { ProtectedWaybill } from '../protect.js';
import type { SealedField } from '../_fields.js';
import type { AuditEvent, AuditTarget } from '../audit/types.js';
import { dateOption } from './_ids.js';
import { grantState, spendGrant, type RevealGrant } from './grant.js';
import { fieldsToMask, grantedFields } from './_format.js';

/** The revealed values, keyed by field path; only granted fields the record holds. */
export type RevealedFields = Readonly<Partial<Record<SealedField, string>>>;

/** Options for {@link reveal}. */
export interface RevealOptions {
  keyring: Keyring;
  /** Where the `reveal` audit event goes. */
  audit?: AuditTarget;
  /** Clock for the grant's expiry (default now). */
  now?: Date;
}

/** The audit purpose code of courier reveals. */
export const REVEAL_PURPOSE = 'delivery';

const REASONS = {
  forged: 'forged-grant',
  spent: 'grant-spent',
  expired: 'grant-expired',
  'wrong-waybill': 'wrong-waybill',
  reassigned: 'reassigned',
} as const;

function assignmentOf(p: ProtectedWaybill): { courierId: string; number: number } | undefined {
  const a: unknown = p.assignment;
  if (a === undefined) return undefined;
  // A damaged assignment must not read as "no assignment": it matches no grant.
  if (typeof a !== 'object' || a === null) return { courierId: '', number: -1 };
  return a as { courierId: string; number: number };
}

/**
 * Open the granted fields of a protected waybill. The grant is spent by this call, whatever
 * the outcome.
 *
 * @param p - the protected record of the waybill the grant was made for
 * @param grant - a grant returned by `redeemRevealToken`
 * @param opts - keyring, audit target, clock
 * @returns `{ 'recipient.phone': '+84901234567' }` and any other granted field the record holds;
 *   a phone grant also returns `recipient.altPhone` (or `sender.altPhone`) when the record has a
 *   second number, and the audit event then lists both fields
 * @throws WaybillShieldError `INVALID_GRANT` for a grant not made by redemption, already used,
 *   expired, for another waybill, or for an assignment the record no longer has;
 *   `DATA_SHREDDED` when the record's retention epoch was shredded or the record was forgotten
 *   (the grant is spent); `DECRYPT_FAILED` when a field does not open; `INVALID_INPUT` for a non-record
 * @example
 * ```ts
 * const grant = await redeemRevealToken(token, { keyring, waybillId: record.id, courierId, assignment });
 * const shown = reveal(record, grant, { keyring, audit });
 * callButton(shown['recipient.phone']);
 * ```
 */
export function reveal(p: ProtectedWaybill, grant: RevealGrant, opts: RevealOptions): RevealedFields {
  return guard('INVALID_GRANT', 'reveal: arguments are not a record, a grant and options', () => {
    assertKeyring(opts?.keyring);
    assertProtected(p);
    const now = dateOption(opts.now, 'now').getTime();
    const spent = spendGrant(grant, p.id, assignmentOf(p), now);
    if (typeof spent === 'string') {
      const s = grantState(grant);
      opts.audit?.append({
        actor: s?.courierId ?? 'unknown',
        action: 'reveal',
        waybillId: p.id,
        fields: s?.fields ?? [],
        purpose: REVEAL_PURPOSE,
        outcome: 'denied',
        reason: REASONS[spent],
      });
      throw new WaybillShieldError('INVALID_GRANT', 'the grant does not allow this reveal', { reason: REASONS[spent] });
    }
    const opened: SealedField[] = [];
    const out: Partial<Record<SealedField, string>> = {};
    const event: AuditEvent = { actor: spent.courierId, action: 'reveal', waybillId: p.id, fields: opened, purpose: REVEAL_PURPOSE, outcome: 'ok' };
    try {
      // A phone bit grants the party's phone field: the phone and, when present, the altPhone.
      for (const f of grantedFields(fieldsToMask(spent.fields))) {
        // `notes` is optional on a record; a grant for it simply opens nothing there.
        // A forgotten record has no sealed fields at all: openSealed says DATA_SHREDDED for it.
        if (!Object.prototype.hasOwnProperty.call(p.sealed, f) && p.forgotten === undefined) continue;
        out[f] = openSealed(p, f, opts.keyring);
        opened.push(f);
      }
    } catch (e) {
      opts.audit?.append({ ...event, fields: spent.fields, outcome: 'error', reason: openFailureReason(e) });
      throw e;
    }
    opts.audit?.append(event);
    return Object.freeze(out);
  });
}
