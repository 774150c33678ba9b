/**
 * Peer: ciphersweet-js (paragonie) EncryptedRow with the ModernCrypto backend (XChaCha20-Poly1305
 * via sodium-plus, which picks up sodium-native when installed, as its README recommends).
 * Four encrypted text fields and one blind index on the phone: `fastHash = true` (keyed BLAKE2b,
 * the same kind of work as our HMAC index) and, for context, the default slow index (Argon2id).
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// eslint-disable-next-line @typescript-eslint/no-require-imports
const cs = require('ciphersweet-js') as {
  CipherSweet: new (kp: unknown, backend: unknown) => unknown;
  StringProvider: new (hex: string) => unknown;
  ModernCrypto: new () => unknown;
  EncryptedRow: new (engine: unknown, table: string) => CsRow;
  BlindIndex: new (name: string, t: unknown[], bits: number, fast: boolean) => unknown;
};

interface CsRow {
  addTextField(name: string): CsRow;
  addBlindIndex(column: string, index: unknown): CsRow;
  prepareRowForStorage(row: Record<string, string>): Promise<[Record<string, string>, Record<string, string>]>;
}

export function createCipherSweetRow(keyHex: string, fastHash: boolean): (row: Record<string, string>) => Promise<unknown> {
  const engine = new cs.CipherSweet(new cs.StringProvider(keyHex), new cs.ModernCrypto());
  const row = new cs.EncryptedRow(engine, 'waybills').addTextField('name').addTextField('phone').addTextField('address').addTextField('goods');
  row.addBlindIndex('phone', new cs.BlindIndex('phone_idx', [], 32, fastHash));
  return (r) => row.prepareRowForStorage(r);
}

/** Whether sodium-plus will find sodium-native (the fast backend) in this install. */
export function hasSodiumNative(): boolean {
  try {
    require.resolve('sodium-native');
    require('sodium-native');
    return true;
  } catch {
    return false;
  }
}
