/**
 * The orchestration: a waybill in, a `ProtectedWaybill` out. Validates, masks each field for
 * the label, seals every personal field, and indexes the recipient's phone. Also `unseal` (audited
 * single-field access for support) and `reseal` (move a record to the primary key).
 * @module
 */
import { guard, WaybillShieldError } from './errors.js';
import { isActor, isPurpose } from './reveal/_ids.js';
import { assertKeyring, type Keyring } from './keys/keyring.js';
import { envelopeHeader, openField, sealField, shreddedError } from './crypto/envelope.js';
import { recordEpoch } from './retention.js';
import { phoneIndexOfE164 } from './crypto/blind-index.js';
import { maskName } from './mask/name.js';
import { maskDigits, normalizePhone, type MaskPhoneOptions } from './mask/phone.js';
import { resolvePolicy, type MaskPolicy, type ResolvedMaskPolicy } from './policy.js';
import { parseWaybill, type Waybill } from './schema.js';
import { SEALED_FIELDS, type SealedField } from './_fields.js';
import { assertProtected, assertSealedField, openFailureReason, openSealed, PROTECTED_VERSION } from './_record.js';
import { protectAddress, type AddressRouting } from './_protect-address.js';
import { protectGoods, type GoodsSummary } from './_protect-goods.js';
import { classifyGoods, type GoodsCategory } from './mask/goods.js';
import type { AcceptancePolicy } from './mask/acceptance.js';
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
  /**
   * Envelopes keyed by field path. `notes` only when the waybill had notes (or a phone field had
   * extra text); `recipient.altPhone` / `sender.altPhone` only when a phone field held a second
   * number. `goods.category` is on every record, sensitive or not.
   */
  sealed: Partial<Record<SealedField, string>> & Record<Exclude<SealedField, OptionalSealedField>, string>;
  /** Blind indexes for lookups. */
  index: { 'recipient.phone': string };
  /** Set by `forget`: the sealed fields and the index were removed at this time. */
  forgotten?: { at: string };
}

/** Sealed fields that only some records have. */
type OptionalSealedField = 'notes' | 'recipient.altPhone' | 'sender.altPhone';

/** Options for {@link protect}. */
export interface ProtectOptions {
  /**
   * Acceptance policy for the decision stored in `goods.acceptance`; default the Vietnamese
   * policy (see `acceptanceOf`).
   */
  acceptance?: AcceptancePolicy;
  keyring: Keyring;
  /** Mask policy; defaults to the Vietnamese default policy. */
  policy?: MaskPolicy;
  /** Clock for `protectedAt`, and (with the policy's `retention`) the record's retention epoch. */
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
 * @throws WaybillShieldError `INVALID_WAYBILL`, `INVALID_POLICY`; `INVALID_KEYRING`, also when the
 *   keyring holds no secret for the record's retention epoch (create epochs ahead with
 *   `keyring.ensureEpochs`); `DATA_SHREDDED` when that epoch has already been shredded
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
    return build(wb, opts.keyring, policy, now, opts.acceptance);
  });
}

/**
 * Everything `protect()` computes without keys: the label view, the routing data and the goods
 * summary. Split out so benchmarks can run the same non-crypto steps around other ciphers.
 * @internal
 */
export function viewOf(
  wb: Waybill,
  policy: ResolvedMaskPolicy,
  acceptance?: AcceptancePolicy,
): Pick<ProtectedWaybill, 'label' | 'routing' | 'goods'> & { goodsCategory: GoodsCategory } {
  const recipientAddress = protectAddress(wb.recipient.address, policy);
  const senderAddress = protectAddress(wb.sender.address, policy);
  const goods = protectGoods(wb.goods.description, policy, acceptance);
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
  return {
    label,
    routing: { recipient: recipientAddress.routing, sender: senderAddress.routing },
    goods: goods.summary,
    goodsCategory: goods.category,
  };
}

/**
 * The notes to seal: the waybill's notes, then the extra text of each phone field, each on its
 * own line and named by its party. Undefined when there is none.
 */
function notesOf(wb: Waybill): string | undefined {
  const lines: string[] = [];
  if (wb.notes !== undefined && wb.notes.length > 0) lines.push(wb.notes);
  if (wb.recipient.phoneNote !== undefined) lines.push(`SĐT người nhận: ${wb.recipient.phoneNote}`);
  if (wb.sender.phoneNote !== undefined) lines.push(`SĐT người gửi: ${wb.sender.phoneNote}`);
  return lines.length > 0 ? lines.join('\n') : undefined;
}

/**
 * The value of each sealed field of a waybill, in `SEALED_FIELDS` order; notes and second phone
 * numbers only when present. `category` is the true goods category (classified when not given).
 * @internal
 */
export function sealedValues(wb: Waybill, category: GoodsCategory = classifyGoods(wb.goods.description).category): [SealedField, string][] {
  const out: [SealedField, string][] = [
    ['recipient.name', wb.recipient.name],
    ['recipient.phone', wb.recipient.phone],
    ['recipient.address', wb.recipient.address],
    ['sender.name', wb.sender.name],
    ['sender.phone', wb.sender.phone],
    ['sender.address', wb.sender.address],
    ['goods.description', wb.goods.description],
  ];
  const notes = notesOf(wb);
  if (notes !== undefined) out.push(['notes', notes]);
  out.push(['goods.category', category]);
  if (wb.recipient.altPhone !== undefined) out.push(['recipient.altPhone', wb.recipient.altPhone]);
  if (wb.sender.altPhone !== undefined) out.push(['sender.altPhone', wb.sender.altPhone]);
  return out;
}

