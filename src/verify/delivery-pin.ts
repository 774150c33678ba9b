/**
 * Delivery PINs: a 6-digit proof of delivery given only to the recipient (by SMS or the
 * tracking page) and typed into the courier's app at the door. HOTP (RFC 4226) dynamic
 * truncation over HMAC-SHA256 under the keyring's `pin` subkey; the moving factor is the
 * calendar day in Vietnam (UTC+07:00), so a PIN sent in the morning holds for the day's round.
 * Verification accepts today's PIN and those of the previous `maxAgeDays` days, and locks the
 * waybill after 5 wrong tries through the ledger. A PIN is single-use: a successful verification
 * consumes it in the ledger (a use count named by a hash of the PIN's MAC, kept until the PIN
 * could no longer be accepted anyway), so the same PIN is refused afterwards. Only wrong PINs
 * count toward the lockout: a malformed entry and an already used PIN are refused uncounted.
 * @module
 */
import { guard, guardAsync, issueError, WaybillShieldError } from '../errors.js';
import { assertKeyring, purposeMac, type Keyring } from '../keys/keyring.js';
import type { AuditTarget } from '../audit/types.js';
import { defaultLedger } from '../ledger/memory.js';
import type { RevealLedger } from '../ledger/types.js';
import { assertIdentifier, dateOption, intOption, isActor } from '../reveal/_ids.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { codeMessage, hotpDigits, matchesAny, normalizeDigits } from './_hotp.js';

/** Digits in a delivery PIN. Six: with a 5-try lockout an online guess succeeds with ≤ 1.5·10⁻⁵ per day. */
export const DELIVERY_PIN_DIGITS = 6;
/** Offset of the PIN's calendar day: Vietnam, UTC+07:00, no daylight saving. */
export const DELIVERY_PIN_UTC_OFFSET_MS = 7 * 3_600_000;
/** Defaults of {@link verifyDeliveryPin}. */
export const DELIVERY_PIN_DEFAULTS = /* @__PURE__ */ Object.freeze({ maxFailures: 5, lockoutMs: 86_400_000, maxAgeDays: 2 });
/** A used PIN stays recorded this long past the last moment its policy accepts it (clock skew). */
const PIN_USE_MARGIN_MS = 3_600_000;

const DOMAIN = 'waybill-shield/delivery-pin/v1\u0000';
const DAY_MS = 86_400_000;

/** Options for {@link deliveryPin}. */
export interface DeliveryPinOptions {
  keyring: Keyring;
  waybillId: string;
  /** Which day's PIN (default now). */
  at?: Date;
}

/** Options for {@link verifyDeliveryPin}. */
export interface VerifyDeliveryPinOptions extends DeliveryPinOptions {
  /** Where the failure counter lives (default: the process-wide `MemoryLedger`). */
  ledger?: RevealLedger;
  audit?: AuditTarget;
  /** The courier or device entering the PIN, for the audit event (default `courier`). */
  actor?: string;
  /** Wrong PINs before the waybill locks (default 5). */
  maxFailures?: number;
  /** Lock duration in ms (default 24 h). */
  lockoutMs?: number;
  /** How many earlier days' PINs are still accepted (default 2, at most 7). */
  maxAgeDays?: number;
}

function dayOf(at: Date): number {
  const d = Math.floor((at.getTime() + DELIVERY_PIN_UTC_OFFSET_MS) / DAY_MS);
  if (d < 0) throw issueError('at', 'too_small');
  return d;
}

function pinMac(keyring: Keyring, keyId: number, waybillId: string, day: number): Uint8Array {
  return purposeMac(keyring, 'pin', keyId, codeMessage(DOMAIN, [waybillId], day))!.mac;
}

function pinFor(keyring: Keyring, keyId: number, waybillId: string, day: number): string {
  return hotpDigits(pinMac(keyring, keyId, waybillId, day), DELIVERY_PIN_DIGITS);
}

const USE_DOMAIN = /* @__PURE__ */ utf8ToBytes('waybill-shield/delivery-pin-use/v1\u0000');

/** The ledger name of one PIN (key, waybill, day): a hash of its MAC, so it reveals nothing. */
function pinUseId(mac: Uint8Array): string {
  const m = new Uint8Array(USE_DOMAIN.length + mac.length);
  m.set(USE_DOMAIN);
  m.set(mac, USE_DOMAIN.length);
  return bytesToHex(sha256(m).subarray(0, 16));
}

/**
 * The recipient's delivery PIN for a waybill on the day of `at` (Vietnam time).
 *
 * @param opts - keyring, waybill, time
 * @returns six digits
 * @throws WaybillShieldError `INVALID_INPUT` for a bad id or time, `INVALID_KEYRING`
 * @example
 * ```ts
 * sms.send(recipientPhone, `Mã nhận hàng: ${deliveryPin({ keyring, waybillId })}`);
 * ```
 */
