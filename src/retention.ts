/**
 * Retention: which epoch a record's personal data lives in, and which sealed fields of a record
 * are shredded.
 *
 * A record lives in the retention epoch holding `now + policy.retention.days`. `keyring.shred`
 * destroys whole epochs: the values sealed and indexed in them become unreadable and unlinkable
 * everywhere they were copied (see docs/retention.md).
 * @module
 */
import { guard, issueError, WaybillShieldError } from './errors.js';
import { assertKeyring, epochMonthsOf, type Keyring } from './keys/keyring.js';
import { addDays, epochIdOfMonth, monthOf, type EpochId } from './keys/epochs.js';
import { isShredded } from './crypto/envelope.js';
import { resolvePolicy, type MaskPolicy, type ResolvedMaskPolicy } from './policy.js';
import type { SealedField } from './_fields.js';

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
    if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw issueError('now', 'type');
    return recordEpoch(opts.keyring, resolvePolicy(opts.policy), now);
  });
}
