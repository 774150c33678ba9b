/**
 * `waybill-shield/node`: the parts that need Node built-ins. Today that is the JSONL audit file sink.
 * @module
 */
export { JsonlAuditSink } from './audit/jsonl.js';
export type { JsonlAuditSinkOptions } from './audit/jsonl.js';
