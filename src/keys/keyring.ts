/**
 * Keyring: root keys by key id, a primary key for new data, and cached HKDF purpose subkeys.
 *
 * Secrets live in a module-private WeakMap, not on the object, so `JSON.stringify`,
 * `util.inspect`, `console.log` and structured logging see only key ids. `export()` is the one
 * way key material leaves.
 * @module
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { randomBytes } from '@noble/hashes/utils.js';
import { base64urlnopad } from '@scure/base';
import { guard, WaybillShieldError } from '../errors.js';
import { deriveSubkey, type KeyPurpose } from './purposes.js';

/** The serialised keyring, as written by `export()` and read by `Keyring.fromJSON()`. SECRET. */
export interface KeyringJSON {
  /** Format version. */
  v: 1;
  /** Key id of the primary key, used for all new envelopes, indexes and tokens. */
  primary: number;
  /** Every root key, oldest first. `key` is 32 bytes, base64url without padding. */
  keys: { id: number; key: string; created: string }[];
}

/** A public, secret-free description of a keyring. */
export interface KeyringInfo {
  primary: number;
  keyIds: number[];
}

/** Highest key id accepted; ids are small integers so tokens can carry them in a few bits. */
export const MAX_KEY_ID = 4095;

interface KeyEntry {
  readonly id: number;
  readonly root: Uint8Array;
  readonly created: string;
  readonly subkeys: Map<KeyPurpose, Uint8Array>;
  readonly macs: Map<KeyPurpose, ReturnType<typeof hmac.create>>;
}

interface Secrets {
  readonly primary: number;
  readonly keys: ReadonlyMap<number, KeyEntry>;
}

const SECRETS = new WeakMap<Keyring, Secrets>();

function entry(id: number, root: Uint8Array, created: string): KeyEntry {
  return { id, root, created, subkeys: new Map(), macs: new Map() };
}

function invalid(summary: string): WaybillShieldError {
  return new WaybillShieldError('INVALID_KEYRING', summary);
}

function secretsOf(k: unknown): Secrets {
  const s = typeof k === 'object' && k !== null ? SECRETS.get(k as Keyring) : undefined;
  if (!s) throw new WaybillShieldError('INVALID_KEYRING', 'not a Keyring made by Keyring.generate() or Keyring.fromJSON()');
  return s;
}

/**
 * A set of root keys. Immutable: `rotate()` and `retire()` return a new keyring.
 *
 * @example
 * ```ts
 * const keyring = Keyring.generate();
 * await secretStore.put('waybill-shield', JSON.stringify(keyring.export()));
 * ```
 */
export class Keyring {
  private constructor(secrets: Secrets) {
    SECRETS.set(this, secrets);
    Object.freeze(this);
  }

  /**
   * Create a keyring with one fresh 256-bit root key (key id 1) from the platform CSPRNG.
   * @returns a new keyring
   * @example
   * ```ts
   * const keyring = Keyring.generate();
   * ```
   */
  static generate(): Keyring {
    return new Keyring({ primary: 1, keys: new Map([[1, entry(1, randomBytes(32), new Date().toISOString())]]) });
  }

  /**
   * Load a keyring from `export()` output (object or JSON string).
   * @param json - a {@link KeyringJSON} or its JSON text
   * @returns the keyring
   * @throws WaybillShieldError `INVALID_KEYRING` when malformed; the message never echoes key material
   * @example
   * ```ts
   * const keyring = Keyring.fromJSON(await secretStore.get('waybill-shield'));
   * ```
   */
  static fromJSON(json: string | object): Keyring {
    return guard('INVALID_KEYRING', 'keyring is malformed', () => Keyring.load(json));
  }

