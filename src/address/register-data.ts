/**
 * Registration of the bundled, packed gazetteer data as the default gazetteer. Kept apart from
 * `default-gazetteer.ts` so that the packed format's decoder (`_packed.ts`) reaches only the
 * bundles that carry the data (`waybill-shield/gazetteer`, the Node entry, the CLI), not the core.
 * @module
 * @internal
 */

import { registerDefaultGazetteerLoader } from './default-gazetteer.js';
import { unpackGazetteer, type PackedGazetteer } from './_packed.js';

/**
 * Make the bundled data the default gazetteer (decoded on first use). Idempotent.
 * @param data - the packed bundled data (`gazetteer-data.ts`)
 * @returns nothing; `defaultGazetteer()` decodes and indexes the data at its first call
 * @example
 * ```ts
 * registerDefaultGazetteerData(GAZETTEER_DATA);
 * ```
 * @internal called by the entries that bundle the data
 */
export function registerDefaultGazetteerData(data: PackedGazetteer): void {
  registerDefaultGazetteerLoader(() => unpackGazetteer(data));
}
