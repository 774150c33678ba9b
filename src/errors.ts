/**
 * The one error class of waybill-shield and its stable code union.
 *
 * Modelled on jose's errors: a single class, a `code` you can `switch` on, and messages that
 * name a field and a rule but never carry an input value. Nothing personal or secret is ever
 * placed in `message`, `issues` or `cause`.
 * @module
 */

/** Every code a {@link WaybillShieldError} can carry. The set only grows; codes never change meaning. */
export type ErrorCode =
  /** The waybill failed schema validation; see `issues`. */
  | 'INVALID_WAYBILL'
  /** A phone number did not parse as a valid Vietnamese or international number. */
  | 'INVALID_PHONE'
  /** A keyring (JSON or object) is malformed, or a key is the wrong length. */
  | 'INVALID_KEYRING'
  /** A mask policy failed validation. */
  | 'INVALID_POLICY'
  /** An argument of the wrong type or shape reached a public function. */
  | 'INVALID_INPUT'
  /** An envelope did not open: tampered, wrong context, unknown key, or not an envelope. One code for all. */
  | 'DECRYPT_FAILED'
  /** A reveal token was refused. The reason is deliberately not in the message. */
  | 'TOKEN_REJECTED'
  /** Too many failed attempts on this waybill; reveals are locked until the window passes. */
  | 'TOKEN_LOCKED'
  /** A grant was not made by `redeemRevealToken`, or is for another waybill or already spent. */
  | 'INVALID_GRANT'
  /** The reveal ledger could not be reached. Fail closed: nothing is revealed. */
  | 'LEDGER_UNAVAILABLE'
  /** An audit chain failed verification or an audit sink could not write. */
  | 'AUDIT_FAILED'
  /** An address could not be parsed when a caller required a parse. */
  | 'INVALID_ADDRESS'
  /** A label could not be rendered (bad size, dpi or format option). */
  | 'RENDER_FAILED'
  /** A file could not be read or written (CLI and file sinks). */
  | 'IO_ERROR'
  /** The retention epoch that sealed this value was shredded: the value is gone for good. */
  | 'DATA_SHREDDED'
  /** An audit file is held by another writer (advisory lock); open one file per process. */
  | 'AUDIT_LOCKED'
  /** No default gazetteer: outside Node, import `waybill-shield/gazetteer` once (or pass `{ gazetteer }`). */
  | 'GAZETTEER_NOT_LOADED'
  /**
   * No address reader: outside Node, `createGazetteer` and address calls that pass their own
   * `{ gazetteer }` need `import 'waybill-shield/address'` once (or `waybill-shield/gazetteer`).
   */
  | 'ADDRESS_READER_NOT_LOADED'
  /** No goods lexicon: outside Node, import `waybill-shield/goods` (or `waybill-shield/gazetteer`) once before `classifyGoods`/`protect()`. */
  | 'GOODS_LEXICON_NOT_LOADED';

/** One validation problem: where it is and which rule it broke. Never the value. */
export interface Issue {
  /** Dotted field path, e.g. `recipient.phone`. Empty string for the root. */
  readonly path: string;
  /** A short stable rule id, e.g. `required`, `phone`, `too_long`, `control_chars`. */
  readonly rule: string;
}

/** Options accepted by the {@link WaybillShieldError} constructor. */
export interface WaybillShieldErrorOptions {
  issues?: readonly Issue[];
  /** A cause that carries no input. Callers must never pass an error whose message holds PII. */
  cause?: unknown;
  /** Machine-readable reason kept off the enumerable surface (token rejections, audit). */
  reason?: string;
}

const RULE_TEXT: Record<string, string> = {
  required: 'is required',
  type: 'has the wrong type',
  too_long: 'is too long',
  too_short: 'is too short',
  too_big: 'is too large',
  too_small: 'is too small',
  control_chars: 'contains control characters',
  unknown_key: 'is not a known field',
  phone: 'not a valid Vietnamese or international number',
  format: 'has an invalid format',
  integer: 'must be a whole number',
  enum: 'is not one of the allowed values',
  invalid: 'is invalid',
  name_mask: 'shows more of a name than initials',
  phone_mask: 'shows more phone digits than a mask allows (at most 3 at either end, at least 4 hidden)',
  digit_run: 'holds a run of 4 or more digits',
};