function build(wb: Waybill, keyring: Keyring, policy: ResolvedMaskPolicy, now: Date, acceptance?: AcceptancePolicy): ProtectedWaybill {
  const view = viewOf(wb, policy, acceptance);
  const sealed = {} as ProtectedWaybill['sealed'];
  const epoch = recordEpoch(keyring, policy, now);
  for (const [field, value] of sealedValues(wb, view.goodsCategory)) sealed[field] = sealField(keyring, wb.id, field, value, epoch);
  const out: ProtectedWaybill = {
    v: PROTECTED_VERSION,
    id: wb.id,
    protectedAt: now.toISOString(),
    label: view.label,
    routing: view.routing,
    goods: view.goods,
    sealed,
    index: { 'recipient.phone': phoneIndexOfE164(keyring, wb.recipient.phone, undefined, epoch) },
  };
  if (wb.assignment) out.assignment = { courierId: wb.assignment.courierId, number: wb.assignment.number };
  return out;
}

//#region record checks

// In their own module so that reveal code opens records without importing protect()'s schema,
// masks, phone metadata and gazetteer.
export { assertProtected, assertSealedField, openFailureReason, openSealed } from './_record.js';

//#endregion

//#region unseal


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
 * @throws WaybillShieldError `INVALID_INPUT` for a bad actor, purpose, field or record; `DATA_SHREDDED`
 *   when the record's retention epoch was shredded or the record was forgotten; `DECRYPT_FAILED`
 *   when it does not open
 * @example
 * ```ts
 * const phone = unseal(record, 'recipient.phone', { keyring, actor: 'cs-17', purpose: 'complaint-callback', audit });
 * ```
 */
export function unseal(p: ProtectedWaybill, field: SealedField, opts: UnsealOptions): string {
  return guard('INVALID_INPUT', 'unseal: arguments are not a record, a field and options', () => {
    assertKeyring(opts?.keyring);
    if (!isActor(opts.actor)) throw new WaybillShieldError('INVALID_INPUT', 'actor must be a staff identifier');
    // A purpose is a code, not prose: free text here could carry a customer's name or number into the audit log.
    if (!isPurpose(opts.purpose)) {
      throw new WaybillShieldError('INVALID_INPUT', 'purpose must be a purpose code such as complaint-callback');
    }
    assertProtected(p);
    assertSealedField(field);
    const event = { actor: opts.actor, action: 'unseal' as const, waybillId: p.id, fields: [field], purpose: opts.purpose };
    let value: string;
    try {
      value = openSealed(p, field, opts.keyring);
    } catch (e) {
      opts.audit?.append({ ...event, outcome: 'error', reason: openFailureReason(e) });
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
  /** Clock for the epoch of a record that has none yet (default now). */
  now?: Date;
  /** Policy whose `retention` decides that epoch, as in `protect`. */
  policy?: MaskPolicy;
}

/**
 * Re-encrypt every sealed field, and recompute the index, under the keyring's primary key and in
 * the current envelope format (ws2: padded, with a retention epoch).
 *
 * - A record already in a live retention epoch stays in it: a key rotation must not extend how
 *   long its data lives.
 * - A record without an epoch (ws1, or sealed by a keyring without epochs) moves to the current
 *   epoch: the one `protect` would use at `now` under `policy`.
 * Fields already in the right format, key and epoch are left as they are.
 *
 * @param p - a protected waybill
 * @param opts - the keyring (after `rotate()` or `ensureEpochs()`), clock and policy
 * @returns a new record; the input is not modified
 * @throws WaybillShieldError `DATA_SHREDDED` when the record's epoch was shredded or it was
 *   forgotten; `DECRYPT_FAILED` when a field does not open; `INVALID_KEYRING` when the target
 *   epoch has no secret; `INVALID_INPUT` for a non-record
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
    if (p.forgotten !== undefined) throw shreddedError();
    const now = opts.now instanceof Date && !Number.isNaN(opts.now.getTime()) ? opts.now : new Date();
    const present = SEALED_FIELDS.filter((f) => Object.prototype.hasOwnProperty.call(p.sealed, f));
    // The record keeps the epoch its envelopes already name (opening says DATA_SHREDDED if it is gone).
    const named = present.map((f) => envelopeHeader(p.sealed[f])?.epoch).find((e) => e !== undefined);
    const target = named ?? recordEpoch(keyring, resolvePolicy(opts.policy), now);
    const sealed = { ...p.sealed };
    let phone: string | undefined;
    for (const field of present) {
      const env = p.sealed[field];
      const h = envelopeHeader(env);
      const current = h !== undefined && h.version === 2 && h.keyId === keyring.primary && h.epoch === target;
      if (field === 'recipient.phone' || !current) {
        const value = openField(keyring, p.id, field, env);
        if (field === 'recipient.phone') phone = value;
        if (!current) sealed[field] = sealField(keyring, p.id, field, value, target);
      }
    }
    if (phone === undefined) throw new WaybillShieldError('DECRYPT_FAILED', 'the sealed value could not be opened');
    return { ...p, sealed, index: { ...p.index, 'recipient.phone': phoneIndexOfE164(keyring, phone, undefined, target) } };
  });
}

//#endregion
