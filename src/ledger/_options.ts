/**
 * Checks the optional {@link ConsumeOptions} argument of `RevealLedger.consume`, shared by the
 * ledger implementations.
 * @module
 * @internal
 */
import { issueError } from '../errors.js';
import { checkCount, checkScope } from './_args.js';
import type { ConsumeOptions, FailureScope } from './types.js';

/** Consume options after checking: defaults applied. */
export interface CheckedConsumeOptions {
  lock: { scope: FailureScope; maxFailures: number } | undefined;
  revocable: boolean;
}

/**
 * @param opts - the caller's options, or undefined
 * @returns checked options with defaults
 * @throws WaybillShieldError `INVALID_INPUT` for a bad lock or `revocable`
 */
export function checkConsumeOptions(opts: ConsumeOptions | undefined): CheckedConsumeOptions {
  if (opts === undefined) return { lock: undefined, revocable: true };
  if (opts === null || typeof opts !== 'object') throw issueError('opts', 'type');
  const { lock, revocable = true } = opts;
  if (typeof revocable !== 'boolean') throw issueError('revocable', 'type');
  if (lock === undefined) return { lock: undefined, revocable };
  if (lock === null || typeof lock !== 'object') throw issueError('lock', 'type');
  checkScope(lock.scope);
  checkCount(lock.maxFailures, 'lock.maxFailures');
  return { lock: { scope: lock.scope, maxFailures: lock.maxFailures }, revocable };
}
