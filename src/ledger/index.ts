/**
 * Reveal ledgers for the core entry: the contract and the embedded `MemoryLedger`.
 * `RedisLedger` is on its own subpath, `waybill-shield/redis`.
 * @module
 */
export { MemoryLedger, MEMORY_LEDGER_DEFAULT_MAX_ENTRIES } from './memory.js';
export type { MemoryLedgerOptions } from './memory.js';
export type { RevealLedger, FailureScope, AcquireResult, ConsumeResult, ConsumeOptions, LedgerCheck } from './types.js';
