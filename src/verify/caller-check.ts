/**
 * `callerCheck`: the recipient-facing check behind a public tracking page. Someone who says they
 * received a call types the waybill number, the last 4 digits of the recipient's phone, and the
 * 6-digit code the caller read out. The answer is one bit: the caller is the courier assigned to
 * this parcel, or not. The page never shows a code, so a scammer holding a photographed label
 * (and even the victim's full number) learns nothing from it but a bounded guessing oracle.
 *
 * How the phone is checked: the recipient phone is opened from the record's sealed field under an
 * audited purpose (`unseal`, actor `tracking-page` by default, purpose `caller-check`), its last
 * 4 digits are compared in constant time, and it goes no further: not returned, not logged, not
 * cached. No new per-record value is stored for this check (a stored last-4 tag would be one
 * more derivative of the phone, with only 10⁴ values, in every copy of the database). A locked
 * waybill opens nothing, and each opening leaves an audit record.
 *
 * Lockout: the delivery-PIN limits (5 wrong answers, 24 h) on its own ledger counter (`caller`
 * scope), so guesses here never lock the PIN and the reverse. Only guesses count, as for tokens
 * and PINs: a malformed entry is refused without counting, a well-formed wrong answer is counted
 * (`acquire`, atomic, so concurrent guesses cannot outrun the limit), and a genuine answer counts
 * nothing; it is refused while the waybill is locked, checked (`locked`) before anything is
 * opened and again when the answer is known, so a genuine answer made after the lock gains nothing.
 * @module
 */
import { guardAsync, issueError, WaybillShieldError } from '../errors.js';
import { assertKeyring, type Keyring } from '../keys/keyring.js';
import type { AuditTarget } from '../audit/types.js';
import { defaultLedger } from '../ledger/memory.js';
import type { RevealLedger } from '../ledger/types.js';
import { assertProtected, unseal, type ProtectedWaybill } from '../protect.js';
import { assertIdentifier, dateOption, intOption, isActor, isIdentifier } from '../reveal/_ids.js';
import { ctEqual } from '../crypto/_primitives.js';
import { matchesAny, normalizeDigits } from './_hotp.js';
import { acceptedCodes, CALLER_CODE_DIGITS, windowOf } from './_caller.js';

/** Digits of the recipient phone a visitor types. */
export const CALLER_CHECK_PHONE_DIGITS = 4;
/** Defaults of {@link callerCheck}: the delivery-PIN lockout. */
export const CALLER_CHECK_DEFAULTS = /* @__PURE__ */ Object.freeze({ maxFailures: 5, lockoutMs: 86_400_000, actor: 'tracking-page', purpose: 'caller-check' });

const DAY_MS = 86_400_000;

/** Options for {@link callerCheck}. */
export interface CallerCheckOptions {
  keyring: Keyring;
  /** The stored record of the parcel, looked up by the waybill number the visitor typed. */
  record: ProtectedWaybill;
  /** The waybill number the visitor typed; when given it must be the record's id. */
  waybillId?: string;
  /** The last 4 digits of the recipient's phone, as typed (spaces and dashes ignored). */
  phoneLast4: string;
  /** The 6-digit code the caller read out, as typed (spaces and dashes ignored). */
  code: string;
  /** The courier the backend has assigned to the parcel now (default: `record.assignment.courierId`). */
  courierId?: string;
  /** When (default now). */
  at?: Date;
  /** Where the failure counter lives (default: the process-wide `MemoryLedger`). */
  ledger?: RevealLedger;
  /** Where the `unseal` and `caller.verify` audit events go. */
  audit?: AuditTarget;
  /** Who asks, for the audit (default `tracking-page`). */
  actor?: string;
  /** Wrong answers before the waybill's caller check locks (default 5). */
  maxFailures?: number;
  /** Lock duration in ms (default 24 h). */
  lockoutMs?: number;
}


const ASCII = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

/**
 * Check a caller for a recipient: right last 4 phone digits **and** a caller code of the assigned
 * courier for the current or previous 10-minute window. Wrong answers count towards a lockout.
 *
 * @param opts - keyring, record, what the visitor typed, assigned courier, ledger, audit
 * @returns true only when both the phone digits and the code are right; false for every other
 *   answer (which of the two was wrong is in the audit record only). Only well-formed wrong
 *   answers (4 and 6 digits) count toward the lockout; a genuine answer counts nothing.
 * @throws WaybillShieldError `TOKEN_LOCKED` after `maxFailures` wrong answers until the lock expires;
 *   `LEDGER_UNAVAILABLE` when the ledger fails (fail closed); `DECRYPT_FAILED` or `DATA_SHREDDED`
 *   when the record's phone cannot be opened (not counted); `INVALID_INPUT` for a bad
 *   record, id, courier or option, or when `phoneLast4` or `code` is missing or not a string (the
 *   page must pass what the visitor typed; a typed string of the wrong shape is just `false`);
 *   `INVALID_KEYRING`
 * @example
 * ```ts
 * // POST /track/:waybillId/caller-check  { phoneLast4, code }
 * const record = await db.get(req.params.waybillId);
 * const genuine = await callerCheck({ keyring, record, phoneLast4: req.body.phoneLast4, code: req.body.code, ledger, audit });
 * res.json({ genuine }); // never the code, never which part was wrong
 * ```
 */
