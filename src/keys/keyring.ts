/**
 * Keyring: root keys by key id, a primary key for new data, cached HKDF purpose subkeys, and the
 * retention epochs: one independent random secret per epoch (see `./epochs.ts`), destroyed by
 * `shred()`.
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
import { guard, issueError, WaybillShieldError } from '../errors.js';
import { deriveSubkey, deriveEpochKey, type EpochPurpose, type KeyPurpose } from './purposes.js';
import { EPOCH_LENGTHS, isEpochId, monthId, monthIndexOf, monthOf, type EpochId, type EpochMonths } from './epochs.js';
import type { AuditEvent, AuditTarget } from '../audit/types.js';

//#region types and options

/** The retention-epoch part of a serialised keyring. `live[].secret` is SECRET. */
export interface KeyringEpochsJSON {
  /** Epoch length in months. */
  months: EpochMonths;
  /** Every live epoch, oldest first: a 32-byte random secret (base64url without padding). */
  live: { id: EpochId; secret: string; created: string }[];
  /** Ids of the epochs destroyed by `shred()`: names only, never material. */
  shredded: EpochId[];
  /** Every epoch before this month is destroyed, listed or not, and can never be created again. */
  shreddedBefore?: EpochId;
}

/**
 * The serialised keyring, as written by `export()` and read by `Keyring.fromJSON()`. SECRET.
 * Version 1 (no `epochs`) is what keyrings written before retention epochs look like; it still
 * loads, and `export()` writes version 2 once the keyring has epochs.
 */
export interface KeyringJSON {
  /** Format version: 1 without retention epochs, 2 with. */
  v: 1 | 2;
  /** Key id of the primary key, used for all new envelopes, indexes and tokens. */
  primary: number;
  /** Every root key, oldest first. `key` is 32 bytes, base64url without padding. */
  keys: { id: number; key: string; created: string }[];
  /** Retention epochs (version 2). */
  epochs?: KeyringEpochsJSON;
}

/** A public, secret-free description of a keyring's retention epochs. */
export interface KeyringEpochsInfo {
  months: EpochMonths;
  /** Live epoch ids, oldest first. */
  live: EpochId[];
  /** Destroyed epoch ids, oldest first. */
  shredded: EpochId[];
  /** Every epoch before this one is destroyed. */
  shreddedBefore?: EpochId;
}

/** A public, secret-free description of a keyring. */
export interface KeyringInfo {
  primary: number;
  keyIds: number[];
  /** Absent for a keyring without retention epochs. */
  epochs?: KeyringEpochsInfo;
}

/** Options for {@link Keyring.generate}. */
export interface KeyringGenerateOptions {
  /** Epoch length in months: 1 (default), 2, 3, 4, 6 or 12. */
  epochMonths?: EpochMonths;
  /** First epoch to create (default: 24 months before `now`, for importing recent history). */
  from?: Date | EpochId;
  /** Epochs to create after the current one (default 12). */
  ahead?: number;
  /** Clock (default now). */
  now?: Date;
}

/** Options for {@link Keyring.ensureEpochs}. */
export interface EnsureEpochsOptions {
  /** Create missing epochs from this one (default: the current epoch). Never a shredded one. */
  from?: Date | EpochId;
  /** Create missing epochs up to this many after the current one (default 12). */
  ahead?: number;
  /** Or up to and including the epoch of this date. */
  through?: Date | EpochId;
  /** Epoch length for a keyring that had no epochs yet (default 1 month). */
  epochMonths?: EpochMonths;
  /** Clock (default now). */
  now?: Date;
}

/** Options for {@link Keyring.shred}. */
export interface ShredOptions {
  /** Destroy every epoch that ends on or before the start of this month (`Date` or `'YYYY-MM'`). */
  before: Date | EpochId;
  /** Where the `keys.shred` audit events go: one per destroyed epoch, `reason` naming it. */
  audit?: AuditTarget;
  /** Who shreds, for the audit event (default `system`). */
  actor?: string;
}

/** Default number of epochs created ahead of the current one. */
export const DEFAULT_EPOCHS_AHEAD = 12;
/** Default number of months of past epochs `generate()` creates. */
export const DEFAULT_EPOCHS_BACK = 24;
const MAX_EPOCHS = 2400;

/** Highest key id accepted; ids are small integers so tokens can carry them in a few bits. */
export const MAX_KEY_ID = 4095;

//#endregion

//#region secrets

