/**
 * The orchestration: a waybill in, a `ProtectedWaybill` out. Validates, masks each field for
 * the label, seals every personal field, and indexes the recipient's phone. Also `unseal` (audited
 * single-field access for support) and `reseal` (move a record to the primary key).
 * @module
 */
import { guard, WaybillShieldError } from './errors.js';
import { assertKeyring, type Keyring } from './keys/keyring.js';
import { envelopeKeyId, openField, sealField } from './crypto/envelope.js';
import { phoneIndexOfE164 } from './crypto/blind-index.js';
import { maskName } from './mask/name.js';
import { maskDigits, normalizePhone, type MaskPhoneOptions } from './mask/phone.js';
import { resolvePolicy, type MaskPolicy, type ResolvedMaskPolicy } from './policy.js';
import { parseWaybill, type Waybill } from './schema.js';
import { SEALED_FIELDS, type SealedField } from './_fields.js';
import { assertProtected, assertSealedField, openSealed, PROTECTED_VERSION } from './_record.js';
import { protectAddress, type AddressRouting } from './_protect-address.js';
import { protectGoods, type GoodsSummary } from './_protect-goods.js';
import type { AuditTarget } from './audit/types.js';

export { PROTECTED_VERSION } from './_record.js';

/** What the printed label may show for one party. Masked strings only. */
export interface LabelParty {
  name: string;
  phone: string;
  address: string;
}

/**
 * A protected waybill: plain JSON, versioned, safe to store and log. The label view holds only
 * masked strings; personal fields are sealed; the recipient phone is searchable by blind index.
 */
export interface ProtectedWaybill {
  v: 1;
  id: string;
  /** When it was protected (ISO 8601). */
  protectedAt: string;
  /** Courier assignment, when the waybill had one. Identifiers only. */
  assignment?: { courierId: string; number: number };
  label: {
    recipient: LabelParty;
    sender: LabelParty;
    /** Goods category label, `Hàng hóa` for sensitive goods, or `''` when the policy hides goods. */
    goods: string;
    codAmount?: number;
    weightGrams?: number;
  };
  /** Routing data for sorting: administrative units with codes and their scheme. */
  routing: { recipient: AddressRouting; sender: AddressRouting };
  goods: GoodsSummary;
  /** Envelopes keyed by field path. `notes` only when the waybill had notes. */
  sealed: Partial<Record<SealedField, string>> & Record<Exclude<SealedField, 'notes'>, string>;
  /** Blind indexes for lookups. */
  index: { 'recipient.phone': string };
}

/** Options for {@link protect}. */
export interface ProtectOptions {
  keyring: Keyring;
  /** Mask policy; defaults to the Vietnamese default policy. */
  policy?: MaskPolicy;
  /** Clock for `protectedAt`. */
  now?: Date;
}

function labelPhone(e164: string, opts: MaskPhoneOptions): string {
  // Fast path for Vietnamese numbers: national = trunk 0 + subscriber digits, no re-parse.
  if (e164.startsWith('+84')) return maskDigits(`0${e164.slice(3)}`, opts);
  // Foreign numbers are parsed once for both their national digits and their calling code.
  const p = normalizePhone(e164);
  return `+${p.callingCode} ${maskDigits(p.national, opts)}`;
}

/**
 * Validate, mask, seal and index a waybill.
 *
 * @param input - a waybill (already parsed or raw untrusted data)
 * @param opts - keyring, optional policy and clock
 * @returns a JSON-serialisable {@link ProtectedWaybill}
 * @throws WaybillShieldError `INVALID_WAYBILL`, `INVALID_POLICY` or `INVALID_KEYRING`
 * @example
 * ```ts
 * const record = protect(order, { keyring });
 * await db.insert(record); // safe to store and log
 * ```
 */
