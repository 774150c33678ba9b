/**
 * Argument checks shared by ledger implementations. Ledger key names are built from these
 * values, so they are checked before they reach a key (no `{`, `}` or `:` injection).
 * @module
 * @internal
 */
import { issueError } from '../errors.js';
import { isIdentifier } from '../reveal/_ids.js';
import type { FailureScope } from './types.js';

const TOKEN_ID_RE = /^[0-9a-f]{32}$/;
/** Longest TTL a ledger accepts: 400 days. */
export const MAX_TTL_MS = 400 * 86_400_000;


/** @internal */
export function checkWaybillId(id: unknown): asserts id is string {
  if (!isIdentifier(id)) throw issueError('waybillId', 'format');
}

/** @internal */
export function checkTokenId(id: unknown): asserts id is string {
  if (typeof id !== 'string' || !TOKEN_ID_RE.test(id)) throw issueError('tokenId', 'format');
}

/** @internal */
export function checkScope(s: unknown): asserts s is FailureScope {
  if (s !== 'reveal' && s !== 'pin' && s !== 'caller') throw issueError('scope', 'enum');
}

/** @internal */
export function checkCount(n: unknown, path: string): asserts n is number {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 1_000_000_000) throw issueError(path, 'integer');
}

/** @internal */
export function checkTtl(ms: unknown, path = 'ttlMs'): asserts ms is number {
  if (typeof ms !== 'number' || !Number.isInteger(ms) || ms < 1 || ms > MAX_TTL_MS) throw issueError(path, 'integer');
}
