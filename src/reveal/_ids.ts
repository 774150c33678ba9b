/**
 * Identifier rules shared by reveal tokens, ledgers and audit records. Waybill ids, courier ids
 * and actors are identifiers (ASCII letters, digits and `._-`), never free text, so they can go
 * into MAC inputs, ledger key names and audit records without carrying personal data or
 * breaking a Redis hash tag.
 * @module
 * @internal
 */
import { issueError } from '../errors.js';

/** Same rule as the waybill schema's `id` and `assignment.courierId`: 1–64 chars. */
const ID_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** Actors may also use `:` (e.g. `svc:intake`). */
const ACTOR_RE = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

/** A purpose is a short lowercase code (`complaint-callback`), never free text. */
const PURPOSE_RE = /^[a-z][a-z0-9._:-]{2,63}$/;
/** A purpose holds no run of 4 digits, separators or not (a phone, a birth year, a PIN). */
export const PURPOSE_MAX_DIGITS = 3;

/** True when `s` is a valid waybill or courier identifier. @internal */
export function isIdentifier(s: unknown): s is string {
  return typeof s === 'string' && ID_RE.test(s);
}

// Digits joined by separators count as one run: `0901-234-567`, `0901 234 567` and `0901.234.567`
// are one phone number, however it is punctuated.
const DIGIT_CHAIN = /\d(?:[\s._:\-/]*\d)*/g;
/**
 * An actor is an opaque staff or service id (`cs-17`, `courier-042`, `svc:intake`), never a
 * person's name or number: a run of 7 digits or more, separators or not, could be a phone.
 */
export const ACTOR_MAX_DIGITS = 6;

/** The longest run of digits in `s`, counting digits joined by separators as one run. @internal */
export function longestDigitRun(s: string): number {
  let max = 0;
  for (const m of s.matchAll(DIGIT_CHAIN)) {
    const n = m[0].replace(/\D/g, '').length;
    if (n > max) max = n;
  }
  return max;
}

/**
 * True when `s` is a valid actor identifier: the identifier alphabet (plus `:`), and no run of
 * more than {@link ACTOR_MAX_DIGITS} digits across separators. Every entry point that takes an
 * actor uses this one rule, audited or not. @internal
 */
export function isActor(s: unknown): s is string {
  return typeof s === 'string' && ACTOR_RE.test(s) && longestDigitRun(s) <= ACTOR_MAX_DIGITS;
}

/**
 * Throws `INVALID_INPUT` naming `path` unless `s` is an identifier. These come from the
 * backend (its database or session), not from the token holder, so a bad one is a programming
 * error, not a rejection.
 * @internal
 */
export function assertIdentifier(s: unknown, path: string): asserts s is string {
  if (!isIdentifier(s)) throw issueError(path, 'format');
}

/** Throws `INVALID_INPUT` unless `n` is an assignment number (integer 0..2^31-1). @internal */
export function assertAssignment(n: unknown, path = 'assignment'): asserts n is number {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 0x7fffffff) {
    throw issueError(path, 'integer');
  }
}

/** A valid `Date` from an option, or the current time. Throws `INVALID_INPUT` for a bad Date. @internal */
export function dateOption(d: unknown, path: string): Date {
  if (d === undefined) return new Date();
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) throw issueError(path, 'type');
  return d;
}

/** A positive integer option with a default and an upper bound. @internal */
export function intOption(v: unknown, dflt: number, min: number, max: number, path: string): number {
  if (v === undefined) return dflt;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw issueError(path, 'integer');
  }
  return v;
}

/** True when `s` is a valid purpose code (see {@link PURPOSE_MAX_DIGITS}). @internal */
export function isPurpose(s: unknown): s is string {
  return typeof s === 'string' && PURPOSE_RE.test(s) && longestDigitRun(s) <= PURPOSE_MAX_DIGITS;
}
