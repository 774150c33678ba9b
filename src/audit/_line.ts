/**
 * Reading one audit record back from its JSONL line. A line counts as a record only when it is
 * exactly what `JSON.stringify` wrote for it: that refuses a duplicated key (which `JSON.parse`
 * would silently collapse), a field outside the canonical set, and re-spaced or re-ordered
 * lines, none of which the hash covers.
 * @module
 * @internal
 */

/** The keys of a stored record, in the order `AuditChain` writes them. */
export const AUDIT_RECORD_KEYS = /* @__PURE__ */ Object.freeze(['seq', 'at', 'actor', 'action', 'waybillId', 'fields', 'purpose', 'outcome', 'reason', 'prev', 'hash'] as const);

/**
 * Parse one line of an audit file.
 * @param line - the line, without its newline (a trailing `\r` is tolerated)
 * @returns the parsed record, or `null` when the line is not a canonical record line
 * @internal
 */
export function parseAuditLine(line: string): unknown {
  const text = line.endsWith('\r') ? line.slice(0, -1) : line;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const keys = Object.keys(value);
  if (keys.length !== AUDIT_RECORD_KEYS.length || keys.some((k, i) => k !== AUDIT_RECORD_KEYS[i])) return null;
  // Same keys in the same order, so any difference left is a duplicated key or foreign spacing.
  return JSON.stringify(value) === text ? value : null;
}
