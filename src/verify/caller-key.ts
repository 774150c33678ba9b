/**
 * Scoped caller keys: what a courier's app may hold instead of the keyring. A `CallerKey`
 * computes the caller codes of **one courier** for **one calendar day** (Vietnam time) and
 * nothing else: no other courier's codes, no other day's, no reveal token, no PIN, no envelope.
 * It is HMAC-SHA256 of the courier id and the day under the keyring's `caller` subkey
 * (see `_caller.ts`), so holding it says nothing about the root key.
 *
 * The root keyring never leaves the backend. The backend makes the day's key when the courier
 * signs in (`courierCallerKey`), sends `key.export()` over the authenticated session, and the
 * app computes codes offline with `CallerKey.fromJSON(...)` and `key.code({ waybillId })`. A
 * lost phone exposes at most that courier's codes until the end of that day, and codes are only
 * accepted for the courier the backend has assigned to the parcel.
 * @module
 */
import { base64urlnopad } from '@scure/base';
import { guard, issueError, WaybillShieldError } from '../errors.js';
import { assertKeyring, decodeSecret, MAX_KEY_ID, type Keyring } from '../keys/keyring.js';
import { assertIdentifier, dateOption, isIdentifier } from '../reveal/_ids.js';
import { CALLER_KEY_SECRETS, codeFromDayMac, dayKeyFor, dayLabel, dayMacOf, dayOf, dayOfWindow, dayStart, parseDayLabel, validUntilOf, windowOf } from './_caller.js';
import type { CallerCode } from './caller-code.js';

/** The serialised form of a {@link CallerKey}, as `export()` writes it. SECRET (for one courier and one day). */
export interface CallerKeyJSON {
  /** Format version. */
  v: 1;
  /** The courier whose codes it computes. */
  courierId: string;
  /** The Vietnamese calendar day it covers, `YYYY-MM-DD`. */
  day: string;
  /** The keyring key id it was derived under. */
  keyId: number;
  /** 32 bytes, base64url without padding. */
  key: string;
}

/** Options for {@link courierCallerKey}. */
export interface CourierCallerKeyOptions {
  keyring: Keyring;
  courierId: string;
  /** Any moment of the day the key covers (Vietnam time); default now. */
  day?: Date;
}

/** Options for {@link CallerKey.code}. */
export interface CallerKeyCodeOptions {
  waybillId: string;
  /** When (default now); must fall inside the key's day. */
  at?: Date;
}

const SECRETS = CALLER_KEY_SECRETS;
const MAKE = /* @__PURE__ */ Symbol('CallerKey');

function invalid(summary: string): WaybillShieldError {
  return new WaybillShieldError('INVALID_KEYRING', summary);
}

/**
 * A courier's caller key for one day. Its secret is hidden from `JSON.stringify`, `util.inspect`
 * and `console.log`; `export()` is the one way it leaves.
 *
 * @example
 * ```ts
 * // backend, at sign-in:
 * session.send(courierCallerKey({ keyring, courierId: 'courier-042' }).export());
 * // courier app:
 * const key = CallerKey.fromJSON(received);
 * show(key.code({ waybillId: 'GHN2611290001' }).code);
 * ```
 */
export class CallerKey {
  /** The courier whose codes this key computes. */
  readonly courierId: string;
  /** The keyring key id it was derived under. */
  readonly keyId: number;
  /** The day it covers, `YYYY-MM-DD` (Vietnam time). */
  readonly day: string;
  /** First instant of that day. */
  readonly validFrom: Date;
  /** First instant after that day. */
  readonly validUntil: Date;
  readonly #day: number;

  /** @internal Use {@link courierCallerKey} or {@link CallerKey.fromJSON}. */
  constructor(make: symbol, courierId: string, keyId: number, day: number, key: Uint8Array) {
    if (make !== MAKE) throw new WaybillShieldError('INVALID_INPUT', 'use courierCallerKey() or CallerKey.fromJSON()');
    this.courierId = courierId;
    this.keyId = keyId;
    this.#day = day;
    this.day = dayLabel(day);
    this.validFrom = dayStart(day);
    this.validUntil = dayStart(day + 1);
    SECRETS.set(this, { key, mac: dayMacOf(key) });
    // Set here rather than declared as a computed class member: bundlers keep a class with a
    // computed member key even when nothing uses it, so an app that never loads a caller key
    // would still carry this class.
    Object.defineProperty(this, Symbol.for('nodejs.util.inspect.custom'), { value: inspectCallerKey });
    Object.freeze(this);
  }