export function deliveryPin(opts: DeliveryPinOptions): string {
  return guard('INVALID_INPUT', 'deliveryPin: options are invalid', () => {
    assertKeyring(opts?.keyring);
    assertIdentifier(opts.waybillId, 'waybillId');
    return pinFor(opts.keyring, opts.keyring.primary, opts.waybillId, dayOf(dateOption(opts.at, 'at')));
  });
}

/**
 * Check a PIN typed at the door, with a per-waybill lockout in the ledger. A wrong PIN is
 * counted; a correct one is consumed (single-use) in the same atomic ledger step that checks
 * the lockout, so a correct guess made after the lock gains nothing.
 *
 * @param pin - the PIN as typed (spaces and dashes ignored)
 * @param opts - keyring, waybill, time, ledger, audit, lockout policy
 * @returns true for a correct PIN not used before; false for a wrong, malformed or already used
 *   PIN (only a well-formed wrong PIN counts toward the lockout)
 * @throws WaybillShieldError `TOKEN_LOCKED` after `maxFailures` wrong PINs until the lock expires,
 *   `LEDGER_UNAVAILABLE` when the ledger fails (fail closed), `INVALID_INPUT`, `INVALID_KEYRING`
 * @example
 * ```ts
 * if (await verifyDeliveryPin(typed, { keyring, waybillId, ledger, actor: 'courier-042' })) markDelivered();
 * ```
 */
export async function verifyDeliveryPin(pin: string, opts: VerifyDeliveryPinOptions): Promise<boolean> {
  return guardAsync('INVALID_INPUT', 'verifyDeliveryPin: options are invalid', async () => {
    assertKeyring(opts?.keyring);
    const { keyring, waybillId } = opts;
    assertIdentifier(waybillId, 'waybillId');
    const day = dayOf(dateOption(opts.at, 'at'));
    const actor = opts.actor ?? 'courier';
    if (!isActor(actor)) throw issueError('actor', 'format');
    const maxFailures = intOption(opts.maxFailures, DELIVERY_PIN_DEFAULTS.maxFailures, 1, 1_000, 'maxFailures');
    const lockoutMs = intOption(opts.lockoutMs, DELIVERY_PIN_DEFAULTS.lockoutMs, 1_000, 30 * DAY_MS, 'lockoutMs');
    const maxAgeDays = intOption(opts.maxAgeDays, DELIVERY_PIN_DEFAULTS.maxAgeDays, 0, 7, 'maxAgeDays');
    const ledger = opts.ledger ?? defaultLedger();
    const record = (outcome: 'ok' | 'denied' | 'error', reason?: string): void => {
      opts.audit?.append({ actor, action: 'pin.verify', waybillId, fields: [], outcome, ...(reason ? { reason } : {}) });
    };
    const ledgerFailed = (e: unknown): WaybillShieldError => {
      record('error', 'ledger-unavailable');
      if (e instanceof WaybillShieldError && e.code === 'LEDGER_UNAVAILABLE') return e;
      return new WaybillShieldError('LEDGER_UNAVAILABLE', 'the reveal ledger could not be reached');
    };
    const locked = (): WaybillShieldError => {
      record('denied', 'locked');
      return new WaybillShieldError('TOKEN_LOCKED', 'too many wrong PINs for this waybill; try again later', { reason: 'locked' });
    };

    // A malformed entry is not a guess: refused without counting.
    const p = normalizeDigits(pin, DELIVERY_PIN_DIGITS);
    if (p === undefined) {
      record('denied', 'malformed');
      return false;
    }
    // Compare against every accepted PIN in constant time, remembering which one matched.
    let matched: { mac: Uint8Array; day: number } | undefined;
    for (const keyId of keyring.keyIds) {
      for (let d = day; d >= Math.max(0, day - maxAgeDays); d--) {
        const mac = pinMac(keyring, keyId, waybillId, d);
        if (matchesAny(p, [hotpDigits(mac, DELIVERY_PIN_DIGITS)]) && matched === undefined) matched = { mac, day: d };
      }
    }

    if (matched === undefined) {
      let counted;
      try {
        counted = await ledger.acquire(waybillId, 'pin', maxFailures, lockoutMs);
      } catch (e) {
        throw ledgerFailed(e);
      }
      if (counted === 'locked') throw locked();
      record('denied', 'bad-pin');
      return false;
    }

    // Consume the PIN for as long as this policy could still accept it: until the end of day
    // matched.day + maxAgeDays, plus an hour for clock skew between servers.
    const ttlMs = (matched.day + maxAgeDays + 1) * DAY_MS - DELIVERY_PIN_UTC_OFFSET_MS + PIN_USE_MARGIN_MS - dateOption(opts.at, 'at').getTime();
    let consumed;
    try {
      consumed = await ledger.consume(waybillId, pinUseId(matched.mac), 1, Math.max(PIN_USE_MARGIN_MS, ttlMs), { lock: { scope: 'pin', maxFailures }, revocable: false });
    } catch (e) {
      throw ledgerFailed(e);
    }
    if (consumed === 'locked') throw locked();
    if (consumed !== 'ok') {
      record('denied', 'used');
      return false;
    }
    record('ok');
    return true;
  });
}