export function protect(input: Waybill | unknown, opts: ProtectOptions): ProtectedWaybill {
  return guard('INVALID_INPUT', 'protect: arguments are not a waybill and options', () => {
    assertKeyring(opts?.keyring);
    const policy = resolvePolicy(opts.policy);
    const now = opts.now instanceof Date && !Number.isNaN(opts.now.getTime()) ? opts.now : new Date();
    const wb = parseWaybill(input);
    return build(wb, opts.keyring, policy, now);
  });
}

/**
 * Everything `protect()` computes without keys: the label view, the routing data and the goods
 * summary. Split out so benchmarks can run the same non-crypto steps around other ciphers.
 * @internal
 */
export function viewOf(wb: Waybill, policy: ResolvedMaskPolicy): Pick<ProtectedWaybill, 'label' | 'routing' | 'goods'> {
  const recipientAddress = protectAddress(wb.recipient.address, policy);
  const senderAddress = protectAddress(wb.sender.address, policy);
  const goods = protectGoods(wb.goods.description, policy);
  const label: ProtectedWaybill['label'] = {
    recipient: {
      name: maskName(wb.recipient.name, policy.recipientName),
      phone: labelPhone(wb.recipient.phone, policy.recipientPhone),
      address: recipientAddress.label,
    },
    sender: {
      name: maskName(wb.sender.name, policy.senderName),
      phone: labelPhone(wb.sender.phone, policy.senderPhone),
      address: senderAddress.label,
    },
    goods: goods.label,
  };
  if (policy.showCod && wb.codAmount !== undefined) label.codAmount = wb.codAmount;
  if (wb.weightGrams !== undefined) label.weightGrams = wb.weightGrams;
  return { label, routing: { recipient: recipientAddress.routing, sender: senderAddress.routing }, goods: goods.summary };
}

/** The value of each sealed field of a waybill, in `SEALED_FIELDS` order; notes only when present. @internal */
export function sealedValues(wb: Waybill): [SealedField, string][] {
  const out: [SealedField, string][] = [
    ['recipient.name', wb.recipient.name],
    ['recipient.phone', wb.recipient.phone],
    ['recipient.address', wb.recipient.address],
    ['sender.name', wb.sender.name],
    ['sender.phone', wb.sender.phone],
    ['sender.address', wb.sender.address],
    ['goods.description', wb.goods.description],
  ];
  if (wb.notes !== undefined && wb.notes.length > 0) out.push(['notes', wb.notes]);
  return out;
}

function build(wb: Waybill, keyring: Keyring, policy: ResolvedMaskPolicy, now: Date): ProtectedWaybill {
  const view = viewOf(wb, policy);
  const sealed = {} as ProtectedWaybill['sealed'];
  for (const [field, value] of sealedValues(wb)) sealed[field] = sealField(keyring, wb.id, field, value);
  const out: ProtectedWaybill = {
    v: PROTECTED_VERSION,
    id: wb.id,
    protectedAt: now.toISOString(),
    label: view.label,
    routing: view.routing,
    goods: view.goods,
    sealed,
    index: { 'recipient.phone': phoneIndexOfE164(keyring, wb.recipient.phone) },
  };
  if (wb.assignment) out.assignment = { courierId: wb.assignment.courierId, number: wb.assignment.number };
  return out;
}

//#region record checks

// In their own module so that reveal code opens records without importing protect()'s schema,
// masks, phone metadata and gazetteer.
export { assertProtected, assertSealedField, openSealed } from './_record.js';

//#endregion

//#region unseal

const ACTOR_RE = /^[A-Za-z0-9][A-Za-z0-9._:\-]{0,63}$/;
const PURPOSE_RE = /^[a-z][a-z0-9._:\-]{2,63}$/;

/** Options for {@link unseal}. */
export interface UnsealOptions {
  keyring: Keyring;
  /** Who is asking: a staff id such as `cs-agent-17` (letters, digits, `._:-`). */
  actor: string;
  /** Why, as a purpose code such as `complaint-callback` (lowercase, no long digit runs). */
  purpose: string;
  /** Where the audit event goes. */
  audit?: AuditTarget;
}

