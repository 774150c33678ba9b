/**
 * Issuing reveal tokens: 20 Crockford base32 characters (format v1, `docs/token-format.md`) that
 * let one courier, on one assignment of one waybill, see the granted fields during a validity
 * window. The token is authenticated by a 64-bit HMAC-SHA256 tag (RFC 2104) and carries no
 * personal data: only a version, key id bits, a field mask, the window and the tag.
 * @module
 */
import { guard, issueError, WaybillShieldError } from '../errors.js';
import { assertKeyring, type Keyring } from '../keys/keyring.js';
import type { MaskPolicy } from '../policy.js';
import { SEALED_FIELDS, type SealedField } from '../_fields.js';
import type { AuditTarget } from '../audit/types.js';
import {
  encodeToken,
  fieldsToMask,
  groupToken,
  IMPLIED_BY,
  KID_MODULUS,
  MASK_BITS,
  maskToFields,
  MAX_DURATION_UNITS,
  NB_PERIOD,
  normalizeToken,
  TOKEN_EPOCH_MS,
  TOKEN_VERSION,
  unitCeil,
  unitFloor,
} from './_format.js';
import { assertAssignment, assertIdentifier, dateOption, isActor } from './_ids.js';
import { tagOf, tokenMac } from './_tag.js';

/** Longest validity window a token can carry: 256 hours. */
export const MAX_TOKEN_VALIDITY_MS = MAX_DURATION_UNITS * 15 * 60_000;

/** Options for {@link issueRevealToken}. */
export interface IssueRevealTokenOptions {
  keyring: Keyring;
  /** The waybill the token opens. */
  waybillId: string;
  /** The courier it is issued to (the token only redeems for this courier id). */
  courierId: string;
  /** The assignment number (default 0). Reassigning the parcel raises it, killing this token. */
  assignment?: number;
  /**
   * Fields granted. Default: the policy's `revealFields`, i.e. `['recipient.phone']`. A phone
   * grants the party's whole phone field (`<party>.phone` and `<party>.altPhone` when present).
   */
  fields?: readonly SealedField[];
  /**
   * Policy supplying the default `fields`. Only its `revealFields` is read and checked here (the
   * rest of a policy is checked where it is used, by `protect()`), so issuing tokens does not
   * bundle the policy schema.
   */
  policy?: MaskPolicy;
  /** Start of validity (default now). Rounded down to a 15-minute boundary. */
  notBefore?: Date;
  /** End of validity. Rounded up to a 15-minute boundary; at most 256 h after `notBefore`. */
  notAfter: Date;
  /** Where a `token.issue` audit event goes. */
  audit?: AuditTarget;
  /** Who issues, for the audit event (default `system`). */
  actor?: string;
}


/**
 * The token's fields bitmask has 8 bits, one per field of the first 8 of `SEALED_FIELDS`.
 * - `recipient.altPhone` / `sender.altPhone` have no bit: the party's phone bit grants the whole
 *   phone field, i.e. the phone and the second number when the record has one. They may be listed
 *   next to their phone (redundant), but alone they are refused (`needs_phone`): asking for the
 *   second number only must not silently grant the first one too.
 * - `goods.category` cannot be granted by a token (`not_grantable`); support reads it through `unseal`.
 */
function tokenFields(fields: readonly SealedField[]): readonly SealedField[] {
  for (const x of fields) {
    const phone = IMPLIED_BY[x];
    if (phone !== undefined) {
      if (!fields.includes(phone)) throw issueError('fields', 'needs_phone');
    } else if (SEALED_FIELDS.indexOf(x) >= MASK_BITS) throw issueError('fields', 'not_grantable');
  }
  return fields;
}

/** The mask policy's default `revealFields`. */
const DEFAULT_REVEAL_FIELDS: readonly SealedField[] = /* @__PURE__ */ Object.freeze(['recipient.phone']);

function badPolicy(rule: string): WaybillShieldError {
  return issueError(rule === 'type' ? '' : 'revealFields', rule, 'INVALID_POLICY');
}

/** `policy.revealFields`, checked by the same rules as `MaskPolicySchema`: 1 to all sealed field names. */
function policyRevealFields(policy: unknown): readonly SealedField[] {
  if (policy === undefined) return DEFAULT_REVEAL_FIELDS;
  if (typeof policy !== 'object' || policy === null || Array.isArray(policy)) throw badPolicy('type');
  const f: unknown = (policy as { revealFields?: unknown }).revealFields;
  if (f === undefined) return DEFAULT_REVEAL_FIELDS;
  if (!Array.isArray(f)) throw badPolicy('type');
  if (f.length === 0) throw badPolicy('too_small');
  if (f.length > SEALED_FIELDS.length) throw badPolicy('too_big');
  for (const x of f) if (!(SEALED_FIELDS as readonly unknown[]).includes(x)) throw badPolicy('enum');
  return Object.freeze([...f]) as readonly SealedField[];
}

