/**
 * The default gazetteer seam. The bundled data of both Vietnamese administrative schemes
 * (`gazetteer-data.ts`, about 62 KB gzipped) is not imported from here: it is registered by the
 * `waybill-shield/gazetteer` entry, which the Node build of the core entry (and the CLI) imports
 * for you. Browser and React Native apps that parse addresses or call `protect()` import
 * `waybill-shield/gazetteer` once (statically, or with `import()` as its own chunk); apps that
 * never touch addresses, such as courier apps that redeem tokens, never ship it.
 * @module
 */

import { WaybillShieldError } from '../errors.js';
import type { Gazetteer, GazetteerInput } from './gazetteer.js';
import { gazetteerBuilder } from './_reader.js';

// The decoder of the packed data (`_packed.ts`) is not imported here either: the entry that
// registers the data brings it (`register-data.ts`), so the core bundle carries neither. Nor is
// `createGazetteer`: it is part of the address reader, which the same entries install first
// (`_reader.ts`).
let load: (() => GazetteerInput) | undefined;
let cached: Gazetteer | undefined;

/**
 * Make the bundled data the default gazetteer: `decode` runs once, on first use. Idempotent (the
 * first registration wins).
 * @param decode - returns the bundled data, decoded
 * @internal called through `registerDefaultGazetteerData` by the entries that bundle the data
 */
export function registerDefaultGazetteerLoader(decode: () => GazetteerInput): void {
  load ??= decode;
}

/** True once the bundled data has been registered (by importing `waybill-shield/gazetteer`). */
export function hasDefaultGazetteer(): boolean {
  return load !== undefined;
}

/**
 * The bundled gazetteer: 34 provinces and 3,321 wards of the 2025 scheme, 63 provinces, 696 districts
 * and 10,035 wards of the legacy scheme, and the legacy → 2025 mapping. Decoded and indexed once, on first use (a few hundred
 * milliseconds), then cached. On Node it is there with no setup; elsewhere import
 * `waybill-shield/gazetteer` once first.
 *
 * @returns the shared, immutable gazetteer
 * @throws WaybillShieldError `GAZETTEER_NOT_LOADED` when `waybill-shield/gazetteer` was not imported (browsers, React Native)
 * @example
 * ```ts
 * import 'waybill-shield/gazetteer'; // browsers only; Node loads it with the core
 * const gz = defaultGazetteer()
 * gz.counts.wards2025 // 3321
 * ```
 */
export function defaultGazetteer(): Gazetteer {
  if (cached === undefined) {
    if (load === undefined) {
      throw new WaybillShieldError('GAZETTEER_NOT_LOADED', "no default gazetteer: import 'waybill-shield/gazetteer' once, or pass { gazetteer }");
    }
    cached = gazetteerBuilder().createGazetteer(load());
  }
  return cached;
}
