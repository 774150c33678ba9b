/**
 * The bundled gazetteer of both Vietnamese administrative schemes, decoded from the generated
 * `gazetteer-data.ts` on first use and cached.
 * @module
 */

import { createGazetteer, type Gazetteer } from './gazetteer.js';
import { GAZETTEER_DATA } from './gazetteer-data.js';
import { unpackGazetteer } from './_packed.js';

let cached: Gazetteer | undefined;

/**
 * The bundled gazetteer: 34 provinces and 3,321 wards of the 2025 scheme, 63 provinces, 696 districts
 * and 10,035 wards of the legacy scheme, and the legacy → 2025 mapping. Decoded and indexed once, on first use (a few hundred
 * milliseconds), then cached.
 *
 * @returns the shared, immutable gazetteer
 * @throws never for the bundled data
 * @example
 * ```ts
 * const gz = defaultGazetteer()
 * gz.counts.wards2025 // 3321
 * ```
 */
export function defaultGazetteer(): Gazetteer {
  if (cached === undefined) cached = createGazetteer(unpackGazetteer(GAZETTEER_DATA));
  return cached;
}
