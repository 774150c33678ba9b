/**
 * The core entry as Node resolves it (the `node` condition of `waybill-shield`): everything the
 * portable core exports, with the bundled gazetteer registered, so `protect()` and address parsing
 * work with no setup. Seals run on node:crypto here by themselves (see `crypto/_aead.ts`).
 * @module
 */
import { registerDefaultGazetteerData } from './address/default-gazetteer.js';
import { GAZETTEER_DATA } from './address/gazetteer-data.js';

registerDefaultGazetteerData(GAZETTEER_DATA);

export * from './index.js';
