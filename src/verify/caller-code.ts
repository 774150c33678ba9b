/**
 * Caller codes: a 6-digit code that proves a caller is the courier the system assigned, not a
 * scammer quoting label data. HOTP (RFC 4226) dynamic truncation over HMAC-SHA256, with a
 * 10-minute time step as the moving factor (the TOTP idea of RFC 6238), under a per-courier,
 * per-day key derived from the keyring's `caller` subkey (`_caller.ts`, `docs/token-format.md`).
 *
 * Deployment (see the README recipe and `examples/caller-check.ts`):
 * - the **backend** computes the code and sends only the code to the signed-in courier's app
 *   (or, for an offline app, a {@link CallerKey} that computes that courier's codes for one day);
 *   the root keyring never leaves the backend;
 * - the **recipient** gets the code through a channel a scammer lacks (their own app or account,
 *   an SMS/Zalo message to their number), or checks a code read out by the caller on a tracking
 *   page gated by the last 4 digits of their phone, with a lockout (`callerCheck`). A public page
 *   that shows the code to anyone holding the waybill number defeats the scheme.
 * @module
 */
import { guard, issueError } from '../errors.js';
import { assertKeyring, type Keyring } from '../keys/keyring.js';
import type { AuditTarget } from '../audit/types.js';
import { assertIdentifier, dateOption } from '../reveal/_ids.js';
import { matchesAny, normalizeDigits } from './_hotp.js';
import { acceptedCodes, CALLER_CODE_DIGITS, CALLER_KEY_SECRETS, codeFromDayMac, dayMacFor, dayOfWindow, validUntilOf, windowOf } from './_caller.js';
import type { CallerKey } from './caller-key.js';

export { CALLER_CODE_DIGITS, CALLER_CODE_WINDOW_MS, CALLER_KEY_UTC_OFFSET_MS } from './_caller.js';

/** Options for {@link callerCode} in the backend, with the keyring. */
export interface CallerCodeOptions {
  keyring: Keyring;
  waybillId: string;
  /** The courier who will call. */
  courierId: string;
  /** When (default now). */
  at?: Date;
}

/** Options for {@link callerCode} outside the backend, with a courier's scoped {@link CallerKey}. */
export interface ScopedCallerCodeOptions {
  callerKey: CallerKey;
  waybillId: string;
  /** When (default now); must fall inside the key's day. */
  at?: Date;
}

/** Options for {@link verifyCallerCode}. */
export interface VerifyCallerCodeOptions extends CallerCodeOptions {
  /** Where a `caller.verify` audit event goes (actor: the claimed courier). */
  audit?: AuditTarget;
}

/** A caller code and the end of the time it is accepted. */
export interface CallerCode {
  code: string;
  /** End of acceptance: the code is accepted in its own window and the next one. */
  validUntil: Date;
}

/**
 * The caller code for a courier and a waybill at a moment: in the backend from the keyring, or
 * in a courier's app from that courier's {@link CallerKey} (same code either way).
 *
 * @param opts - keyring, waybill, courier, time; or callerKey, waybill, time
 * @returns `{ code, validUntil }`: six digits, accepted until the end of the next 10-minute window
 * @throws WaybillShieldError `INVALID_INPUT` for bad ids or time (or a time outside a caller key's day), `INVALID_KEYRING`
 * @example
 * ```ts
 * // backend: only the code goes to the signed-in courier's app, and to the recipient's own channel
 * const { code } = callerCode({ keyring, waybillId: 'GHN2611290001', courierId: 'courier-042' });
 * courierApp.push('courier-042', { waybillId: 'GHN2611290001', code });
 * ```
 */
export function callerCode(opts: CallerCodeOptions | ScopedCallerCodeOptions): CallerCode {
  return guard('INVALID_INPUT', 'callerCode: options are invalid', () => {
    if (typeof opts === 'object' && opts !== null && 'callerKey' in opts && !('keyring' in opts)) {
      // A real CallerKey (made by courierCallerKey or CallerKey.fromJSON), checked without the class.
      if (!CALLER_KEY_SECRETS.has(opts.callerKey)) throw issueError('callerKey', 'type');
      return opts.callerKey.code({ waybillId: opts.waybillId, ...(opts.at === undefined ? {} : { at: opts.at }) });
    }
    const o = opts as CallerCodeOptions;
    assertKeyring(o?.keyring);
    assertIdentifier(o.waybillId, 'waybillId');
    assertIdentifier(o.courierId, 'courierId');
    const w = windowOf(dateOption(o.at, 'at'));
    const m = dayMacFor(o.keyring, o.keyring.primary, o.courierId, dayOfWindow(w))!;
    return { code: codeFromDayMac(m, o.waybillId, w), validUntil: validUntilOf(w) };
  });
}

/**
 * Check a caller code read out by a caller, in the backend. Accepts the code of the current and
 * the previous window, under any key in the keyring (so a rotation does not break codes in
 * flight). Every candidate is compared in constant time and all are compared.
 *
 * There is no lockout here: use it behind an authenticated channel (the recipient's own app or
 * account). A page anyone can reach must use `callerCheck`, which adds the phone gate and the
 * ledger lockout.
 *
 * @param code - the code as typed (spaces and dashes ignored)
 * @param opts - keyring, waybill, courier, time, audit target
 * @returns true when it matches
 * @throws WaybillShieldError `INVALID_INPUT` for bad ids or time, `INVALID_KEYRING`; never for a bad code
 * @example
 * ```ts
 * if (!verifyCallerCode(spoken, { keyring, waybillId, courierId })) warnRecipient();
 * ```
 */
export function verifyCallerCode(code: string, opts: VerifyCallerCodeOptions): boolean {
  return guard('INVALID_INPUT', 'verifyCallerCode: options are invalid', () => {
    assertKeyring(opts?.keyring);
    assertIdentifier(opts.waybillId, 'waybillId');
    assertIdentifier(opts.courierId, 'courierId');
    const w = windowOf(dateOption(opts.at, 'at'));
    const c = normalizeDigits(code, CALLER_CODE_DIGITS);
    const ok = c !== undefined && matchesAny(c, acceptedCodes(opts.keyring, opts.waybillId, opts.courierId, w));
    opts.audit?.append({
      actor: opts.courierId,
      action: 'caller.verify',
      waybillId: opts.waybillId,
      fields: [],
      outcome: ok ? 'ok' : 'denied',
      ...(ok ? {} : { reason: c === undefined ? 'malformed' : 'bad-code' }),
    });
    return ok;
  });
}
