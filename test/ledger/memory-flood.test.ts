/**
 * MemoryLedger under a flood: the cap holds, eviction drops only entries whose loss cannot revive
 * a token (expired first, then failure counters), and legitimate redemptions, revocations and PIN
 * checks keep working after 100 000 bad attempts.
 */
import { randomBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { MemoryLedger, MEMORY_LEDGER_DEFAULT_MAX_ENTRIES } from '../../src/ledger/memory.js';
import { issueRevealToken, redeemRevealToken, revokeRevealToken } from '../../src/reveal/index.js';
import { encodeToken } from '../../src/reveal/_format.js';
import { deliveryPin, verifyDeliveryPin } from '../../src/verify/index.js';
import type { WaybillShieldError } from '../../src/errors.js';
import { testKeyring } from '../helpers/fixtures.js';

const keyring = testKeyring();
const T0 = Date.parse('2026-11-29T08:00:00Z');
const TID = (i: number) => i.toString(16).padStart(32, '0');

/** A well-formed token with a random tag: a guess, which the ledger counts. */
function guess(): string {
  const r = randomBytes(12);
  return encodeToken({ version: 1, kidLow: keyring.primary % 8, fieldMask: 1 + (r[0]! % 255), nbLow: ((r[1]! << 8) | r[2]!) % 8192, durationUnits: 1 + (r[3]! % 200) }, r.subarray(4, 12));
}

describe('MemoryLedger eviction order', () => {
  it('when full: expired entries first, then open failure counters, then lockouts; never uses or revocations', async () => {
    let now = 0;
    const ledger = new MemoryLedger({ maxEntries: 6, clock: () => now });
    await ledger.consume('U', TID(1), 1, 60_000); // a use
    await ledger.revokeWaybill('R', 60_000); // a revocation
    await ledger.acquire('L', 'pin', 1, 60_000); // a lockout (limit 1 reached)
    await ledger.acquire('O1', 'pin', 5, 60_000); // open counters
    await ledger.acquire('O2', 'pin', 5, 60_000);
    await ledger.acquire('E', 'pin', 5, 10); // expires soon
    now = 100;
    expect(ledger.size).toBe(5); // E expired
    await ledger.consume('U', TID(2), 1, 60_000); // fills the slot E left
    await ledger.consume('U', TID(3), 1, 60_000); // evicts O1 (oldest open counter)
    expect(await ledger.acquire('O1', 'pin', 2, 60_000)).toBe('ok'); // forgotten: counts from 0 (evicts O2)
    await ledger.consume('U', TID(4), 1, 60_000); // evicts O1, the last open counter
    expect(await ledger.acquire('L', 'pin', 1, 60_000)).toBe('locked'); // the lockout survived the open counters
    await ledger.consume('U', TID(5), 1, 60_000); // only now the lockout goes
    // Now full of uses and revocations: even a new failure counter is refused (fail closed).
    await expect(ledger.acquire('L', 'pin', 1, 60_000)).rejects.toMatchObject({ code: 'LEDGER_UNAVAILABLE' });
    // Full of uses and revocations: new ones are refused, existing ones still say no.
    await expect(ledger.consume('U', TID(6), 1, 60_000)).rejects.toMatchObject({ code: 'LEDGER_UNAVAILABLE' });
    await expect(ledger.revokeToken('U', TID(7), 60_000)).rejects.toMatchObject({ code: 'LEDGER_UNAVAILABLE' });
    expect(await ledger.consume('U', TID(1), 1, 60_000)).toBe('use-limit');
    expect(await ledger.consume('R', TID(1), 1, 60_000)).toBe('revoked');
    expect(ledger.size).toBeLessThanOrEqual(6);
  });
});

describe('MemoryLedger flood', () => {
  it(`100 000 bad attempts on distinct waybills, then a legitimate redemption, revocation and PIN check still work (cap ${MEMORY_LEDGER_DEFAULT_MAX_ENTRIES})`, async () => {
    const ledger = new MemoryLedger();
    const now = new Date(T0 + 60_000);
    let rejected = 0;
    for (let i = 0; i < 100_000; i++) {
      try {
        await redeemRevealToken(guess(), { keyring, waybillId: `FLOOD${i}`, courierId: 'attacker', now, ledger });
      } catch (e) {
        if ((e as WaybillShieldError).code === 'TOKEN_REJECTED') rejected++;
      }
    }
    expect(rejected).toBe(100_000);
    // Malformed strings are not even counted.
    for (let i = 0; i < 10_000; i++) await expect(redeemRevealToken('x'.repeat(i % 40), { keyring, waybillId: 'FLOOD0', courierId: 'attacker', now, ledger })).rejects.toMatchObject({ code: 'TOKEN_REJECTED' });
    expect(ledger.size).toBeLessThanOrEqual(MEMORY_LEDGER_DEFAULT_MAX_ENTRIES);

    const waybillId = 'GHN2611290001';
    const token = issueRevealToken({ keyring, waybillId, courierId: 'courier-042', assignment: 1, notBefore: new Date(T0), notAfter: new Date(T0 + 3_600_000) });
    const opts = { keyring, waybillId, courierId: 'courier-042', assignment: 1, now, ledger, maxUses: 1 };
    const grant = await redeemRevealToken(token, opts);
    expect(grant.fields.length).toBeGreaterThan(0);
    await expect(redeemRevealToken(token, opts)).rejects.toMatchObject({ code: 'TOKEN_REJECTED', reason: 'use-limit' });
    const token2 = issueRevealToken({ keyring, waybillId, courierId: 'courier-042', assignment: 1, notBefore: new Date(T0), notAfter: new Date(T0 + 3_600_000) });
    await revokeRevealToken(token2, { keyring, waybillId, courierId: 'courier-042', assignment: 1, now, ledger });
    await expect(redeemRevealToken(token2, opts)).rejects.toMatchObject({ code: 'TOKEN_REJECTED', reason: 'revoked' });
    const pin = deliveryPin({ keyring, waybillId, at: now });
    expect(await verifyDeliveryPin(pin, { keyring, waybillId, at: now, ledger })).toBe(true);
    expect(ledger.size).toBeLessThanOrEqual(MEMORY_LEDGER_DEFAULT_MAX_ENTRIES);
  });

  it('a flood on one waybill locks only that waybill, after exactly maxFailures guesses', async () => {
    const ledger = new MemoryLedger();
    const now = new Date(T0 + 60_000);
    const codes: string[] = [];
    for (let i = 0; i < 2_000; i++) {
      codes.push(await redeemRevealToken(guess(), { keyring, waybillId: 'TARGET', courierId: 'attacker', now, ledger }).then(() => 'ok', (e: WaybillShieldError) => e.code));
    }
    expect(codes.filter((c) => c === 'TOKEN_REJECTED')).toHaveLength(5);
    expect(codes.filter((c) => c === 'TOKEN_LOCKED')).toHaveLength(1_995);
    expect(ledger.size).toBe(1);
  });
});