export async function callerCheck(opts: CallerCheckOptions): Promise<boolean> {
  return guardAsync('INVALID_INPUT', 'callerCheck: options are invalid', async () => {
    assertKeyring(opts?.keyring);
    const { keyring, record } = opts;
    assertProtected(record);
    const waybillId = record.id;
    if (opts.waybillId !== undefined && opts.waybillId !== waybillId) throw issueError('waybillId', 'invalid');
    const courierId = opts.courierId ?? (isIdentifier(record.assignment?.courierId) ? record.assignment.courierId : undefined);
    if (courierId === undefined) throw issueError('courierId', 'required');
    assertIdentifier(courierId, 'courierId');
    const w = windowOf(dateOption(opts.at, 'at'));
    const actor = opts.actor ?? CALLER_CHECK_DEFAULTS.actor;
    if (!isActor(actor)) throw issueError('actor', 'format');
    const maxFailures = intOption(opts.maxFailures, CALLER_CHECK_DEFAULTS.maxFailures, 1, 1_000, 'maxFailures');
    const lockoutMs = intOption(opts.lockoutMs, CALLER_CHECK_DEFAULTS.lockoutMs, 1_000, 30 * DAY_MS, 'lockoutMs');
    const ledger = opts.ledger ?? defaultLedger();
    const note = (outcome: 'ok' | 'denied' | 'error', reason?: string): void => {
      opts.audit?.append({ actor, action: 'caller.verify', waybillId, fields: ['recipient.phone'], purpose: CALLER_CHECK_DEFAULTS.purpose, outcome, ...(reason ? { reason } : {}) });
    };

    // Missing answers are the integrator's mistake, not the visitor's: say which one.
    if (typeof opts.phoneLast4 !== 'string') throw issueError('phoneLast4', opts.phoneLast4 === undefined ? 'required' : 'type');
    if (typeof opts.code !== 'string') throw issueError('code', opts.code === undefined ? 'required' : 'type');
    const last4 = normalizeDigits(opts.phoneLast4, CALLER_CHECK_PHONE_DIGITS);
    const code = normalizeDigits(opts.code, CALLER_CODE_DIGITS);
    // A malformed entry is not a guess (same rule as delivery PINs): refused without counting,
    // without opening anything.
    if (last4 === undefined || code === undefined) {
      note('denied', 'malformed');
      return false;
    }

    const ledgerFailed = (e: unknown): WaybillShieldError => {
      note('error', 'ledger-unavailable');
      if (e instanceof WaybillShieldError && e.code === 'LEDGER_UNAVAILABLE') return e;
      return new WaybillShieldError('LEDGER_UNAVAILABLE', 'the reveal ledger could not be reached');
    };
    const lockedOut = (): WaybillShieldError => {
      note('denied', 'locked');
      return new WaybillShieldError('TOKEN_LOCKED', 'too many wrong answers for this waybill; try again later', { reason: 'locked' });
    };
    // Whether the waybill is locked, counting nothing. A custom ledger without `locked` counts
    // the attempt and refunds it.
    const isLocked = async (): Promise<boolean> => {
      try {
        if (typeof ledger.locked === 'function') return await ledger.locked(waybillId, 'caller', maxFailures);
        if ((await ledger.acquire(waybillId, 'caller', maxFailures, lockoutMs)) === 'locked') return true;
        await ledger.release(waybillId, 'caller');
        return false;
      } catch (e) {
        throw ledgerFailed(e);
      }
    };

    // A locked waybill opens nothing.
    if (await isLocked()) throw lockedOut();

    // Both halves are always computed, so timing does not tell which one was wrong.
    const codeOk = matchesAny(code, acceptedCodes(keyring, waybillId, courierId, w));
    let phone: string;
    try {
      phone = unseal(record, 'recipient.phone', { keyring, actor, purpose: CALLER_CHECK_DEFAULTS.purpose, ...(opts.audit ? { audit: opts.audit } : {}) });
    } catch (e) {
      // Not the visitor's fault, and not counted: the reason is the record's.
      note('error', 'unseal-failed');
      throw e;
    }
    const digits = phone.replace(/\D/g, '');
    const phoneOk = digits.length >= CALLER_CHECK_PHONE_DIGITS && ctEqual(ASCII(digits.slice(-CALLER_CHECK_PHONE_DIGITS)), ASCII(last4));
    if (!(codeOk && phoneOk)) {
      // A guess: counted, atomically against the limit, so concurrent guesses cannot outrun it.
      let counted;
      try {
        counted = await ledger.acquire(waybillId, 'caller', maxFailures, lockoutMs);
      } catch (e) {
        throw ledgerFailed(e);
      }
      if (counted === 'locked') throw lockedOut();
      note('denied', phoneOk ? 'bad-code' : 'bad-phone');
      return false;
    }
    // Genuine: counts nothing, but guesses that locked the waybill meanwhile still refuse it.
    if (await isLocked()) throw lockedOut();
    note('ok');
    return true;
  });
}
