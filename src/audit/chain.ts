/**
 * `AuditChain`: a hash-chained, verifiable audit log. Each record holds an event (who, action,
 * waybill, fields, purpose, outcome, reason code; never a value) plus the SHA-256 (FIPS 180-4)
 * of the previous record, so altering, removing or reordering any record breaks the chain from
 * that point on.
 *
 * Canonical form hashed: the UTF-8 of `"waybill-shield/audit/v1\n"` followed by the JSON array
 * `[seq, at, actor, action, waybillId, fields, purpose, outcome, reason, prev]`. Every value in it
 * is a number, an identifier-like string, null or an array of field paths, so `JSON.stringify`
 * is deterministic.
 *
 * The chain proves order and integrity relative to a known head: someone able to rewrite the
 * whole log can rebuild it. Keep the latest `head.hash` somewhere else (a database row, a
 * periodic log line) and pass it to `verify({ head })` to detect truncation or rewriting.
 * @module
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { guard, issueError, WaybillShieldError } from '../errors.js';
import { SEALED_FIELDS } from '../_fields.js';
import { isActor, isIdentifier, isPurpose } from '../reveal/_ids.js';
import { MemoryAuditSink } from './sinks.js';
import { AUDIT_RECORD_KEYS } from './_line.js';
import type { AuditAction, AuditEvent, AuditOutcome, AuditRecord, AuditSink, AuditTarget } from './types.js';

/** `prev` of the first record. */
export const AUDIT_GENESIS = '0'.repeat(64);

const PREFIX = 'waybill-shield/audit/v1\n';
const ACTIONS: ReadonlySet<string> = /* @__PURE__ */ new Set<AuditAction>(['unseal', 'reveal', 'token.issue', 'token.redeem', 'token.revoke', 'pin.verify', 'caller.verify', 'audit-repair', 'keys.shred', 'forget']);
const OUTCOMES: ReadonlySet<string> = /* @__PURE__ */ new Set<AuditOutcome>(['ok', 'denied', 'error']);
const FIELDS: ReadonlySet<string> = /* @__PURE__ */ new Set(SEALED_FIELDS);
// Codes, not prose: free text could carry a customer's name or number into the log.
const REASON_RE = /^[a-z][a-z0-9-]{1,31}$/;
const HASH_RE = /^[0-9a-f]{64}$/;
const AT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const KEYS: readonly string[] = AUDIT_RECORD_KEYS;
/** Where a chain starts or continues: the last record's `seq` and `hash`. */
export interface AuditHead {
  /** `seq` of the last record; -1 for an empty chain. */
  seq: number;
  hash: string;
}

/** Options for {@link AuditChain}. */
export interface AuditChainOptions {
  /** Sinks written in order; default one `MemoryAuditSink`. */
  sinks?: AuditSink | readonly AuditSink[];
  /** Clock (default `() => new Date()`). */
  clock?: () => Date;
  /** Continue after this head. Default: the first sink's `last()` record, else a new chain. */
  resume?: AuditHead;
}

/** Options for {@link AuditChain.verify}. */
export interface AuditVerifyOptions {
  /** The head the records continue from (default: a new chain, seq 0 after the genesis hash). */
  from?: AuditHead;
  /** The expected hash of the last record, kept elsewhere: detects truncation and rewriting. */
  head?: string;
}

/** What is wrong at the first bad position. */
export type AuditProblem = 'malformed' | 'broken' | 'missing' | 'reordered';

/** Result of verifying a chain. */
export type AuditVerifyResult =
  | { ok: true; count: number; head: AuditHead }
  | {
      ok: false;
      /** Index in the input of the first bad record (the input length when records are missing at the end). */
      index: number;
      /** The seq expected at that position. */
      seq: number;
      problem: AuditProblem;
    };

function fail(rule: string, path: string): WaybillShieldError {
  return issueError(path, rule, 'AUDIT_FAILED');
}

/** The record's hash: SHA-256 over the canonical form. */
export function auditRecordHash(r: Omit<AuditRecord, 'hash'>): string {
  const canonical = JSON.stringify([r.seq, r.at, r.actor, r.action, r.waybillId, r.fields, r.purpose, r.outcome, r.reason, r.prev]);
  return bytesToHex(sha256(utf8ToBytes(PREFIX + canonical)));
}

function checkEvent(e: AuditEvent): void {
  if (typeof e !== 'object' || e === null) throw fail('type', '');
  if (!isActor(e.actor)) throw fail('format', 'actor');
  if (!ACTIONS.has(e.action)) throw fail('enum', 'action');
  if (!isIdentifier(e.waybillId)) throw fail('format', 'waybillId');
  if (!Array.isArray(e.fields) || e.fields.length > SEALED_FIELDS.length) throw fail('type', 'fields');
  for (const f of e.fields) if (!FIELDS.has(f)) throw fail('enum', 'fields');
  if (e.purpose !== undefined && !isPurpose(e.purpose)) throw fail('format', 'purpose');
  if (!OUTCOMES.has(e.outcome)) throw fail('enum', 'outcome');
  if (e.reason !== undefined && (typeof e.reason !== 'string' || !REASON_RE.test(e.reason))) throw fail('format', 'reason');
}

