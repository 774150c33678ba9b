/**
 * Retention epochs: calendar periods of 1, 2, 3, 4, 6 or 12 months (default one month), aligned
 * on the calendar year and named by their first month in UTC, `YYYY-MM`. Every record's sealed
 * fields and phone index live in one epoch; destroying the epoch's secret ("crypto-shredding")
 * makes all of them unreadable at once, in the database and in every backup.
 * @module
 */
import { guard, issueError, WaybillShieldError } from '../errors.js';

/** Epoch lengths in months: divisors of 12, so epochs never straddle a year boundary. */
export const EPOCH_LENGTHS = /* @__PURE__ */ Object.freeze([1, 2, 3, 4, 6, 12] as const);
/** An epoch length in months. */
export type EpochMonths = (typeof EPOCH_LENGTHS)[number];

/** The name of an epoch: its first month, `YYYY-MM` (UTC). */
export type EpochId = string;

/** Epoch ids are accepted from 2000-01 to 2199-12. */
const EPOCH_RE = /^(2[01]\d\d)-(0[1-9]|1[0-2])$/;

function invalid(path: string): WaybillShieldError {
  return issueError(path, 'format');
}

/** Months since year 0 of a `YYYY-MM` id, or undefined when it is not one. @internal */
export function monthIndexOf(id: unknown): number | undefined {
  if (typeof id !== 'string') return undefined;
  const m = EPOCH_RE.exec(id);
  return m ? Number(m[1]) * 12 + Number(m[2]) - 1 : undefined;
}

/** `YYYY-MM` of a month index. @internal */
export function monthId(index: number): EpochId {
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return `${y}-${m < 10 ? '0' : ''}${m}`;
}

/** True when `id` is a valid epoch id for epochs of `months` months (its first month is aligned). @internal */
export function isEpochId(id: unknown, months: EpochMonths): id is EpochId {
  const i = monthIndexOf(id);
  return i !== undefined && i % months === 0;
}

/**
 * The month index of a `Date` or a `'YYYY-MM'` string.
 * @internal
 * @throws WaybillShieldError `INVALID_INPUT` naming `path` for anything else, or a date outside 2000–2199
 */
export function monthOf(when: unknown, path: string): number {
  if (when instanceof Date) {
    const t = when.getTime();
    if (Number.isNaN(t)) throw invalid(path);
    const y = when.getUTCFullYear();
    if (y < 2000 || y > 2199) throw invalid(path);
    return y * 12 + when.getUTCMonth();
  }
  const i = monthIndexOf(when);
  if (i === undefined) throw invalid(path);
  return i;
}

/** The id of the epoch holding month index `month`. @internal */
export function epochIdOfMonth(month: number, months: EpochMonths): EpochId {
  return monthId(month - (month % months));
}

/**
 * The epoch a point in time falls in.
 *
 * @param when - a `Date` or `'YYYY-MM'`
 * @param months - the epoch length (default 1)
 * @returns the epoch id, e.g. `2026-03`
 * @throws WaybillShieldError `INVALID_INPUT` for a bad date or epoch length
 * @example
 * ```ts
 * epochOf(new Date('2026-05-20T00:00:00Z'), 3); // '2026-04'
 * ```
 */
export function epochOf(when: Date | string, months: EpochMonths = 1): EpochId {
  return guard('INVALID_INPUT', 'epochOf: arguments are not a date and an epoch length', () => {
    if (!(EPOCH_LENGTHS as readonly unknown[]).includes(months)) throw invalid('months');
    return epochIdOfMonth(monthOf(when, 'when'), months);
  });
}

/** Add whole days to a date (UTC), for retention offsets. @internal */
export function addDays(d: Date, days: number): Date {
  return new Date(d.getTime() + days * 86_400_000);
}
