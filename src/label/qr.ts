/**
 * The label QR payload: the waybill id and, when one is printed, the courier's reveal token.
 * Never any personal data.
 *
 * Format (version 1), ASCII:
 * ```
 * WS1/<waybill id>             no token
 * WS1/<waybill id>/<token>     token in canonical form: Crockford base32, uppercase, no `-`
 * ```
 * A waybill id holds only `A-Z a-z 0-9 . _ -` and a token only base32 letters and digits, so `/`
 * never occurs inside either part. A courier app scans it with {@link parseLabelQr}.
 * @module
 */
import { WaybillShieldError } from '../errors.js';
import { LIMITS } from '../_limits.js';

/** Prefix and version of the label QR payload. */
export const LABEL_QR_PREFIX = 'WS1';

const ID_RE = /^[A-Za-z0-9][A-Za-z0-9._\-]*$/;
/** A token as callers may write it: base32 letters and digits, optionally grouped with `-`. */
const TOKEN_INPUT_RE = /^[0-9A-Za-z]+(?:-[0-9A-Za-z]+)*$/;
const TOKEN_RE = /^[0-9A-Z]{1,40}$/;
/** Longest token accepted on a label, grouping included. Reveal tokens are at most 20 significant characters. */
export const MAX_LABEL_TOKEN = 48;

/**
 * Canonical form of a token for the label: `-` grouping removed, uppercase.
 * @param token - a token as issued or typed
 * @returns the canonical token, or `undefined` when it is not token-shaped
 * @internal
 */
export function canonicalToken(token: unknown): string | undefined {
  if (typeof token !== 'string' || token.length === 0 || token.length > MAX_LABEL_TOKEN || !TOKEN_INPUT_RE.test(token)) return undefined;
  const t = token.replaceAll('-', '').toUpperCase();
  return TOKEN_RE.test(t) ? t : undefined;
}

/**
 * Build the QR payload for a label.
 *
 * @param waybillId - the waybill id (letters, digits, `._-`)
 * @param token - a reveal token, or undefined for none
 * @returns e.g. `WS1/VN2025000123/7K3M9QXW2DHT`
 * @throws WaybillShieldError `INVALID_INPUT` when the id or token is not well formed
 * @example
 * ```ts
 * labelQrPayload('VN2025000123', token); // what renderLabel puts in the QR
 * ```
 */
export function labelQrPayload(waybillId: string, token?: string): string {
  if (typeof waybillId !== 'string' || waybillId.length > LIMITS.id || !ID_RE.test(waybillId)) {
    throw new WaybillShieldError('INVALID_INPUT', undefined, { issues: [{ path: 'id', rule: 'format' }] });
  }
  if (token === undefined) return `${LABEL_QR_PREFIX}/${waybillId}`;
  const t = canonicalToken(token);
  if (t === undefined) throw new WaybillShieldError('INVALID_INPUT', undefined, { issues: [{ path: 'token', rule: 'format' }] });
  return `${LABEL_QR_PREFIX}/${waybillId}/${t}`;
}

/** What a label QR holds. */
export interface LabelQr {
  waybillId: string;
  /** The reveal token, when the label carries one. */
  token?: string;
}

/**
 * Read a scanned label QR payload.
 *
 * @param payload - the text a scanner returned
 * @returns the waybill id and the token, if any
 * @throws WaybillShieldError `INVALID_INPUT` when the payload is not a waybill-shield label QR
 * @example
 * ```ts
 * const { waybillId, token } = parseLabelQr(scanned);
 * if (token) await api.redeem({ waybillId, token });
 * ```
 */
export function parseLabelQr(payload: string): LabelQr {
  const bad = () => new WaybillShieldError('INVALID_INPUT', 'not a waybill-shield label QR');
  if (typeof payload !== 'string' || payload.length > 4 + LIMITS.id + 1 + MAX_LABEL_TOKEN) throw bad();
  const parts = payload.split('/');
  if (parts[0] !== LABEL_QR_PREFIX || parts.length < 2 || parts.length > 3) throw bad();
  const waybillId = parts[1]!;
  if (waybillId.length > LIMITS.id || !ID_RE.test(waybillId)) throw bad();
  if (parts.length === 2) return { waybillId };
  const token = parts[2]!;
  if (!TOKEN_RE.test(token)) throw bad();
  return { waybillId, token };
}
