/**
 * zod issues to the project's own `{ path, rule }` issues. Shared by every schema (waybill, mask
 * policy, label options) without importing any of them. Issue messages never leave this module:
 * only the rule names do, so error text stays the project's whatever zod locale is (or is not)
 * loaded.
 * @module
 * @internal
 */
import * as z from 'zod/mini';
import type { Issue } from './errors.js';

/** Message given to a missing (undefined) value, so `required` is told apart from a wrong type. */
const MISSING = 'received undefined';

/**
 * Parse options for every `safeParse`: a per-parse error map that marks missing values, so the
 * rules below do not depend on a zod locale being loaded (`zod/mini` loads none).
 * @internal
 */
export const ISSUE_PARSE_OPTIONS = {
  error: (iss: { code?: string; input?: unknown }): string => (iss.code === 'invalid_type' && iss.input === undefined ? MISSING : 'invalid'),
};

/** The fields of a zod issue the conversion reads. @internal */
export type ZodIssueLike = { code: string; path: PropertyKey[]; message?: string; params?: Record<string, unknown>; input?: unknown; origin?: string; format?: string; minimum?: unknown };

function ruleOf(i: ZodIssueLike): string {
  switch (i.code) {
    case 'invalid_type':
      // zod keeps the input out of issues; ISSUE_PARSE_OPTIONS (or zod's English locale) says it was missing.
      return typeof i.message === 'string' && i.message.endsWith('received undefined') ? 'required' : 'type';
    case 'too_big':
      return i.origin === 'string' ? 'too_long' : 'too_big';
    case 'too_small':
      return i.origin === 'string' ? (i.minimum === 1 ? 'required' : 'too_short') : 'too_small';
    case 'unrecognized_keys':
      return 'unknown_key';
    case 'invalid_format':
      return 'format';
    case 'invalid_value':
      return 'enum';
    case 'custom':
      return typeof i.params?.rule === 'string' ? i.params.rule : 'invalid';
    default:
      return 'invalid';
  }
}

/**
 * Convert zod issues to `{ path, rule }`. Only schema-defined path segments are kept: a path
 * never includes an unknown key's name, since key names are input too.
 * @internal
 */
export function toIssues(issues: readonly ZodIssueLike[]): Issue[] {
  const out: Issue[] = [];
  const seen = new Set<string>();
  for (const i of issues) {
    const path = i.path.map((p) => (typeof p === 'number' ? String(p) : typeof p === 'string' ? p : '?')).join('.');
    const rule = ruleOf(i);
    const key = `${path}\u0000${rule}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ path, rule });
  }
  return out;
}

/**
 * Record a project rule as a custom issue (zod/mini transforms get the raw parse payload) and end
 * the transform.
 * @param ctx - the transform's payload
 * @param rule - the rule id
 * @returns `z.NEVER`, for the transform to return
 * @internal
 */
export function fail(ctx: z.core.ParsePayload, rule: string): never {
  flag(ctx, rule);
  return z.NEVER;
}

/**
 * Record a project rule as a custom issue and carry on checking.
 * @param ctx - the transform's payload
 * @param rule - the rule id
 * @internal
 */
export function flag(ctx: z.core.ParsePayload, rule: string): void {
  ctx.issues.push({ code: 'custom', params: { rule }, input: ctx.value });
}

/**
 * A whole number from `min` to `max`, as one transform over `z.number()` instead of `z.int()` and
 * two bound checks (three zod classes a bundle no longer ships). The rules are the ones those
 * checks give: `type` for a number that is not a whole number (or not finite), then `too_small`
 * or `too_big`; a missing value is still `required` (see {@link ISSUE_PARSE_OPTIONS}).
 * @param min - smallest accepted value
 * @param max - largest accepted value
 * @returns the schema
 * @example
 * ```ts
 * const quantity = intRange(1, 1_000_000);
 * ```
 * @internal
 */
export function intRange(min: number, max: number) {
  return z.pipe(
    z.number(),
    z.transform((n: number, ctx) => (!Number.isInteger(n) ? fail(ctx, 'type') : n < min ? fail(ctx, 'too_small') : n > max ? fail(ctx, 'too_big') : n)),
  );
}
