/**
 * Caller codes: a 6-digit code that proves a caller is the courier the system assigned, not a
 * scammer quoting label data. HOTP (RFC 4226) dynamic truncation over HMAC-SHA256 under the
 * keyring's `caller` subkey, with a 10-minute time step as the moving factor (the TOTP idea of
 * RFC 6238, with the waybill and courier ids bound into the MAC input).
 *
 * The courier's app shows the code; the recipient sees the same code on the official tracking
 * page or in an SMS and asks the caller to read it out.
 * @module
 */
import { WaybillShieldError, guard } from '../errors.js';
import { assertKeyring, purposeMac, type Keyring } from '../keys/keyring.js';
import type { AuditTarget } from '../audit/types.js';
import { assertIdentifier, dateOption } from '../reveal/_ids.js';
import { codeMessage, hotpDigits, matchesAny, normalizeDigits } from './_hotp.js';

/** Digits in a caller code. */
export const CALLER_CODE_DIGITS = 6;
/** The time step: codes change every 10 minutes (aligned to the Unix epoch). */
export const CALLER_CODE_WINDOW_MS = 10 * 60_000;

const DOMAIN = 'waybill-shield/caller-code/v1\u0000';

/** Options for {@link callerCode}. */
export interface CallerCodeOptions {
  keyring: Keyring;
  waybillId: string;
  /** The courier who will call. */
  courierId: string;
  /** When (default now). */
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

function windowOf(at: Date): number {
  const w = Math.floor(at.getTime() / CALLER_CODE_WINDOW_MS);
  if (w < 0) throw new WaybillShieldError('INVALID_INPUT', undefined, { issues: [{ path: 'at', rule: 'too_small' }] });
  return w;
}

function codeFor(keyring: Keyring, keyId: number, waybillId: string, courierId: string, window: number): string {
  return hotpDigits(purposeMac(keyring, 'caller', keyId, codeMessage(DOMAIN, [waybillId, courierId], window))!.mac, CALLER_CODE_DIGITS);
}

function check(opts: CallerCodeOptions): { at: Date } {
  assertKeyring(opts?.keyring);
  assertIdentifier(opts.waybillId, 'waybillId');
  assertIdentifier(opts.courierId, 'courierId');
  return { at: dateOption(opts.at, 'at') };
}

/**
 * The caller code for a courier and a waybill at a moment.
 *
 * @param opts - keyring, waybill, courier, time
 * @returns `{ code, validUntil }`: six digits, accepted until the end of the next 10-minute window
 * @throws WaybillShieldError `INVALID_INPUT` for bad ids or time, `INVALID_KEYRING`
 * @example
 * ```ts
 * const { code, validUntil } = callerCode({ keyring, waybillId: 'GHN2611290001', courierId: 'courier-042' });
 * courierApp.show(code); trackingPage.show(code);
 * ```
 */
export function callerCode(opts: CallerCodeOptions): CallerCode {
  return guard('INVALID_INPUT', 'callerCode: options are invalid', () => {
    const { at } = check(opts);
    const w = windowOf(at);
    return { code: codeFor(opts.keyring, opts.keyring.primary, opts.waybillId, opts.courierId, w), validUntil: new Date((w + 2) * CALLER_CODE_WINDOW_MS) };
  });
}

/**
 * Check a caller code read out by a caller. Accepts the code of the current and the previous
 * window, under any key in the keyring (so a rotation does not break codes in flight). Every
 * candidate is compared in constant time and all are compared.
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
    const { at } = check(opts);
    const w = windowOf(at);
    const c = normalizeDigits(code, CALLER_CODE_DIGITS);
    let ok = false;
    if (c !== undefined) {
      const candidates: string[] = [];
      for (const keyId of opts.keyring.keyIds) {
        candidates.push(codeFor(opts.keyring, keyId, opts.waybillId, opts.courierId, w));
        if (w > 0) candidates.push(codeFor(opts.keyring, keyId, opts.waybillId, opts.courierId, w - 1));
      }
      ok = matchesAny(c, candidates);
    }
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
