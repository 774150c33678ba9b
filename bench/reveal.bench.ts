/**
 * Redeem cost against its floor. One redemption with the in-memory ledger versus one
 * HMAC-SHA256 of 64 bytes (fresh key schedule, as a plain `hmac()` call does). Target: ≤ 4×.
 *
 * Run: npx vitest bench --run bench/reveal.bench.ts
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bench, describe } from 'vitest';
import { Keyring } from '../src/keys/keyring.js';
import { MemoryLedger } from '../src/ledger/memory.js';
import { issueRevealToken, redeemRevealToken } from '../src/reveal/index.js';

const keyring = Keyring.fromJSON({ v: 1, primary: 1, keys: [{ id: 1, key: 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8', created: '2026-01-01T00:00:00.000Z' }] });
const key = new Uint8Array(32).fill(7);
const msg = new Uint8Array(64).fill(9);
const now = new Date('2026-11-29T09:00:00Z');
const token = issueRevealToken({ keyring, waybillId: 'GHN2611290001', courierId: 'courier-042', assignment: 1, notBefore: new Date('2026-11-29T08:00:00Z'), notAfter: new Date('2026-11-29T20:00:00Z') });
const opts = { keyring, waybillId: 'GHN2611290001', courierId: 'courier-042', assignment: 1, now, ledger: new MemoryLedger(), maxUses: 1_000_000_000 };

describe('reveal token redemption', () => {
  bench('HMAC-SHA256 of 64 B', () => {
    hmac(sha256, key, msg);
  });

  bench('redeemRevealToken, MemoryLedger', async () => {
    await redeemRevealToken(token, opts);
  });
});