/** Human text for a rule id; unknown rules read as "is invalid". */
export function ruleText(rule: string): string {
  return RULE_TEXT[rule] ?? RULE_TEXT.invalid!;
}

function describe(code: ErrorCode, summary: string | undefined, issues: readonly Issue[]): string {
  if (issues.length > 0) {
    const shown = issues.slice(0, 5).map((i) => `${i.path || '(root)'}: ${ruleText(i.rule)}`);
    const more = issues.length > 5 ? ` (+${issues.length - 5} more)` : '';
    return `${code}: ${shown.join('; ')}${more}`;
  }
  return summary ? `${code}: ${summary}` : code;
}

/**
 * The only error waybill-shield throws. `code` is stable; `message` is built from fixed text
 * and field paths, never from input.
 *
 * @example
 * ```ts
 * try { parseWaybill(row) } catch (e) {
 *   if (e instanceof WaybillShieldError && e.code === 'INVALID_WAYBILL') log(e.issues)
 * }
 * ```
 */
export class WaybillShieldError extends Error {
  override readonly name = 'WaybillShieldError' as const;
  readonly code: ErrorCode;
  readonly issues: readonly Issue[];
  /** Typed reason (e.g. `bad-tag`); non-enumerable so it stays out of JSON and logs. */
  declare readonly reason?: string;

  /**
   * @param code - the stable error code
   * @param summary - fixed text describing the failure; must not contain input
   * @param options - issues, a PII-free cause, and a non-enumerable reason
   */
  constructor(code: ErrorCode, summary?: string, options: WaybillShieldErrorOptions = {}) {
    const issues = Object.freeze((options.issues ?? []).map((i) => Object.freeze({ path: i.path, rule: i.rule })));
    super(describe(code, summary, issues), options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.issues = issues;
    Object.defineProperty(this, 'reason', { value: options.reason, enumerable: false, writable: false });
  }

  /** A plain, PII-free JSON form: code, message and issues. */
  toJSON(): { name: string; code: ErrorCode; message: string; issues: readonly Issue[] } {
    return { name: this.name, code: this.code, message: this.message, issues: this.issues };
  }
}

/** True when `e` is a {@link WaybillShieldError}, optionally with the given code. */
export function isWaybillShieldError(e: unknown, code?: ErrorCode): e is WaybillShieldError {
  return e instanceof WaybillShieldError && (code === undefined || e.code === code);
}

/**
 * A `WaybillShieldError` with one `{ path, rule }` issue and no summary: the shape of every
 * option-validation error. One constructor for all modules keeps bundles small.
 * @param path - the offending option or field path
 * @param rule - the rule id (see {@link ruleText})
 * @param code - the error code (default `INVALID_INPUT`)
 * @returns the error, to be thrown by the caller
 * @internal
 */
export function issueError(path: string, rule: string, code: ErrorCode = 'INVALID_INPUT'): WaybillShieldError {
  return new WaybillShieldError(code, undefined, { issues: [{ path, rule }] });
}

/**
 * Runs `fn` and turns any foreign exception into a `WaybillShieldError` with `code`, dropping
 * the original (its message may quote input). Internal helper for public entry points.
 * @internal
 */
export function guard<T>(code: ErrorCode, summary: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof WaybillShieldError) throw e;
    throw new WaybillShieldError(code, summary);
  }
}

/**
 * Async form of {@link guard}: awaits `fn` and turns any foreign rejection into a
 * `WaybillShieldError` with `code`, dropping the original.
 * @internal
 */
export async function guardAsync<T>(code: ErrorCode, summary: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof WaybillShieldError) throw e;
    throw new WaybillShieldError(code, summary);
  }
}
