import { randomBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { WaybillShieldError } from '../../src/errors.js';
import { MemoryLedger } from '../../src/ledger/memory.js';
import { issueRevealToken, redeemRevealToken } from '../../src/reveal/index.js';
import { encodeToken } from '../../src/reveal/_format.js';
import { testKeyring } from '../helpers/fixtures.js';

const keyring = testKeyring();
const T0 = Date.parse('2026-11-29T08:00:00Z');
const waybillId = 'GHN2611290001';

/**
 * The strongest blind guess: a well-formed v1 token with the real key-id bits (public: they are
 * in every token), a non-empty field mask, and random window and tag. Every such guess reaches
 * the tag check unless the waybill is locked.
 */
function randomToken(): string {
  const r = randomBytes(12);
  const u16 = (i: number) => (r[i]! << 8) | r[i + 1]!;
  return encodeToken(
    { version: 1, kidLow: keyring.primary % 8, fieldMask: 1 + (r[0]! % 255), nbLow: u16(1) % 8192, durationUnits: 1 + (u16(3) % 1024) },
    r.subarray(4, 12),
  );
}

describe('brute force against one waybill', () => {
  it('10,000 random tokens: 0 successes, lockout after the configured count, and a correct token gains nothing once locked', async () => {
    let clock = T0;
    const ledger = new MemoryLedger({ clock: () => clock });
    const maxFailures = 5;
    // The real token exists and is valid right now: the attacker is guessing it.
    const real = issueRevealToken({ keyring, waybillId, courierId: 'courier-042', assignment: 1, notBefore: new Date(T0), notAfter: new Date(T0 + 8 * 3_600_000) });
    const opts = { keyring, waybillId, courierId: 'courier-042', assignment: 1, now: new Date(T0 + 3_600_000), ledger, maxFailures };
    const outcomes = { ok: 0, rejected: 0, locked: 0 };
    let firstLockedAt = -1;
    for (let i = 0; i < 10_000; i++) {
      let t = randomToken();
      if (t === real) t = randomToken();
      try {
        await redeemRevealToken(t, opts);
        outcomes.ok++;
      } catch (e) {
        const code = (e as WaybillShieldError).code;
        if (code === 'TOKEN_LOCKED') {
          outcomes.locked++;
          if (firstLockedAt < 0) firstLockedAt = i;
        } else {
          expect(code).toBe('TOKEN_REJECTED');
          outcomes.rejected++;
        }
      }
    }
    expect(outcomes.ok).toBe(0);
    expect(outcomes.rejected).toBe(maxFailures);
    expect(firstLockedAt).toBe(maxFailures);
    expect(outcomes.locked).toBe(10_000 - maxFailures);
    // A correct token (a lucky guess, or the legitimate courier) is refused while locked, with
    // the same TOKEN_LOCKED as every wrong guess: guesses past the limit learn nothing. This is
    // the documented trade-off; the lock lasts one window.
    await expect(redeemRevealToken(real, opts)).rejects.toMatchObject({ code: 'TOKEN_LOCKED' });
    // The refused correct token took no use: after the window it redeems with all its uses.
    clock += 3_600_001;
    const later = { ...opts, now: new Date(T0 + 2 * 3_600_000), maxUses: 1 };
    await expect(redeemRevealToken(real, later)).resolves.toBeDefined();
  });

  it('concurrent guesses cannot pass the limit between check and count', async () => {
    const ledger = new MemoryLedger();
    const opts = { keyring, waybillId: 'GHN-concurrent', courierId: 'courier-042', now: new Date(T0), ledger, maxFailures: 5 };
    const results = await Promise.allSettled(Array.from({ length: 500 }, () => redeemRevealToken(randomToken(), opts)));
    const codes = results.map((r) => (r.status === 'rejected' ? (r.reason as WaybillShieldError).code : 'ok'));
    expect(codes.filter((c) => c === 'TOKEN_REJECTED')).toHaveLength(5);
    expect(codes.filter((c) => c === 'TOKEN_LOCKED')).toHaveLength(495);
  });
});