interface KeyEntry {
  readonly id: number;
  readonly root: Uint8Array;
  readonly created: string;
  readonly subkeys: Map<KeyPurpose, Uint8Array>;
  readonly macs: Map<KeyPurpose, ReturnType<typeof hmac.create>>;
  /** Per-epoch keys and HMAC states, keyed `purpose/epoch`. */
  readonly epochKeys: Map<string, Uint8Array>;
  readonly epochMacs: Map<string, ReturnType<typeof hmac.create>>;
}

interface EpochEntry {
  readonly secret: Uint8Array;
  readonly created: string;
}

interface Epochs {
  readonly months: EpochMonths;
  readonly live: ReadonlyMap<EpochId, EpochEntry>;
  readonly shredded: readonly EpochId[];
  /** Month index below which everything is destroyed; -1 when nothing is. */
  readonly floor: number;
}

interface Secrets {
  readonly primary: number;
  readonly keys: ReadonlyMap<number, KeyEntry>;
  readonly epochs?: Epochs;
}

const SECRETS = /* @__PURE__ */ new WeakMap<Keyring, Secrets>();

function entry(id: number, root: Uint8Array, created: string): KeyEntry {
  return { id, root, created, subkeys: new Map(), macs: new Map(), epochKeys: new Map(), epochMacs: new Map() };
}

/** Fresh key entries (empty caches) for a new keyring, so no cache outlives a shred. */
function freshEntries(keys: ReadonlyMap<number, KeyEntry>): Map<number, KeyEntry> {
  return new Map([...keys].map(([id, e]) => [id, entry(id, e.root, e.created)]));
}


function epochMonthsOption(v: unknown, dflt: EpochMonths): EpochMonths {
  if (v === undefined) return dflt;
  if (!(EPOCH_LENGTHS as readonly unknown[]).includes(v)) throw issueError('epochMonths', 'enum');
  return v as EpochMonths;
}

function countOption(v: unknown, dflt: number, path: string): number {
  if (v === undefined) return dflt;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 1200) throw issueError(path, 'integer');
  return v;
}

function clock(v: unknown): Date {
  if (v === undefined) return new Date();
  if (!(v instanceof Date) || Number.isNaN(v.getTime())) throw issueError('now', 'type');
  return v;
}

/**
 * Epochs with fresh secrets added for every epoch from month index `from` to `to` that is
 * neither live nor destroyed.
 */
function withEpochs(e: Epochs, from: number, to: number): Epochs {
  const live = new Map(e.live);
  const dead = new Set(e.shredded);
  const created = new Date().toISOString();
  // Epoch starts are multiples of `months`, and so is the floor.
  for (let m = Math.max(from - (from % e.months), e.floor); m <= to; m += e.months) {
    const id = monthId(m);
    if (live.has(id) || dead.has(id)) continue;
    live.set(id, { secret: randomBytes(32), created });
  }
  if (live.size > MAX_EPOCHS) throw invalid('too many epochs');
  return { ...e, live: new Map([...live].sort((a, b) => (a[0] < b[0] ? -1 : 1))) };
}

function invalid(summary: string): WaybillShieldError {
  return new WaybillShieldError('INVALID_KEYRING', summary);
}

/**
 * A serialised 32-byte secret (base64url without padding) as bytes.
 * @param v - the serialised value
 * @param what - what it is, for the error summary (`key`, `epoch secret`)
 * @param fail - builds the error thrown for a malformed value
 * @returns the 32 bytes
 * @throws what `fail` returns, with the summary `<what> must be 32 bytes in base64url`; never the value
 * @internal
 */
export function decodeSecret(v: unknown, what: string, fail: (summary: string) => WaybillShieldError): Uint8Array {
  let bytes: Uint8Array | undefined;
  if (typeof v === 'string' && v.length === 43) {
    try {
      bytes = base64urlnopad.decode(v);
    } catch {
      bytes = undefined;
    }
  }
  if (bytes?.length !== 32) throw fail(`${what} must be 32 bytes in base64url`);
  return bytes;
}

/** A serialised creation time, or the epoch (1970) when it is missing or not a date. */
function createdOf(v: unknown): string {
  return typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? v : new Date(0).toISOString();
}

function secretsOf(k: unknown): Secrets {
  const s = typeof k === 'object' && k !== null ? SECRETS.get(k as Keyring) : undefined;
  if (!s) throw new WaybillShieldError('INVALID_KEYRING', 'not a Keyring made by Keyring.generate() or Keyring.fromJSON()');
  return s;
}