  /**
   * Load a key sent by the backend.
   * @param json - a {@link CallerKeyJSON} or its JSON text
   * @returns the key
   * @throws WaybillShieldError `INVALID_KEYRING` when malformed; the message never echoes key material
   * @example
   * ```ts
   * const key = CallerKey.fromJSON(await session.fetch('/caller-key'));
   * ```
   */
  static fromJSON(json: string | object): CallerKey {
    return guard('INVALID_KEYRING', 'caller key is malformed', () => {
      let data: unknown = json;
      if (typeof json === 'string') {
        if (json.length > 1_000) throw invalid('caller key JSON is too large');
        try {
          data = JSON.parse(json);
        } catch {
          throw invalid('caller key is not valid JSON');
        }
      }
      if (typeof data !== 'object' || data === null || Array.isArray(data)) throw invalid('caller key must be an object');
      const { v, courierId, day, keyId, key } = data as Record<string, unknown>;
      if (v !== 1) throw invalid('unsupported caller key version');
      if (!isIdentifier(courierId)) throw invalid('courierId has an invalid format');
      const d = parseDayLabel(day);
      if (d === undefined || d < 0) throw invalid('day must be YYYY-MM-DD');
      if (typeof keyId !== 'number' || !Number.isInteger(keyId) || keyId < 1 || keyId > MAX_KEY_ID) throw invalid(`keyId must be an integer from 1 to ${MAX_KEY_ID}`);
      const raw = decodeSecret(key, 'key', invalid);
      return new CallerKey(MAKE, courierId, keyId, d, raw);
    });
  }

  /**
   * The courier's caller code for a waybill, at a moment of the key's day.
   *
   * @param opts - waybill id and time
   * @returns `{ code, validUntil }`, identical to what the backend's `callerCode` gives for this courier
   * @throws WaybillShieldError `INVALID_INPUT` for a bad waybill id or time, or a time outside the
   *   key's day (issue `at`, rule `too_small`/`too_big`)
   * @example
   * ```ts
   * const { code } = key.code({ waybillId: 'GHN2611290001' });
   * ```
   */
  code(opts: CallerKeyCodeOptions): CallerCode {
    return guard('INVALID_INPUT', 'CallerKey.code: options are invalid', () => {
      const k = SECRETS.get(this);
      if (!k) throw new WaybillShieldError('INVALID_INPUT', 'not a CallerKey');
      if (typeof opts !== 'object' || opts === null) throw new WaybillShieldError('INVALID_INPUT', 'options must be an object');
      assertIdentifier(opts.waybillId, 'waybillId');
      const w = windowOf(dateOption(opts.at, 'at'));
      const d = dayOfWindow(w);
      // The key is for one day: a code for any other moment is not its to compute.
      if (d !== this.#day) throw issueError('at', d < this.#day ? 'too_small' : 'too_big');
      return { code: codeFromDayMac(k.mac, opts.waybillId, w), validUntil: validUntilOf(w) };
    });
  }

  /**
   * Serialise the key for the courier's app. SECRET: send it over the signed-in session only.
   * @returns the {@link CallerKeyJSON}
   * @example
   * ```ts
   * res.json(courierCallerKey({ keyring, courierId }).export());
   * ```
   */
  export(): CallerKeyJSON {
    const k = SECRETS.get(this);
    if (!k) throw new WaybillShieldError('INVALID_INPUT', 'not a CallerKey');
    return { v: 1, courierId: this.courierId, day: this.day, keyId: this.keyId, key: base64urlnopad.encode(k.key) };
  }

  /** Secret-free form for `JSON.stringify`. */
  toJSON(): { courierId: string; day: string; keyId: number } {
    return { courierId: this.courierId, day: this.day, keyId: this.keyId };
  }

  /** Secret-free form for string contexts. */
  toString(): string {
    return `CallerKey(courier=${this.courierId}, day=${this.day}, key=${this.keyId})`;
  }

}

/** Secret-free form for Node's `util.inspect` and `console.log` (installed on each key). */
function inspectCallerKey(this: CallerKey): string {
  return this.toString();
}

/**
 * Derive a courier's caller key for one day from the keyring (under its primary key). Call it in
 * the backend; send only the result to the courier's signed-in app.
 *
 * @param opts - keyring, courier, and any moment of the day (default now)
 * @returns a {@link CallerKey} for that courier and that Vietnamese calendar day
 * @throws WaybillShieldError `INVALID_INPUT` for a bad courier id or day, `INVALID_KEYRING`
 * @example
 * ```ts
 * app.post('/courier/sign-in', (req, res) => res.json({ callerKey: courierCallerKey({ keyring, courierId: req.user.id }).export() }));
 * ```
 */
export function courierCallerKey(opts: CourierCallerKeyOptions): CallerKey {
  return guard('INVALID_INPUT', 'courierCallerKey: options are invalid', () => {
    assertKeyring(opts?.keyring);
    assertIdentifier(opts.courierId, 'courierId');
    const day = dayOf(dateOption(opts.day, 'day'));
    const keyId = opts.keyring.primary;
    return new CallerKey(MAKE, opts.courierId, keyId, day, dayKeyFor(opts.keyring, keyId, opts.courierId, day)!);
  });
}
