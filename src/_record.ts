/**
 * Checks on a `ProtectedWaybill` before anything is opened, and opening one sealed field. Shared by
 * `unseal`/`reseal` (protect.ts) and `reveal()`; its own module so reveal code does not import the
 * waybill schema, the masks, the phone metadata or the gazetteer.
 * @module
 * @internal
 */
import { WaybillShieldError } from './errors.js';
import type { Keyring } from './keys/keyring.js';
import { openField, shreddedError } from './crypto/envelope.js';
import { SEALED_FIELDS, type SealedField } from './_fields.js';
import type { ProtectedWaybill } from './protect.js';

/** Current `ProtectedWaybill` format version. */
export const PROTECTED_VERSION = 1;


const ID_RE = /^[A-Za-z0-9][A-Za-z0-9._\-]{0,63}$/;
const SEALED_SET: ReadonlySet<string> = /* @__PURE__ */ new Set(SEALED_FIELDS);

/**
 * Checks the parts of a ProtectedWaybill that opening depends on. Does not trust anything else.
 * @internal
 */
export function assertProtected(p: unknown): asserts p is ProtectedWaybill {
  const bad = () => new WaybillShieldError('INVALID_INPUT', 'not a ProtectedWaybill');
  try {
    if (typeof p !== 'object' || p === null) throw bad();
    const r = p as Record<string, unknown>;
    if (r.v !== PROTECTED_VERSION || typeof r.id !== 'string' || !ID_RE.test(r.id)) throw bad();
    const s = r.sealed;
    if (typeof s !== 'object' || s === null) throw bad();
  } catch (e) {
    if (e instanceof WaybillShieldError) throw e;
    throw bad();
  }
}

/** @internal */
export function assertSealedField(field: unknown): asserts field is SealedField {
  if (typeof field !== 'string' || !SEALED_SET.has(field)) {
    throw new WaybillShieldError('INVALID_INPUT', 'field must be one of the sealed field paths');
  }
}

/**
 * Open one sealed field of a record. No audit, no access control: internal to `unseal` and `reveal`.
 * @internal
 */
export function openSealed(p: ProtectedWaybill, field: SealedField, keyring: Keyring): string {
  const env = Object.prototype.hasOwnProperty.call(p.sealed, field) ? p.sealed[field] : undefined;
  // A forgotten record's values are gone for good: the same answer as a shredded epoch.
  if (env === undefined && (p as { forgotten?: unknown }).forgotten !== undefined) throw shreddedError();
  return openField(keyring, p.id, field, env);
}

/** The audit reason for a failed open. @internal */
export function openFailureReason(e: unknown): string {
  return e instanceof WaybillShieldError && e.code === 'DATA_SHREDDED' ? 'data-shredded' : 'decrypt-failed';
}
