/**
 * `isGazetteer`: the check `opts.gazetteer` goes through. Kept apart from `createGazetteer` (and
 * the reader it needs) so that the core entry exports it without carrying the reader; it works
 * before any address entry is imported (it then has nothing to recognise but hand-made objects).
 * @module
 */
import type { Gazetteer } from './gazetteer.js';

/**
 * True when `g` looks like a gazetteer built by `createGazetteer`.
 *
 * @param g - any value
 * @returns whether it can be passed as `opts.gazetteer`
 * @example
 * ```ts
 * isGazetteer(defaultGazetteer()) // true
 * ```
 */
export function isGazetteer(g: unknown): g is Gazetteer {
  return typeof g === 'object' && g !== null && (g as { kind?: unknown }).kind === 'waybill-shield/gazetteer';
}
