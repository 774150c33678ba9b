/**
 * Reveal ledgers for the core entry: the contract and the embedded `MemoryLedger`.
 * `RedisLedger` is on its own subpath, `waybill-shield/redis`.
 * @module
 */
export { MemoryLedger } from './memory.js';
export type { MemoryLedgerOptions } from './memory.js';
export type { RevealLedger, FailureScope, AcquireResult, ConsumeResult, ConsumeOptions, LedgerCheck } from './types.js';
