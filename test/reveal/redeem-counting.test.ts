/**
 * Only guesses count toward the lockout: attempts that can never succeed (malformed strings, an
 * authentic token refused for expiry, reassignment, use-up or revocation, a wrong courier) are
 * refused without counting, so they cannot lock the legitimate courier out. Guessing still locks
 * after exactly `maxFailures` wrong tags (see bruteforce.test.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemoryLedger } from '../../src/ledger/memory.js';
import { issueRevealToken, redeemRevealToken, revokeRevealToken, revokeWaybillReveals } from '../../src/reveal/index.js';
import type { WaybillShieldError } from '../../src/errors.js';
import { testKeyring } from '../helpers/fixtures.js';

const keyring = testKeyring();
const T0 = Date.parse('2026-11-29T08:00:00Z');
const HOUR = 3_600_000;
const waybillId = 'GHN2611290001';

function issue(courierId: string, assignment: number, from = T0, to = T0 + 8 * HOUR): string {
  return issueRevealToken({ keyring, waybillId, courierId, assignment, notBefore: new Date(from), notAfter: new Date(to) });
}

async function reasonOf(p: Promise<unknown>): Promise<string | undefined> {
  return p.then(
    () => 'ok',
    (e: WaybillShieldError) => (e.code === 'TOKEN_REJECTED' ? e.reason : e.code),
  );
}

const base = { keyring, waybillId, courierId: 'courier-042', assignment: 2, now: new Date(T0 + HOUR), maxFailures: 5 };

describe('what counts toward the lockout', () => {
  it('empty and malformed strings: refused, never counted', async () => {
    const ledger = new MemoryLedger();
    for (const t of ['', ' ', '-----', 'hello', 'A'.repeat(200), '0'.repeat(26), '🙂', '\u0000']) {
      for (let i = 0; i < 3; i++) expect(await reasonOf(redeemRevealToken(t, { ...base, ledger }))).toBe('malformed');
    }
    expect(ledger.size).toBe(0);
    expect(await reasonOf(redeemRevealToken(issue('courier-042', 2), { ...base, ledger }))).toBe('ok');
  });

  it('any non-token string, any number of times: never locks (property)', async () => {
    const ledger = new MemoryLedger();
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 40 }), async (t) => {
        const r = await reasonOf(redeemRevealToken(t, { ...base, ledger }));
        // A random string is almost always malformed; if it happens to decode, it is a guess.
        expect(r === 'malformed' || r === 'bad-tag').toBe(true);
      }),
      { numRuns: 300 },
    );
    const counted = ledger.size;
    expect(counted).toBeLessThanOrEqual(1);
  });

  it('the previous courier retrying a token from before the reassignment: not counted', async () => {
    const ledger = new MemoryLedger();
    const old = issue('courier-041', 1);
    for (let i = 0; i < 20; i++) {
      // The backend names the current assignee: wrong-courier, before any tag check.
      expect(await reasonOf(redeemRevealToken(old, { ...base, courierId: 'courier-041', assignedCourierId: 'courier-042', ledger }))).toBe('wrong-courier');
      // It does not: the tag matches an earlier assignment of that courier.
      expect(await reasonOf(redeemRevealToken(old, { ...base, courierId: 'courier-041', ledger }))).toBe('reassigned');
    }
    expect(ledger.size).toBe(0);
    expect(await reasonOf(redeemRevealToken(issue('courier-042', 2), { ...base, ledger }))).toBe('ok');
  });

  it('authentic tokens refused as expired, not yet valid, used up or revoked: not counted', async () => {
    const ledger = new MemoryLedger();
    const expired = issue('courier-042', 2, T0 - 8 * HOUR, T0);
    const future = issue('courier-042', 2, T0 + 4 * HOUR, T0 + 8 * HOUR);
    const once = issue('courier-042', 2);
    const revoked = issue('courier-042', 2, T0 - HOUR); // a different window: a different token
    expect(await reasonOf(redeemRevealToken(once, { ...base, ledger, maxUses: 1 }))).toBe('ok');
    await revokeRevealToken(revoked, { keyring, waybillId, courierId: 'courier-042', assignment: 2, now: base.now, ledger });
    for (let i = 0; i < 10; i++) {
      expect(await reasonOf(redeemRevealToken(expired, { ...base, ledger }))).toBe('expired');
      expect(await reasonOf(redeemRevealToken(future, { ...base, ledger }))).toBe('not-yet-valid');
      expect(await reasonOf(redeemRevealToken(once, { ...base, ledger, maxUses: 1 }))).toBe('use-limit');
      expect(await reasonOf(redeemRevealToken(revoked, { ...base, ledger }))).toBe('revoked');
    }
    expect(await reasonOf(redeemRevealToken(issue('courier-042', 2), { ...base, ledger }))).toBe('ok');
    await revokeWaybillReveals(waybillId, { ledger });
    for (let i = 0; i < 10; i++) expect(await reasonOf(redeemRevealToken(issue('courier-042', 2), { ...base, ledger }))).toBe('revoked');
    // Still no failure counted: a guess is the first of five.
    const guess = issue('courier-042', 3); // authentic for another assignment: a wrong tag here
    for (let i = 0; i < 5; i++) expect(await reasonOf(redeemRevealToken(guess, { ...base, ledger }))).toBe('bad-tag');
    expect(await reasonOf(redeemRevealToken(guess, { ...base, ledger }))).toBe('TOKEN_LOCKED');
  });
});
