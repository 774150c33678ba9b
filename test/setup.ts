/**
 * Test setup. In CI (`CI` set) fast-check runs from a fixed seed, so a CI verdict is reproducible
 * and does not depend on the draw; locally every run draws a fresh seed and keeps exploring.
 * `FC_SEED` overrides the seed in both, to replay a failure fast-check reported.
 */
import fc from 'fast-check';
// Tests run the sources on Node: register the bundled gazetteer and install the native seal backend,
// as the Node build of the core entry does.
import '../src/gazetteer.js';
import { installNodeAead } from '../src/crypto/_aead-node.js';

installNodeAead();

const seed = process.env.FC_SEED ?? (process.env.CI ? '20261129' : undefined);
if (seed !== undefined) fc.configureGlobal({ seed: Number(seed) });
