import { describe, expect, it } from 'vitest';
import { MemoryLedger } from '../../src/ledger/memory.js';
import { ledgerContract } from './contract.js';

ledgerContract(
  'MemoryLedger',
  () => {
    let now = Date.parse('2026-11-29T08:00:00Z');
    const ledger = new MemoryLedger({ clock: () => now });
    return { ledger, advance: async (ms: number) => void (now += ms) };
  },
  3_600_000,
);

const TID = (i: number) => i.toString(16).padStart(32, '0');

describe('MemoryLedger memory bound', () => {
  it('drops expired entries and stays within maxEntries', async () => {
    let now = 0;
    const ledger = new MemoryLedger({ maxEntries: 100, clock: () => now });
    for (let i = 0; i < 100; i++) await ledger.consume(`W${i}`, TID(i), 5, 1_000);
    expect(ledger.size).toBe(100);
    now += 1_000;
    expect(ledger.size).toBe(0);
    // Long-running: 100 000 short-lived entries through a 100-entry ledger.
    for (let i = 0; i < 100_000; i++) {
      if (i % 50 === 0) now += 1_001;
      await ledger.acquire(`W${i}`, 'reveal', 5, 1_000);
    }
    expect(ledger.size).toBeLessThanOrEqual(100);
  });

  it('fails closed when full of live entries rather than forget a use count or a lockout', async () => {
    let now = 0;
    const ledger = new MemoryLedger({ maxEntries: 10, clock: () => now });
    for (let i = 0; i < 10; i++) await ledger.consume('W', TID(i), 1, 60_000);
    await expect(ledger.consume('W', TID(99), 1, 60_000)).rejects.toMatchObject({ code: 'LEDGER_UNAVAILABLE' });
    // Existing entries still update, and still say no.
    expect(await ledger.consume('W', TID(0), 1, 60_000)).toBe('use-limit');
    now += 60_000;
    expect(await ledger.consume('W', TID(99), 1, 60_000)).toBe('ok');
  });

  it('validates its options', () => {
    expect(() => new MemoryLedger({ maxEntries: 0 })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => new MemoryLedger({ clock: 5 as unknown as () => number })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});