function wellFormed(r: unknown): r is AuditRecord {
  if (typeof r !== 'object' || r === null) return false;
  const x = r as Record<string, unknown>;
  // Exactly the canonical fields: anything else is not covered by the hash, so it could carry
  // a value (a phone number) past verification.
  const keys = Object.keys(x);
  if (keys.length !== KEYS.length || !KEYS.every((k) => Object.hasOwn(x, k))) return false;
  return (
    typeof x.seq === 'number' &&
    Number.isSafeInteger(x.seq) &&
    x.seq >= 0 &&
    typeof x.at === 'string' &&
    AT_RE.test(x.at) &&
    isActor(x.actor) &&
    typeof x.action === 'string' &&
    ACTIONS.has(x.action) &&
    isIdentifier(x.waybillId) &&
    Array.isArray(x.fields) &&
    x.fields.every((f) => typeof f === 'string' && FIELDS.has(f)) &&
    (x.purpose === null || isPurpose(x.purpose)) &&
    typeof x.outcome === 'string' &&
    OUTCOMES.has(x.outcome) &&
    (x.reason === null || (typeof x.reason === 'string' && REASON_RE.test(x.reason))) &&
    typeof x.prev === 'string' &&
    HASH_RE.test(x.prev) &&
    typeof x.hash === 'string' &&
    HASH_RE.test(x.hash)
  );
}

/**
 * A hash-chained audit log. Pass it as `audit` to `unseal`, `reveal`, `redeemRevealToken`,
 * `verifyDeliveryPin`, … : it is an `AuditTarget`.
 *
 * @example
 * ```ts
 * const audit = new AuditChain({ sinks: new JsonlAuditSink('/var/log/waybill-audit.jsonl', { fsync: true }) });
 * unseal(record, 'recipient.phone', { keyring, actor: 'cs-17', purpose: 'complaint-callback', audit });
 * audit.verify(); // { ok: true, count: 1, head: { seq: 0, hash: '…' } }
 * ```
 */
export class AuditChain implements AuditTarget {
  readonly #sinks: readonly AuditSink[];
  readonly #clock: () => Date;
  #head: AuditHead;

  /**
   * @param opts - sinks, clock, and where to resume
   * @throws WaybillShieldError `AUDIT_FAILED` for a bad `resume` head or a sink whose last record is malformed
   */
  constructor(options: AuditChainOptions = {}) {
    // Read the options once, so a getter or proxy that throws becomes AUDIT_FAILED.
    const opts = guard('AUDIT_FAILED', 'AuditChain: options must be an object', () => {
      if (options === null || typeof options !== 'object') throw new WaybillShieldError('AUDIT_FAILED', 'AuditChain: options must be an object');
      return { sinks: options.sinks, clock: options.clock, resume: options.resume };
    });
    const sinks = opts.sinks === undefined ? [new MemoryAuditSink()] : Array.isArray(opts.sinks) ? [...opts.sinks] : [opts.sinks as AuditSink];
    if (sinks.length === 0) throw fail('required', 'sinks');
    this.#sinks = Object.freeze(sinks);
    this.#clock = opts.clock ?? (() => new Date());
    let head: AuditHead = { seq: -1, hash: AUDIT_GENESIS };
    if (opts.resume !== undefined) {
      head = opts.resume;
    } else {
      const last = sinks[0]!.last?.();
      if (last !== undefined) {
        if (!wellFormed(last)) throw fail('format', 'resume');
        head = { seq: last.seq, hash: last.hash };
      }
    }
    if (!Number.isSafeInteger(head.seq) || head.seq < -1 || typeof head.hash !== 'string' || !HASH_RE.test(head.hash)) throw fail('format', 'resume');
    this.#head = { seq: head.seq, hash: head.hash };
    // A sink that repaired its file on open (a torn last line moved aside) has that said first,
    // in the chain itself, with the number of bytes moved.
    for (const sink of sinks) {
      const repair = guard('AUDIT_FAILED', 'an audit sink could not report its repair', () => sink.takeRepair?.());
      if (repair !== undefined && Number.isSafeInteger(repair.bytes) && repair.bytes > 0) {
        this.append({ actor: 'system', action: 'audit-repair', waybillId: 'audit-log', fields: [], outcome: 'ok', reason: `torn-bytes-${repair.bytes}` });
      }
    }
  }

