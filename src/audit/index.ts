/**
 * Audit: the hash chain, the in-memory sink and the shared event types. The file sink is on
 * `waybill-shield/node`.
 * @module
 */
export { AuditChain, AUDIT_GENESIS, auditRecordHash } from './chain.js';
export type { AuditChainOptions, AuditHead, AuditProblem, AuditVerifyOptions, AuditVerifyResult } from './chain.js';
export { MemoryAuditSink } from './sinks.js';
export type { AuditAction, AuditEvent, AuditOutcome, AuditRecord, AuditSink, AuditTarget } from './types.js';
