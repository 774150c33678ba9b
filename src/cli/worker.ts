/**
 * Worker thread for `waybill-shield protect --workers N`. Receives the keyring (as exported
 * JSON, in memory only) and the policy once through `workerData`, then protects batches posted
 * by the main thread and posts each result back with the batch's sequence number.
 * @module
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Keyring, type KeyringJSON } from '../keys/keyring.js';
import type { MaskPolicy } from '../policy.js';
import { protectBatch } from './_batch.js';
import type { InputItem } from './_records.js';
import { installNodeAead } from '../crypto/_aead-node.js';
import { loadBundledData } from '../_bundled-data.js';

// Node-only: the bundled gazetteer is always the default here (registered in this entry itself,
// so the build keeps it in this file rather than a shared chunk).
installNodeAead();
loadBundledData();

/** Data every protect worker starts with. */
export interface ProtectWorkerData {
  keys: KeyringJSON;
  policy?: MaskPolicy;
}

/** A batch posted to a worker. */
export interface ProtectWorkerRequest {
  seq: number;
  items: InputItem[];
}

if (parentPort) {
  const data = workerData as ProtectWorkerData;
  const keyring = Keyring.fromJSON(data.keys);
  const port = parentPort;
  port.on('message', (msg: ProtectWorkerRequest) => {
    port.postMessage({ seq: msg.seq, result: protectBatch(msg.items, keyring, data.policy) });
  });
}