  /** The last record's seq and hash (seq -1 and the genesis hash when empty). Keep it elsewhere too. */
  get head(): AuditHead {
    return { ...this.#head };
  }

  /**
   * Number, hash and write one event.
   *
   * @param event - the event; identifiers and codes only
   * @returns the stored record
   * @throws WaybillShieldError `AUDIT_FAILED` for an event that is not made of identifiers and
   *   codes (the chain refuses anything that could hold a value), or when a sink fails to write
   * @example
   * ```ts
   * chain.append({ actor: 'cs-17', action: 'unseal', waybillId: 'GHN1', fields: ['recipient.phone'], purpose: 'complaint-callback', outcome: 'ok' });
   * ```
   */
  append(input: AuditEvent): AuditRecord {
    // Snapshot the event once: a getter or proxy that throws, or changes between reads, cannot
    // put one thing in the hash and another in the sink.
    const event = guard('AUDIT_FAILED', 'the audit event is malformed', () => {
      checkEvent(input);
      const copy: AuditEvent = { actor: input.actor, action: input.action, waybillId: input.waybillId, fields: [...input.fields], outcome: input.outcome };
      if (input.purpose !== undefined) copy.purpose = input.purpose;
      if (input.reason !== undefined) copy.reason = input.reason;
      checkEvent(copy);
      return copy;
    });
    const at = this.#clock();
    if (!(at instanceof Date) || Number.isNaN(at.getTime())) throw fail('type', 'clock');
    const body: Omit<AuditRecord, 'hash'> = {
      seq: this.#head.seq + 1,
      at: at.toISOString(),
      actor: event.actor,
      action: event.action,
      waybillId: event.waybillId,
      fields: [...event.fields],
      purpose: event.purpose ?? null,
      outcome: event.outcome,
      reason: event.reason ?? null,
      prev: this.#head.hash,
    };
    const record: AuditRecord = Object.freeze({ ...body, hash: auditRecordHash(body) }) as AuditRecord;
    Object.freeze(record.fields);
    // The head moves even when a sink fails: the record exists in the sinks that took it, and a
    // sink that missed it shows a gap on verify rather than silently diverging.
    this.#head = { seq: record.seq, hash: record.hash };
    for (const sink of this.#sinks) {
      try {
        sink.write(record);
      } catch (e) {
        throw new WaybillShieldError('AUDIT_FAILED', 'an audit sink could not write', { cause: e instanceof WaybillShieldError ? e : undefined });
      }
    }
    return record;
  }

  /**
   * Verify the records held by the first sink that can read them back.
   *
   * @param opts - where the records start and the expected head
   * @returns `{ ok: true, count, head }`, or the first bad position and its problem
   * @throws WaybillShieldError `AUDIT_FAILED` when no sink can read
   * @example
   * ```ts
   * const r = chain.verify();
   * if (!r.ok) alert(`audit chain ${r.problem} at seq ${r.seq}`);
   * ```
   */
  verify(opts: AuditVerifyOptions = {}): AuditVerifyResult {
    const sink = this.#sinks.find((s) => typeof s.read === 'function');
    if (!sink) throw fail('required', 'sinks');
    return AuditChain.verify(sink.read!(), opts);
  }

  /**
   * Verify a sequence of records: each well formed, numbered without gaps, hashing to its
   * `hash`, and linked to the one before. Reports the first problem:
   * `malformed` (not a record), `broken` (content altered or link to the previous record wrong),
   * `missing` (a seq skipped, or the records end before `opts.head`), `reordered` (a seq that
   * comes later or earlier than its place, including duplicates).
   *
   * @param records - the records, oldest first
   * @param opts - where the records start and the expected head
   * @returns `{ ok: true, count, head }` or `{ ok: false, index, seq, problem }`
   * @example
   * ```ts
   * const r = AuditChain.verify(new JsonlAuditSink(path).read(), { head: storedHead });
   * ```
   */
  static verify(records: Iterable<unknown>, opts: AuditVerifyOptions = {}): AuditVerifyResult {
    return guard('AUDIT_FAILED', 'AuditChain.verify: records are not readable', () => {
      const list = Array.isArray(records) ? (records as unknown[]) : [...records];
      let expectSeq = opts.from ? opts.from.seq + 1 : 0;
      let prev = opts.from ? opts.from.hash : AUDIT_GENESIS;
      for (let i = 0; i < list.length; i++) {
        const r = list[i];
        const bad = (problem: AuditProblem): AuditVerifyResult => ({ ok: false, index: i, seq: expectSeq, problem });
        if (!wellFormed(r)) return bad('malformed');
        if (r.seq !== expectSeq) {
          if (r.seq < expectSeq) return bad('reordered');
          // A later seq here: reordered if the expected one still comes, missing if it never does.
          const comesLater = list.slice(i + 1).some((x) => typeof x === 'object' && x !== null && (x as { seq?: unknown }).seq === expectSeq);
          return bad(comesLater ? 'reordered' : 'missing');
        }
        const { hash, ...body } = r;
        if (auditRecordHash(body) !== hash || r.prev !== prev) return bad('broken');
        prev = r.hash;
        expectSeq++;
      }
      if (opts.head !== undefined && opts.head !== prev) return { ok: false, index: list.length, seq: expectSeq, problem: 'missing' };
      return { ok: true, count: list.length, head: { seq: expectSeq - 1, hash: prev } };
    });
  }
}
