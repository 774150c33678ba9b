/**
 * The caller-code derivation, shared by `callerCode` (backend, root keyring), `CallerKey`
 * (a courier's scoped key) and `verifyCallerCode` / `callerCheck`.
 *
 * Two HMAC-SHA256 steps, so a key for one courier and one day can be handed out without the
 * keyring:
 * ```
 * dayKey = HMAC(caller subkey, "waybill-shield/caller-key/v1" 0x00 ‖ lp(courierId) ‖ u64 day)
 * code   = DT(HMAC(dayKey, "waybill-shield/caller-code/v2" 0x00 ‖ lp(waybillId) ‖ u64 window)) mod 10^6
 * ```
 * `day` is the calendar day in Vietnam (UTC+07:00) counted from 1970-01-01, `window` the
 * 10-minute step since the Unix epoch (RFC 4226 dynamic truncation, the TOTP idea of RFC 6238).
 * A 10-minute window never straddles a Vietnamese day, since 7 h is a whole number of windows.
 * @module
 * @internal
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { issueError } from '../errors.js';
import { purposeMac, type Keyring } from '../keys/keyring.js';
import { codeMessage, hotpDigits } from './_hotp.js';

/** Digits in a caller code. */
export const CALLER_CODE_DIGITS = 6;
/** The time step: codes change every 10 minutes (aligned to the Unix epoch). */
export const CALLER_CODE_WINDOW_MS = 10 * 60_000;
/** Offset of a caller key's calendar day: Vietnam, UTC+07:00, no daylight saving. */
export const CALLER_KEY_UTC_OFFSET_MS = 7 * 3_600_000;

const DAY_MS = 86_400_000;
const KEY_DOMAIN = 'waybill-shield/caller-key/v1\u0000';
const CODE_DOMAIN = 'waybill-shield/caller-code/v2\u0000';

/** The 10-minute window of a moment. @internal */
export function windowOf(at: Date): number {
  const w = Math.floor(at.getTime() / CALLER_CODE_WINDOW_MS);
  if (w < 0) throw issueError('at', 'too_small');
  return w;
}

/** The Vietnamese calendar day (days since 1970-01-01 in UTC+07:00) holding window `w`. @internal */
export function dayOfWindow(w: number): number {
  return Math.floor((w * CALLER_CODE_WINDOW_MS + CALLER_KEY_UTC_OFFSET_MS) / DAY_MS);
}

/** The Vietnamese calendar day of a moment. @internal */
export function dayOf(at: Date): number {
  const d = Math.floor((at.getTime() + CALLER_KEY_UTC_OFFSET_MS) / DAY_MS);
  if (d < 0) throw issueError('day', 'too_small');
  return d;
}

/** First instant (UTC) of Vietnamese day `d`. @internal */
export function dayStart(d: number): Date {
  return new Date(d * DAY_MS - CALLER_KEY_UTC_OFFSET_MS);
}

/** `YYYY-MM-DD` of Vietnamese day `d`. @internal */
export function dayLabel(d: number): string {
  return new Date(d * DAY_MS).toISOString().slice(0, 10);
}

/** The day number of a `YYYY-MM-DD` label, or undefined. @internal */
export function parseDayLabel(s: unknown): number | undefined {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return undefined;
  const ms = Date.parse(`${s}T00:00:00Z`);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== s) return undefined;
  return ms / DAY_MS;
}

/** A keyed HMAC-SHA256 state under a day key: cloned per code, so the key padding is hashed once. */
export type DayMac = ReturnType<typeof hmac.create>;

/**
 * The secret of every `CallerKey`, by instance. It lives here rather than in `caller-key.ts` so
 * that `callerCode` can recognise a real caller key without importing the class (an app that
 * never loads a caller key does not bundle it).
 * @internal
 */
export const CALLER_KEY_SECRETS = /* @__PURE__ */ new WeakMap<object, { key: Uint8Array; mac: DayMac }>();

/**
 * The per-courier, per-day key under keyring key `keyId` (undefined when the keyring lacks it).
 * @internal
 */
export function dayKeyFor(keyring: Keyring, keyId: number, courierId: string, day: number): Uint8Array | undefined {
  return purposeMac(keyring, 'caller', keyId, codeMessage(KEY_DOMAIN, [courierId], day))?.mac;
}

/** The keyed HMAC state of a day key. @internal */
export function dayMacOf(dayKey: Uint8Array): DayMac {
  return hmac.create(sha256, dayKey);
}

// Keyed day-key states per keyring, so repeated checks for the same courier and day (a tracking
// page, a busy courier) cost two HMACs, not four. Bounded: cleared when full. The keyring is
// immutable, and a rotated or shredded keyring is another object with its own cache.
const DAY_MACS = /* @__PURE__ */ new WeakMap<Keyring, Map<string, DayMac>>();
const DAY_MACS_MAX = 4_096;

/** The cached keyed state of {@link dayKeyFor}. @internal */
export function dayMacFor(keyring: Keyring, keyId: number, courierId: string, day: number): DayMac | undefined {
  let cache = DAY_MACS.get(keyring);
  if (!cache) DAY_MACS.set(keyring, (cache = new Map()));
  const id = `${keyId}:${day}:${courierId}`;
  let m = cache.get(id);
  if (!m) {
    const k = dayKeyFor(keyring, keyId, courierId, day);
    if (!k) return undefined;
    if (cache.size >= DAY_MACS_MAX) cache.clear();
    m = dayMacOf(k);
    cache.set(id, m);
  }
  return m;
}

/** The caller code of window `w` for a waybill, under a day key's keyed state. @internal */
export function codeFromDayMac(dayMac: DayMac, waybillId: string, w: number): string {
  return hotpDigits(dayMac.clone().update(codeMessage(CODE_DOMAIN, [waybillId], w)).digest(), CALLER_CODE_DIGITS);
}

/** The caller code of window `w` for a waybill, under a day key. @internal */
export function codeFromDayKey(dayKey: Uint8Array, waybillId: string, w: number): string {
  return codeFromDayMac(dayMacOf(dayKey), waybillId, w);
}

/** End of acceptance of a code made in window `w`: the end of the next window. @internal */
export function validUntilOf(w: number): Date {
  return new Date((w + 2) * CALLER_CODE_WINDOW_MS);
}

/**
 * Every code accepted at window `w`: windows `w` and `w - 1`, under every key of the keyring.
 * @internal
 */
export function acceptedCodes(keyring: Keyring, waybillId: string, courierId: string, w: number): string[] {
  const out: string[] = [];
  for (const keyId of keyring.keyIds) {
    for (const win of w > 0 ? [w, w - 1] : [w]) out.push(codeFromDayMac(dayMacFor(keyring, keyId, courierId, dayOfWindow(win))!, waybillId, win));
  }
  return out;
}
