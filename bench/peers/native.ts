/**
 * Peer: the same protect() steps (validation, masks, address, goods) with node:crypto natives for
 * the cryptography: AES-256-GCM per field with a random 96-bit IV and the same associated data,
 * and HMAC-SHA256 for the phone index. What a backend would write with OpenSSL underneath.
 */
import { createCipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { associatedData } from '../../src/crypto/envelope.js';
import { resolvePolicy } from '../../src/policy.js';
import { sealedValues, viewOf } from '../../src/protect.js';
import { parseWaybill } from '../../src/schema.js';

export function createNativeProtect(root: Uint8Array) {
  const sealKey = Buffer.from(hkdfSync('sha256', root, 'native-salt', 'seal', 32));
  const indexKey = Buffer.from(hkdfSync('sha256', root, 'native-salt', 'index', 32));
  const policy = resolvePolicy();
  return (input: unknown) => {
    const wb = parseWaybill(input);
    const view = viewOf(wb, policy);
    const sealed: Record<string, string> = {};
    for (const [field, value] of sealedValues(wb, view.goodsCategory)) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', sealKey, iv);
      c.setAAD(associatedData(1, wb.id, field));
      const ct = Buffer.concat([iv, c.update(value, 'utf8'), c.final(), c.getAuthTag()]);
      sealed[field] = `gcm1.1.${ct.toString('base64url')}`;
    }
    const index = `k1.${createHmac('sha256', indexKey).update('phone\u0000').update(wb.recipient.phone).digest('hex').slice(0, 8)}`;
    const { goodsCategory: _category, ...shown } = view;
    return { v: 1, id: wb.id, ...shown, sealed, index: { 'recipient.phone': index } };
  };
}
