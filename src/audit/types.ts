/**
 * Audit event types shared by `unseal`, `reveal`, token redemption and the hash chain.
 * An event names who did what to which waybill's which fields, why, and how it ended.
 * It never holds a value, a token or a key.
 * @module
 */
import type { SealedField } from '../schema.js';

/**
 * What happened. `audit-repair` is written by the chain itself when its file sink had to move a
 * torn last line aside on open (`reason` says how many bytes: `torn-bytes-57`). `keys.shred` records
 * the retention epochs a keyring shred destroyed; `forget` one record's sealed fields stripped.
 */
export type AuditAction = 'unseal' | 'reveal' | 'token.issue' | 'token.redeem' | 'token.revoke' | 'pin.verify' | 'caller.verify' | 'audit-repair' | 'keys.shred' | 'forget';

/** How it ended. */
export type AuditOutcome = 'ok' | 'denied' | 'error';

/** One audit event, before the chain numbers and hashes it. */
export interface AuditEvent {
  /**
   * Staff, courier or service id: an opaque identifier (`cs-17`, `courier-042`, `svc:intake`),
   * never a person's name or phone number. Letters, digits and `._:-`, at most 64 characters,
   * and no run of 7 or more digits even across separators (`0901-234-567` is refused).
   */
  actor: string;
  action: AuditAction;
  waybillId: string;
  fields: readonly SealedField[];
  /** Purpose code given by the actor (unseal), if any: lowercase code, no run of 4 digits even across separators. */
  purpose?: string;
  outcome: AuditOutcome;
  /** Typed reason for a refusal (e.g. `bad-tag`); never input text. */
  reason?: string;
}

/** Anything that accepts audit events: an `AuditChain`, or a caller's own adapter. */
export interface AuditTarget {
  /** Record an event. Must not throw for a valid event; may persist asynchronously. */
  append(event: AuditEvent): unknown;
}

/** One record of an {@link AuditEvent} as the hash chain stores it. Plain JSON. */
export interface AuditRecord {
  /** Position in the chain, from 0, without gaps. */
  seq: number;
  /** When it was appended (ISO 8601, UTC). */
  at: string;
  actor: string;
  action: AuditAction;
  waybillId: string;
  fields: SealedField[];
  /** Purpose code, or null. */
  purpose: string | null;
  outcome: AuditOutcome;
  /** Reason code, or null. */
  reason: string | null;
  /** `hash` of the previous record; 64 zeros for the first. */
  prev: string;
  /** SHA-256 (hex) of the canonical record, `prev` included. */
  hash: string;
}

/** Where an `AuditChain` writes its records. `write` must be synchronous and throw on failure. */
export interface AuditSink {
  /** Persist one record. */
  write(record: AuditRecord): void;
  /** Every stored record, oldest first (for `AuditChain#verify`). May yield malformed entries. */
  read?(): Iterable<unknown>;
  /** The newest stored record, so a new chain can continue where the sink ends. */
  last?(): AuditRecord | undefined;
  /**
   * A repair the sink made when it opened (e.g. a torn last line moved aside), reported once:
   * the chain then writes an `audit-repair` record first. Later calls return undefined.
   */
  takeRepair?(): { bytes: number } | undefined;
}
