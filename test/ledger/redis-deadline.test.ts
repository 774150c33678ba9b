/**
 * A stalled Redis never gets its late "unavailable" ahead of the script's own deadline: when
 * RedisLedger reports LEDGER_UNAVAILABLE for a use-taking or counting script, this process's clock
 * is already past the deadline that script carries, so the script, if Redis runs it later, is a
 * no-op (its `TIME` check). Timers count from the event loop's cached time, which lags after
 * synchronous work; the test makes that lag large on purpose. No Redis needed: the client hangs.
 */
import { describe, expect, it } from 'vitest';
import { WaybillShieldError } from '../../src/errors.js';
import { RedisLedger, type RedisLedgerClient } from '../../src/ledger/redis.js';

/** A client that never answers and records the deadline (ARGV[1]) of each script sent. */
function hangingClient(): { client: RedisLedgerClient; deadlines: number[] } {
  const deadlines: number[] = [];
  const hang = (..._args: unknown[]): Promise<unknown> => {
    const numKeys = Number(_args[1]);
    deadlines.push(Number(_args[2 + numKeys]));
    return new Promise(() => {});
  };
  return { client: { evalsha: hang, eval: hang }, deadlines };
}

/** Block the event loop, so timers set next start from a cached time this far in the past. */
function busy(ms: number): void {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    /* spin */
  }
}

async function failedAt(p: Promise<unknown>): Promise<{ code: string | undefined; at: number }> {
  try {
    await p;
  } catch (e) {
    return { code: e instanceof WaybillShieldError ? e.code : undefined, at: Date.now() };
  }
  throw new Error('expected the call to fail');
}

describe('RedisLedger deadlines against a stalled server', () => {
  it('consume and acquire report LEDGER_UNAVAILABLE only once the deadline they sent has passed', async () => {
    const { client, deadlines } = hangingClient();
    const ledger = new RedisLedger({ client, timeoutMs: 100 });
    // Let the loop start a fresh iteration, then spend 60 ms before the calls in the same tick.
    await new Promise((r) => setTimeout(r, 5));
    busy(60);
    const consume = failedAt(ledger.consume('W1', 'ab'.repeat(16), 1, 60_000));
    busy(60);
    const acquire = failedAt(ledger.acquire('W1', 'reveal', 5, 60_000));
    const [c, a] = await Promise.all([consume, acquire]);
    expect(deadlines).toHaveLength(2);
    expect(c.code).toBe('LEDGER_UNAVAILABLE');
    expect(a.code).toBe('LEDGER_UNAVAILABLE');
    expect(c.at).toBeGreaterThan(deadlines[0]!);
    expect(a.at).toBeGreaterThan(deadlines[1]!);
  });
});
