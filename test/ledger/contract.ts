/** The RevealLedger contract, run against every implementation (memory and Redis). */
import { describe, expect, it } from 'vitest';
import type { RevealLedger } from '../../src/ledger/types.js';

export interface LedgerHarness {
  ledger: RevealLedger;
  /** Let `ms` of ledger time pass. */
  advance(ms: number): Promise<void>;
}

const TID = 'ab'.repeat(16);
const TID2 = 'cd'.repeat(16);

export function ledgerContract(name: string, make: () => Promise<LedgerHarness> | LedgerHarness, windowMs: number): void {
  describe(`${name}: RevealLedger contract`, () => {
    it('acquire counts attempts and locks at the limit; release refunds, never below zero', async () => {
      const { ledger } = await make();
      for (let i = 0; i < 3; i++) expect(await ledger.acquire('W1', 'reveal', 3, 60_000)).toBe('ok');
      expect(await ledger.acquire('W1', 'reveal', 3, 60_000)).toBe('locked');
      // Other scope and other waybills are independent.
      expect(await ledger.acquire('W1', 'pin', 3, 60_000)).toBe('ok');
      expect(await ledger.acquire('W2', 'reveal', 3, 60_000)).toBe('ok');
      await ledger.release('W1', 'reveal');
      expect(await ledger.acquire('W1', 'reveal', 3, 60_000)).toBe('ok');
      expect(await ledger.acquire('W1', 'reveal', 3, 60_000)).toBe('locked');
      for (let i = 0; i < 10; i++) await ledger.release('W3', 'pin');
      for (let i = 0; i < 2; i++) expect(await ledger.acquire('W3', 'pin', 2, 60_000)).toBe('ok');
      expect(await ledger.acquire('W3', 'pin', 2, 60_000)).toBe('locked');
    });

    it('locked reports the lock without counting anything', async () => {
      const { ledger } = await make();
      for (let i = 0; i < 10; i++) expect(await ledger.locked!('W5', 'caller', 2)).toBe(false);
      expect(await ledger.acquire('W5', 'caller', 2, 60_000)).toBe('ok');
      expect(await ledger.locked!('W5', 'caller', 2)).toBe(false);
      expect(await ledger.acquire('W5', 'caller', 2, 60_000)).toBe('ok');
      expect(await ledger.locked!('W5', 'caller', 2)).toBe(true);
      expect(await ledger.locked!('W5', 'caller', 3)).toBe(false);
      expect(await ledger.locked!('W5', 'pin', 2)).toBe(false);
      await ledger.release('W5', 'caller');
      expect(await ledger.locked!('W5', 'caller', 2)).toBe(false);
      await expect(ledger.locked!('W5', 'caller', 0)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    });

    it('a lock lasts a full window from the attempt that reached the limit, then lifts', async () => {
      const h = await make();
      expect(await h.ledger.acquire('W4', 'reveal', 2, windowMs)).toBe('ok');
      await h.advance(windowMs / 2);
      expect(await h.ledger.acquire('W4', 'reveal', 2, windowMs)).toBe('ok');
      await h.advance(windowMs * 0.75);
      expect(await h.ledger.acquire('W4', 'reveal', 2, windowMs)).toBe('locked');
      await h.advance(windowMs * 0.5);
      expect(await h.ledger.acquire('W4', 'reveal', 2, windowMs)).toBe('ok');
    });

    it('consume enforces maxUses per token and counts no failure', async () => {
      const { ledger } = await make();
      expect(await ledger.acquire('W5', 'reveal', 1, 60_000)).toBe('ok');
      expect(await ledger.consume('W5', TID, 2, 60_000)).toBe('ok');
      // No refund and no count: the waybill stays locked by its one failure.
      expect(await ledger.acquire('W5', 'reveal', 1, 60_000)).toBe('locked');
      expect(await ledger.consume('W5', TID, 2, 60_000)).toBe('ok');
      expect(await ledger.consume('W5', TID, 2, 60_000)).toBe('use-limit');
      expect(await ledger.consume('W5', TID2, 2, 60_000)).toBe('ok');
      expect(await ledger.consume('W6', TID, 2, 60_000)).toBe('ok');
      expect(await ledger.acquire('W6', 'reveal', 5, 60_000)).toBe('ok');
    });

    it('consume with a lock option refuses a locked waybill without taking a use', async () => {
      const { ledger } = await make();
      const lock = { scope: 'reveal' as const, maxFailures: 2 };
      expect(await ledger.consume('W10', TID, 1, 60_000, { lock })).toBe('ok');
      expect(await ledger.acquire('W11', 'reveal', 2, 60_000)).toBe('ok');
      expect(await ledger.consume('W11', TID, 1, 60_000, { lock })).toBe('ok');
      expect(await ledger.acquire('W11', 'reveal', 2, 60_000)).toBe('ok');
      expect(await ledger.consume('W11', TID2, 1, 60_000, { lock })).toBe('locked');
      // The other scope's lock does not apply, and the locked attempt took no use.
      expect(await ledger.consume('W11', TID2, 1, 60_000, { lock: { scope: 'pin', maxFailures: 2 } })).toBe('ok');
      expect(await ledger.consume('W11', TID2, 1, 60_000)).toBe('use-limit');
      await ledger.release('W11', 'reveal');
      expect(await ledger.consume('W11', 'ef'.repeat(16), 1, 60_000, { lock })).toBe('ok');
    });

    it('revocable: false ignores revocations (delivery PINs), and bad options are INVALID_INPUT', async () => {
      const { ledger } = await make();
      await ledger.revokeWaybill('W12', 60_000);
      expect(await ledger.consume('W12', TID, 1, 60_000)).toBe('revoked');
      expect(await ledger.consume('W12', TID, 1, 60_000, { revocable: false })).toBe('ok');
      expect(await ledger.consume('W12', TID, 1, 60_000, { revocable: false })).toBe('use-limit');
      for (const bad of [null, { revocable: 'no' }, { lock: { scope: 'x', maxFailures: 1 } }, { lock: { scope: 'pin', maxFailures: 0 } }]) {
        await expect(ledger.consume('W12', TID2, 1, 60_000, bad as never)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
      }
    });

    it('revocations of a token and of a waybill stop consume', async () => {
      const { ledger } = await make();
      await ledger.revokeToken('W7', TID, 60_000);
      expect(await ledger.consume('W7', TID, 5, 60_000)).toBe('revoked');
      expect(await ledger.consume('W7', TID2, 5, 60_000)).toBe('ok');
      await ledger.revokeWaybill('W7', 60_000);
      expect(await ledger.consume('W7', TID2, 5, 60_000)).toBe('revoked');
      expect(await ledger.consume('W8', TID2, 5, 60_000)).toBe('ok');
    });

    it('a revocation expires after its TTL, and a shorter one never shortens it', async () => {
      const h = await make();
      await h.ledger.revokeWaybill('W9', windowMs);
      await h.ledger.revokeWaybill('W9', 1);
      await h.advance(windowMs / 2);
      expect(await h.ledger.consume('W9', TID, 5, 60_000)).toBe('revoked');
      await h.advance(windowMs);
      expect(await h.ledger.consume('W9', TID, 5, 60_000)).toBe('ok');
    });

    it('refuses arguments that could inject into key names', async () => {
      const { ledger } = await make();
      for (const w of ['', 'a}b', '{x}', 'a:b', 'a b', 'x'.repeat(65), 7 as unknown as string]) {
        await expect(ledger.acquire(w, 'reveal', 5, 1000)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
      }
      await expect(ledger.consume('W', 'AB'.repeat(16), 1, 1000)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
      await expect(ledger.consume('W', TID, 0, 1000)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
      await expect(ledger.revokeWaybill('W', 0)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
      await expect(ledger.acquire('W', 'other' as 'pin', 5, 1000)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    });
  });
}