/**
 * Open one sealed field for a named actor and a stated purpose, writing an audit event that
 * holds no value.
 *
 * @param p - a protected waybill
 * @param field - which sealed field
 * @param opts - keyring, actor, purpose, audit target
 * @returns exactly the string that was sealed (E.164 for phones)
 * @throws WaybillShieldError `INVALID_INPUT` for a bad actor, purpose, field or record; `DECRYPT_FAILED` when it does not open
 * @example
 * ```ts
 * const phone = unseal(record, 'recipient.phone', { keyring, actor: 'cs-17', purpose: 'complaint-callback', audit });
 * ```
 */
export function unseal(p: ProtectedWaybill, field: SealedField, opts: UnsealOptions): string {
  return guard('INVALID_INPUT', 'unseal: arguments are not a record, a field and options', () => {
    assertKeyring(opts?.keyring);
    if (typeof opts.actor !== 'string' || !ACTOR_RE.test(opts.actor)) throw new WaybillShieldError('INVALID_INPUT', 'actor must be a staff identifier');
    // A purpose is a code, not prose: free text here could carry a customer's name or number into the audit log.
    if (typeof opts.purpose !== 'string' || !PURPOSE_RE.test(opts.purpose) || /\d{4}/.test(opts.purpose)) {
      throw new WaybillShieldError('INVALID_INPUT', 'purpose must be a purpose code such as complaint-callback');
    }
    assertProtected(p);
    assertSealedField(field);
    const event = { actor: opts.actor, action: 'unseal' as const, waybillId: p.id, fields: [field], purpose: opts.purpose };
    let value: string;
    try {
      value = openSealed(p, field, opts.keyring);
    } catch (e) {
      opts.audit?.append({ ...event, outcome: 'error', reason: 'decrypt-failed' });
      throw e;
    }
    opts.audit?.append({ ...event, outcome: 'ok' });
    return value;
  });
}

//#endregion

//#region reseal

/** Options for {@link reseal}. */
export interface ResealOptions {
  /** A keyring holding both the record's keys and the new primary. */
  keyring: Keyring;
}

/**
 * Re-encrypt every sealed field, and recompute the index, under the keyring's primary key.
 * Fields already under the primary are left as they are.
 *
 * @param p - a protected waybill
 * @param opts - the keyring after `rotate()`
 * @returns a new record; the input is not modified
 * @throws WaybillShieldError `DECRYPT_FAILED` when a field does not open, `INVALID_INPUT` for a non-record
 * @example
 * ```ts
 * const next = keyring.rotate();
 * for await (const r of db.scan()) await db.put(reseal(r, { keyring: next }));
 * ```
 */
export function reseal(p: ProtectedWaybill, opts: ResealOptions): ProtectedWaybill {
  return guard('INVALID_INPUT', 'reseal: arguments are not a record and options', () => {
    assertKeyring(opts?.keyring);
    assertProtected(p);
    const { keyring } = opts;
    const sealed = { ...p.sealed };
    let phone: string | undefined;
    for (const field of SEALED_FIELDS) {
      if (!Object.prototype.hasOwnProperty.call(p.sealed, field)) continue;
      const env = p.sealed[field];
      if (field === 'recipient.phone' || envelopeKeyId(env) !== keyring.primary) {
        const value = openField(keyring, p.id, field, env);
        if (field === 'recipient.phone') phone = value;
        if (envelopeKeyId(env) !== keyring.primary) sealed[field] = sealField(keyring, p.id, field, value);
      }
    }
    if (phone === undefined) throw new WaybillShieldError('DECRYPT_FAILED', 'the sealed value could not be opened');
    return { ...p, sealed, index: { ...p.index, 'recipient.phone': phoneIndexOfE164(keyring, phone) } };
  });
}

//#endregion