//#endregion

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
   * Create a keyring with one fresh 256-bit root key (key id 1) from the platform CSPRNG, and
   * independent random secrets for the retention epochs from 24 months back to 12 ahead.
   * @param opts - epoch length and which epochs to create
   * @returns a new keyring
   * @throws WaybillShieldError `INVALID_INPUT` for bad options
   * @example
   * ```ts
   * const keyring = Keyring.generate();
   * const quarterly = Keyring.generate({ epochMonths: 3 });
   * ```
   */
  static generate(opts: KeyringGenerateOptions = {}): Keyring {
    return guard('INVALID_INPUT', 'Keyring.generate: options are invalid', () => {
      const o = opts ?? {};
      const months = epochMonthsOption(o.epochMonths, 1);
      const now = monthOf(clock(o.now), 'now');
      const from = o.from === undefined ? now - DEFAULT_EPOCHS_BACK : monthOf(o.from, 'from');
      const ahead = countOption(o.ahead, DEFAULT_EPOCHS_AHEAD, 'ahead');
      const epochs = withEpochs({ months, live: new Map(), shredded: [], floor: -1 }, Math.min(from, now), now + ahead * months);
      return new Keyring({ primary: 1, keys: new Map([[1, entry(1, randomBytes(32), new Date().toISOString())]]), epochs });
    });
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
    if (d.v !== 1 && d.v !== 2) throw invalid('unsupported keyring version');
    if (!Array.isArray(d.keys) || d.keys.length === 0 || d.keys.length > 256) throw invalid('keys must be a non-empty array of at most 256 keys');
    const keys = new Map<number, KeyEntry>();
    for (const k of d.keys as unknown[]) {
      if (typeof k !== 'object' || k === null) throw invalid('each key must be an object');
      const { id, key, created } = k as Record<string, unknown>;
      if (typeof id !== 'number' || !Number.isInteger(id) || id < 1 || id > MAX_KEY_ID) throw invalid(`key id must be an integer from 1 to ${MAX_KEY_ID}`);
      if (keys.has(id)) throw invalid('duplicate key id');
      keys.set(id, entry(id, decodeSecret(key, 'key', invalid), createdOf(created)));
    }
    const primary = d.primary;
    if (typeof primary !== 'number' || !keys.has(primary)) throw invalid('primary must name a key in keys');
    if (d.v === 1) {
      if (d.epochs !== undefined) throw invalid('a version 1 keyring has no epochs');
      return new Keyring({ primary, keys });
    }
    return new Keyring({ primary, keys, epochs: Keyring.loadEpochs(d.epochs) });
  }

  private static loadEpochs(raw: unknown): Epochs {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw invalid('epochs must be an object');
    const { months, live, shredded, shreddedBefore } = raw as Record<string, unknown>;
    if (!(EPOCH_LENGTHS as readonly unknown[]).includes(months)) throw invalid('epochs.months must be 1, 2, 3, 4, 6 or 12');
    const m = months as EpochMonths;
    if (!Array.isArray(live) || live.length > MAX_EPOCHS) throw invalid('epochs.live must be an array');
    if (!Array.isArray(shredded) || shredded.length > MAX_EPOCHS) throw invalid('epochs.shredded must be an array');
    let floor = -1;
    if (shreddedBefore !== undefined) {
      const i = monthIndexOf(shreddedBefore);
      if (i === undefined) throw invalid('epochs.shreddedBefore must be YYYY-MM');
      floor = i;
    }
    const dead: EpochId[] = [];
    for (const id of shredded as unknown[]) {
      if (!isEpochId(id, m)) throw invalid('epochs.shredded must list epoch ids');
      if (dead.includes(id)) throw invalid('duplicate epoch id');
      dead.push(id);
    }
    const map = new Map<EpochId, EpochEntry>();
    for (const e of live as unknown[]) {
      if (typeof e !== 'object' || e === null) throw invalid('each epoch must be an object');
      const { id, secret, created } = e as Record<string, unknown>;
      if (!isEpochId(id, m)) throw invalid('epoch id must be YYYY-MM on an epoch boundary');
      if (map.has(id) || dead.includes(id) || monthIndexOf(id)! < floor) throw invalid('an epoch is both live and destroyed, or listed twice');
      map.set(id, { secret: decodeSecret(secret, 'epoch secret', invalid), created: createdOf(created) });
    }
    return { months: m, live: new Map([...map].sort((a, b) => (a[0] < b[0] ? -1 : 1))), shredded: dead.sort(), floor };
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
    return new Keyring({ primary: id, keys, epochs: s.epochs });
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
    return new Keyring({ primary: s.primary, keys, epochs: s.epochs });
  }

  /**
   * Create the secrets of retention epochs that do not exist yet, ahead of time. Every backend
   * instance must load a keyring that already holds the epoch it seals into (`protect` refuses
   * a missing epoch rather than invent a secret no other instance has): run this monthly, with
   * `shred`, and store the result. A keyring without epochs (version 1) gets them here.
   * @param opts - which epochs: from the current one to 12 ahead by default
   * @returns a new keyring; this one is unchanged. Destroyed epochs are never re-created.
   * @throws WaybillShieldError `INVALID_INPUT` for bad options
   * @example
   * ```ts
   * const next = keyring.ensureEpochs({ ahead: 12 });
   * await secretStore.put('waybill-shield', JSON.stringify(next.export()));
   * ```
   */
  ensureEpochs(opts: EnsureEpochsOptions = {}): Keyring {
    return guard('INVALID_INPUT', 'ensureEpochs: options are invalid', () => {
      const s = secretsOf(this);
      const o = opts ?? {};
      const base: Epochs = s.epochs ?? { months: epochMonthsOption(o.epochMonths, 1), live: new Map(), shredded: [], floor: -1 };
      const now = monthOf(clock(o.now), 'now');
      const from = o.from === undefined ? now : monthOf(o.from, 'from');
      const to = o.through === undefined ? now + countOption(o.ahead, DEFAULT_EPOCHS_AHEAD, 'ahead') * base.months : monthOf(o.through, 'through');
      // Fresh caches: another keyring made from this one may hold a different secret for an
      // epoch created here, and per-epoch keys are cached on the key entries.
      return new Keyring({ primary: s.primary, keys: freshEntries(s.keys), epochs: withEpochs(base, from, to) });
    });
  }

  /**
   * Crypto-shredding: destroy the secret of every retention epoch that ends on or before the
   * start of `before`'s month. Everything sealed or indexed in those epochs, in the database and
   * in every backup or copy of it, can no longer be opened or linked by anyone holding the new
   * keyring. Write the result over every stored copy of the keyring (see docs/retention.md).
   * @param opts - `before` (a `Date` or `'YYYY-MM'`), and an audit target for the event
   * @returns a new keyring without those secrets; this one is unchanged (drop it)
   * @throws WaybillShieldError `INVALID_INPUT` for a bad `before`; `INVALID_KEYRING` for a
   *   keyring without epochs; `AUDIT_FAILED` from the audit target
   * @example
   * ```ts
   * const next = keyring.shred({ before: '2026-03', audit, actor: 'ops-retention' });
   * ```
   */
  shred(opts: ShredOptions): Keyring {
    return guard('INVALID_INPUT', 'shred: options are invalid', () => {
      const s = secretsOf(this);
      if (typeof opts !== 'object' || opts === null) throw issueError('before', 'required');
      const before = monthOf(opts.before, 'before');
      const actor = opts.actor ?? 'system';
      if (typeof actor !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/.test(actor)) throw issueError('actor', 'format');
      const e = s.epochs;
      if (!e) throw invalid('this keyring has no retention epochs; nothing can be shredded');
      const live = new Map<EpochId, EpochEntry>();
      const destroyed: EpochId[] = [];
      for (const [id, ep] of e.live) {
        if (monthIndexOf(id)! + e.months <= before) destroyed.push(id);
        else live.set(id, ep);
      }
      // The floor only moves forward, to the start of the first epoch kept whole.
      const boundary = before - (before % e.months);
      const floor = Math.max(e.floor, boundary);
      const shredded = [...new Set([...e.shredded, ...destroyed])].sort();
      const next = new Keyring({ primary: s.primary, keys: freshEntries(s.keys), epochs: { months: e.months, live, shredded, floor } });
      for (const id of destroyed) opts.audit?.append(shredAuditEvent(actor, id));
      return next;
    });
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
    const keys = [...s.keys.values()].map((k) => ({ id: k.id, key: base64urlnopad.encode(k.root), created: k.created }));
    if (!s.epochs) return { v: 1, primary: s.primary, keys };
    const e = s.epochs;
    const epochs: KeyringEpochsJSON = {
      months: e.months,
      live: [...e.live].map(([id, ep]) => ({ id, secret: base64urlnopad.encode(ep.secret), created: ep.created })),
      shredded: [...e.shredded],
    };
    if (e.floor >= 0) epochs.shreddedBefore = monthId(e.floor);
    return { v: 2, primary: s.primary, keys, epochs };
  }

  /** The retention epochs, without secrets; undefined for a keyring without epochs. */
  get epochs(): KeyringEpochsInfo | undefined {
    const e = secretsOf(this).epochs;
    if (!e) return undefined;
    const info: KeyringEpochsInfo = { months: e.months, live: [...e.live.keys()], shredded: [...e.shredded] };
    if (e.floor >= 0) info.shreddedBefore = monthId(e.floor);
    return info;
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
    const epochs = this.epochs;
    return epochs ? { primary: this.primary, keyIds: this.keyIds, epochs } : { primary: this.primary, keyIds: this.keyIds };
  }

  /** Secret-free form for string contexts. */
  toString(): string {
    const e = this.epochs;
    const ep = e ? `, epochs=${e.live.length} live ${e.live[0] ?? '-'}..${e.live.at(-1) ?? '-'}, ${e.shredded.length} shredded` : '';
    return `Keyring(primary=${this.primary}, keys=${this.keyIds.join(',')}${ep})`;
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

//#region retention epochs (internal)

/**
 * The audit event recording one destroyed epoch: action `keys.shred`, waybill id `keyring`,
 * purpose `retention`, reason `epoch-YYYY-MM`.
 * @internal
 */
export function shredAuditEvent(actor: string, epoch: EpochId): AuditEvent {
  return { actor, action: 'keys.shred', waybillId: 'keyring', fields: [], purpose: 'retention', outcome: 'ok', reason: `epoch-${epoch}` };
}

/** Where an epoch stands in a keyring. @internal */
export type EpochState = 'live' | 'shredded' | 'missing' | 'none';

/**
 * `none` when the keyring has no epochs at all; `shredded` when the epoch was destroyed (listed,
 * or before the shred floor); `missing` when it was never created.
 * @internal
 */
export function epochState(keyring: Keyring, epoch: EpochId): EpochState {
  const e = secretsOf(keyring).epochs;
  if (!e) return 'none';
  if (e.live.has(epoch)) return 'live';
  const i = monthIndexOf(epoch);
  if (i !== undefined && (i < e.floor || e.shredded.includes(epoch))) return 'shredded';
  return 'missing';
}

/** The epoch length, or undefined without epochs. @internal */
export function epochMonthsOf(keyring: Keyring): EpochMonths | undefined {
  return secretsOf(keyring).epochs?.months;
}

/** Live epoch ids, newest first. @internal */
export function liveEpochs(keyring: Keyring): EpochId[] {
  const e = secretsOf(keyring).epochs;
  return e ? [...e.live.keys()].reverse() : [];
}

/**
 * The cached per-epoch key for a root key and purpose: HKDF over the epoch secret, salted with
 * the root key's purpose subkey, so opening needs both the root key and the epoch secret.
 * @internal
 */
export function epochSubkey(keyring: Keyring, purpose: EpochPurpose, keyId: number | undefined, epoch: EpochId): { id: number; key: Uint8Array } | undefined {
  const s = secretsOf(keyring);
  const k = s.keys.get(keyId ?? s.primary);
  const ep = s.epochs?.live.get(epoch);
  if (!k || !ep) return undefined;
  const name = `${purpose}/${epoch}`;
  let key = k.epochKeys.get(name);
  if (!key) {
    key = deriveEpochKey(subkey(keyring, purpose, k.id)!.key, ep.secret, purpose, k.id, epoch);
    k.epochKeys.set(name, key);
  }
  return { id: k.id, key };
}

/** HMAC-SHA256 under a per-epoch key, its keyed state cached like {@link purposeMac}. @internal */
export function epochMac(keyring: Keyring, purpose: EpochPurpose, keyId: number | undefined, epoch: EpochId, ...parts: Uint8Array[]): { id: number; mac: Uint8Array } | undefined {
  const s = secretsOf(keyring);
  const k = s.keys.get(keyId ?? s.primary);
  if (!k) return undefined;
  const name = `${purpose}/${epoch}`;
  let base = k.epochMacs.get(name);
  if (!base) {
    const sk = epochSubkey(keyring, purpose, k.id, epoch);
    if (!sk) return undefined;
    base = hmac.create(sha256, sk.key);
    k.epochMacs.set(name, base);
  }
  const h = base.clone();
  for (const p of parts) h.update(p);
  return { id: k.id, mac: h.digest() };
}

//#endregion
