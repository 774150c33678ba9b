/**
 * What every CLI command needs before it runs, on Node: the `node:crypto` AEAD backend, the
 * address reader and the bundled gazetteer as the default. Loaded by `runCli` on its first call
 * rather than imported statically by the entry, so that the entry can set the process's V8 heap
 * flags (`_heap.ts`) before this much code and data is loaded: a young generation that grows while modules load
 * never shrinks back.
 * @module
 * @internal
 */
import { installNodeAead } from '../crypto/_aead-node.js';
import { loadBundledData } from '../_bundled-data.js';

// Node-only: the bundled gazetteer is always the default here.
installNodeAead();
loadBundledData();

/** True once this module has run (importing it is the setup). */
export const CLI_READY = true;