  private static load(json: unknown): Keyring {
    let data: unknown = json;
    if (typeof json === 'string') {
      if (json.length > 1_000_000) throw invalid('keyring JSON is too large');
      try {
        data = JSON.parse(json);
      } catch {
        throw invalid('keyring is not valid JSON');
      }
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data)) throw invalid('keyring must be an object');
    const d = data as Record<string, unknown>;
    if (d.v !== 1) throw invalid('unsupported keyring version');
    if (!Array.isArray(d.keys) || d.keys.length === 0 || d.keys.length > 256) throw invalid('keys must be a non-empty array of at most 256 keys');
    const keys = new Map<number, KeyEntry>();
    for (const k of d.keys as unknown[]) {
      if (typeof k !== 'object' || k === null) throw invalid('each key must be an object');
      const { id, key, created } = k as Record<string, unknown>;
      if (typeof id !== 'number' || !Number.isInteger(id) || id < 1 || id > MAX_KEY_ID) throw invalid(`key id must be an integer from 1 to ${MAX_KEY_ID}`);
      if (keys.has(id)) throw invalid('duplicate key id');
      if (typeof key !== 'string' || key.length !== 43) throw invalid('key must be 32 bytes in base64url');
      let root: Uint8Array;
      try {
        root = base64urlnopad.decode(key);
      } catch {
        throw invalid('key must be 32 bytes in base64url');
      }
      if (root.length !== 32) throw invalid('key must be 32 bytes in base64url');
      const when = typeof created === 'string' && !Number.isNaN(Date.parse(created)) ? created : new Date(0).toISOString();
      keys.set(id, entry(id, root, when));
    }
    const primary = d.primary;
    if (typeof primary !== 'number' || !keys.has(primary)) throw invalid('primary must name a key in keys');
    return new Keyring({ primary, keys });
  }

  /**
   * Add a fresh root key and make it primary. Old keys stay for opening envelopes and redeeming
   * tokens made under them.
   * @returns a new keyring; this one is unchanged
   * @throws WaybillShieldError `INVALID_KEYRING` when the key id space is exhausted
   * @example
   * ```ts
   * const next = keyring.rotate();
   * const moved = reseal(record, { keyring: next });
   * ```
   */
  rotate(): Keyring {
    const s = secretsOf(this);
    const id = Math.max(...s.keys.keys()) + 1;
    if (id > MAX_KEY_ID) throw invalid('key id space exhausted');
    const keys = new Map(s.keys);
    keys.set(id, entry(id, randomBytes(32), new Date().toISOString()));
    return new Keyring({ primary: id, keys });
  }

  /**
   * Drop an old key once every record has been resealed and its tokens have expired.
   * @param keyId - the key to drop; never the primary
   * @returns a new keyring without that key
   * @throws WaybillShieldError `INVALID_KEYRING` for the primary or an unknown id
   * @example
   * ```ts
   * const trimmed = keyring.retire(1);
   * ```
   */
  retire(keyId: number): Keyring {
    const s = secretsOf(this);
    if (keyId === s.primary) throw invalid('cannot retire the primary key');
    if (!s.keys.has(keyId)) throw invalid('unknown key id');
    const keys = new Map(s.keys);
    keys.delete(keyId);
    return new Keyring({ primary: s.primary, keys });
  }

  /**
   * Serialise every key. The only way secrets leave a keyring: store the result in a KMS or
   * secret store, never in logs.
   * @returns the secret {@link KeyringJSON}
   * @example
   * ```ts
   * fs.writeFileSync('keys.json', JSON.stringify(keyring.export()), { mode: 0o600 });
   * ```
   */
  export(): KeyringJSON {
    const s = secretsOf(this);
    return {
      v: 1,
      primary: s.primary,
      keys: [...s.keys.values()].map((k) => ({ id: k.id, key: base64urlnopad.encode(k.root), created: k.created })),
    };
  }

  /** The primary key id. */
  get primary(): number {
    return secretsOf(this).primary;
  }

  /** Every key id, ascending. */
  get keyIds(): number[] {
    return [...secretsOf(this).keys.keys()].sort((a, b) => a - b);
  }

  /** True when the keyring holds `keyId`. */
  has(keyId: number): boolean {
    return secretsOf(this).keys.has(keyId);
  }

  /** Secret-free form for `JSON.stringify`. */
  toJSON(): KeyringInfo {
    return { primary: this.primary, keyIds: this.keyIds };
  }

  /** Secret-free form for string contexts. */
  toString(): string {
    return `Keyring(primary=${this.primary}, keys=${this.keyIds.join(',')})`;
  }

  /** Secret-free form for Node's `util.inspect` and `console.log`. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }
}

/**
 * The cached purpose subkey for a key id (the primary when omitted).
 * @internal
 * @throws WaybillShieldError `INVALID_KEYRING` when `keyring` is not a Keyring
 */
export function subkey(keyring: Keyring, purpose: KeyPurpose, keyId?: number): { id: number; key: Uint8Array } | undefined {
  const s = secretsOf(keyring);
  const e = s.keys.get(keyId ?? s.primary);
  if (!e) return undefined;
  let k = e.subkeys.get(purpose);
  if (!k) {
    k = deriveSubkey(e.root, purpose);
    e.subkeys.set(purpose, k);
  }
  return { id: e.id, key: k };
}

/**
 * HMAC-SHA256 under a purpose subkey, with the keyed inner/outer state computed once per key and
 * cloned per call (the key-padding compressions stay out of the hot path).
 * @internal
 */
export function purposeMac(keyring: Keyring, purpose: KeyPurpose, keyId: number | undefined, ...parts: Uint8Array[]): { id: number; mac: Uint8Array } | undefined {
  const s = secretsOf(keyring);
  const e = s.keys.get(keyId ?? s.primary);
  if (!e) return undefined;
  let base = e.macs.get(purpose);
  if (!base) {
    base = hmac.create(sha256, subkey(keyring, purpose, e.id)!.key);
    e.macs.set(purpose, base);
  }
  const h = base.clone();
  for (const p of parts) h.update(p);
  return { id: e.id, mac: h.digest() };
}

/** Throws `INVALID_KEYRING` unless `k` is a real Keyring. @internal */
export function assertKeyring(k: unknown): asserts k is Keyring {
  secretsOf(k);
}
