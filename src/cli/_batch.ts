/**
 * The unit of work of `protect`: a batch of input items in, NDJSON lines and reject records out.
 * Runs on the main thread or in a worker thread; either way it is the same function.
 * @module
 * @internal
 */
import { WaybillShieldError, type ErrorCode, type Issue } from '../errors.js';
import { protect } from '../protect.js';
import type { Keyring } from '../keys/keyring.js';
import type { MaskPolicy } from '../policy.js';
import type { InputItem } from './_records.js';

/** One rejected row: where it was and why. Never a value. */
export interface RejectRecord {
  row: number;
  line?: number;
  code: ErrorCode;
  issues: Issue[];
}

/** What a batch produced. */
export interface BatchResult {
  /** NDJSON lines of protected waybills, each ending in a newline, joined. */
  out: string;
  /** Protected count. */
  ok: number;
  rejects: RejectRecord[];
}

/**
 * Protect a batch of input items.
 * @param items - items read from the input
 * @param keyring - the keyring
 * @param policy - the mask policy, if any
 * @returns output lines and rejects, in input order
 */
export function protectBatch(items: readonly InputItem[], keyring: Keyring, policy: MaskPolicy | undefined): BatchResult {
  let out = '';
  let ok = 0;
  const rejects: RejectRecord[] = [];
  const reject = (item: InputItem, code: ErrorCode, issues: readonly Issue[]) => {
    const mapped = issues.map((i) => ({ path: i.path, rule: i.rule }));
    rejects.push(item.line === undefined ? { row: item.row, code, issues: mapped } : { row: item.row, line: item.line, code, issues: mapped });
  };
  for (const item of items) {
    if ('error' in item) {
      reject(item, item.error.code, item.error.issues);
      continue;
    }
    try {
      const p = policy === undefined ? protect(item.value, { keyring }) : protect(item.value, { keyring, policy });
      out += `${JSON.stringify(p)}\n`;
      ok++;
    } catch (e) {
      if (e instanceof WaybillShieldError) reject(item, e.code, e.issues);
      else reject(item, 'INVALID_INPUT', [{ path: '', rule: 'invalid' }]);
    }
  }
  return { out, ok, rejects };
}
