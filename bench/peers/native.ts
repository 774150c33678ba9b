/**
 * Peer: what a Node backend would write with node:crypto, doing exactly protect()'s non-crypto
 * work (validation with `parseWaybill`, and the same masks, address and goods steps through
 * `viewOf`) and one AES-256-GCM seal per sealed field under the same associated data (built once
 * per field), plus an HMAC-SHA256 phone index and base64url text output.
 *
 * Batching is the same kind as protect()'s: IVs are slices of one CSPRNG draw of 128 IVs (protect()
 * draws 128 nonces at a time), never a fresh `randomBytes` call per field. node:crypto has no way to
 * clone a keyed HMAC state, so the index is `createHmac` per record: that is the API's cheapest path.
 */
import { createCipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { associatedData } from '../../src/crypto/envelope.js';
import { resolvePolicy } from '../../src/policy.js';
import { sealedValues, viewOf } from '../../src/protect.js';
import { parseWaybill } from '../../src/schema.js';

const IV = 12;
const BATCH = 128;

export function createNativeProtect(root: Uint8Array) {
  const sealKey = Buffer.from(hkdfSync('sha256', root, 'native-salt', 'seal', 32));
  const indexKey = Buffer.from(hkdfSync('sha256', root, 'native-salt', 'index', 32));
  const policy = resolvePolicy();
  let pool = Buffer.alloc(0);
  let at = 0;
  const nextIv = () => {
    if (at + IV > pool.length) {
      pool = randomBytes(IV * BATCH);
      at = 0;
    }
    const iv = pool.subarray(at, at + IV);
    at += IV;
    return iv;
  };
  return (input: unknown) => {
    const wb = parseWaybill(input);
    const { goodsCategory, ...view } = viewOf(wb, policy);
    const sealed: Record<string, string> = {};
    for (const [field, value] of sealedValues(wb, goodsCategory)) {
      const iv = nextIv();
      const c = createCipheriv('aes-256-gcm', sealKey, iv);
      c.setAAD(associatedData(1, wb.id, field));
      const ct = Buffer.concat([iv, c.update(value, 'utf8'), c.final(), c.getAuthTag()]);
      sealed[field] = `gcm1.1.${ct.toString('base64url')}`;
    }
    const index = `k1.${createHmac('sha256', indexKey).update('phone\u0000').update(wb.recipient.phone).digest('hex').slice(0, 8)}`;
    return { v: 1, id: wb.id, protectedAt: new Date().toISOString(), ...view, sealed, index: { 'recipient.phone': index } };
  };
}