function resolveFields(opts: IssueRevealTokenOptions): readonly SealedField[] {
  if (opts.fields === undefined) return tokenFields(policyRevealFields(opts.policy));
  const f: unknown = opts.fields;
  if (!Array.isArray(f) || f.length === 0 || f.length > SEALED_FIELDS.length) throw issueError('fields', 'invalid');
  for (const x of f) if (!(SEALED_FIELDS as readonly unknown[]).includes(x)) throw issueError('fields', 'enum');
  return tokenFields(f as SealedField[]);
}

/**
 * Issue a courier-bound reveal token under the keyring's primary key.
 *
 * The window is quantised to 15-minute units, rounded outward: `notBefore` down, `notAfter` up.
 *
 * @param opts - keyring, waybill, courier, assignment, fields and window
 * @returns the token: 20 uppercase Crockford base32 characters (use {@link formatRevealToken} to group it)
 * @throws WaybillShieldError `INVALID_INPUT` for bad ids, fields (`not_grantable` for
 *   `goods.category`, `needs_phone` for an altPhone without its phone) or window (empty, before 2025,
 *   or longer than 256 h); `INVALID_KEYRING` when `keyring` is not a Keyring
 * @example
 * ```ts
 * const token = issueRevealToken({
 *   keyring, waybillId: 'GHN2611290001', courierId: 'courier-042', assignment: 1,
 *   notAfter: new Date(Date.now() + 12 * 3_600_000),
 * });
 * renderLabel(record, { format: 'zpl', token });
 * ```
 */
export function issueRevealToken(opts: IssueRevealTokenOptions): string {
  return guard('INVALID_INPUT', 'issueRevealToken: options are invalid', () => {
    assertKeyring(opts?.keyring);
    const { keyring } = opts;
    assertIdentifier(opts.waybillId, 'waybillId');
    assertIdentifier(opts.courierId, 'courierId');
    const assignment = opts.assignment ?? 0;
    assertAssignment(assignment);
    const fields = resolveFields(opts);
    if (opts.actor !== undefined && !isActor(opts.actor)) throw issueError('actor', 'format');
    const nb = dateOption(opts.notBefore, 'notBefore');
    if (!(opts.notAfter instanceof Date) || Number.isNaN(opts.notAfter.getTime())) throw issueError('notAfter', 'type');
    if (opts.notAfter.getTime() <= nb.getTime()) throw issueError('notAfter', 'too_small');
    if (nb.getTime() < TOKEN_EPOCH_MS) throw issueError('notBefore', 'too_small');
    const nbUnits = unitFloor(nb.getTime());
    const durationUnits = unitCeil(opts.notAfter.getTime()) - nbUnits;
    if (durationUnits > MAX_DURATION_UNITS) throw issueError('notAfter', 'too_big');
    if (nbUnits > 0xffffffff) throw issueError('notBefore', 'too_big');

    const fieldMask = fieldsToMask(fields);
    const keyId = keyring.primary;
    const mac = tokenMac(keyring, {
      version: TOKEN_VERSION,
      keyId,
      fieldMask,
      nbUnits,
      durationUnits,
      waybillId: opts.waybillId,
      courierId: opts.courierId,
      assignment,
    })!;
    const token = encodeToken({ version: TOKEN_VERSION, kidLow: keyId % KID_MODULUS, fieldMask, nbLow: nbUnits % NB_PERIOD, durationUnits }, tagOf(mac));
    opts.audit?.append({
      actor: opts.actor ?? 'system',
      action: 'token.issue',
      waybillId: opts.waybillId,
      fields: maskToFields(fieldMask),
      outcome: 'ok',
    });
    return token;
  });
}

/**
 * Put a token into its display form, `XXXXX-XXXXX-XXXXX-XXXXX`, after the same normalisation
 * redemption applies (case, `I/L → 1`, `O → 0`, separators). Checks the shape only, not the tag.
 *
 * @param token - a token in any accepted spelling
 * @returns the grouped uppercase form
 * @throws WaybillShieldError `INVALID_INPUT` when the text is not 20 Crockford base32 characters
 * @example
 * ```ts
 * formatRevealToken('8k3q0...'); // '8K3Q0-...'
 * ```
 */
export function formatRevealToken(token: string): string {
  return guard('TOKEN_REJECTED', 'the reveal token was not accepted', () => {
    const c = normalizeToken(token);
    if (c === undefined) throw issueError('token', 'format');
    return groupToken(c);
  });
}
