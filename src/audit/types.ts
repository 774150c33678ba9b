/**
 * Audit event types shared by `unseal`, `reveal`, token redemption and the hash chain.
 * An event names who did what to which waybill's which fields, why, and how it ended.
 * It never holds a value, a token or a key.
 * @module
 */
import type { SealedField } from '../schema.js';

/** What happened. */
export type AuditAction = 'unseal' | 'reveal' | 'token.issue' | 'token.redeem' | 'token.revoke' | 'pin.verify' | 'caller.verify';

/** How it ended. */
export type AuditOutcome = 'ok' | 'denied' | 'error';

/** One audit event, before the chain numbers and hashes it. */
export interface AuditEvent {
  /** Staff or courier id (an identifier, never a person's name). */
  actor: string;
  action: AuditAction;
  waybillId: string;
  fields: readonly SealedField[];
  /** Purpose code given by the actor (unseal), if any. */
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
