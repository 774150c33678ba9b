/**
 * Ledger errors never carry their input: whatever string reaches a ledger method or the
 * RedisLedger constructor (a name, a phone number, an address pasted into the wrong field), the
 * error is a WaybillShieldError with a stable code whose message and issues quote none of it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WaybillShieldError } from '../../src/errors.js';
import { MemoryLedger } from '../../src/ledger/memory.js';
import { RedisLedger, type RedisLedgerClient } from '../../src/ledger/redis.js';

const fake: RedisLedgerClient = { evalsha: async () => 'ok', eval: async () => 'ok' };
const pii = fc.oneof(
  fc.constantFrom('Nguyễn Thị Minh Khai', '0901 234 567', '+84901234567', 'Số 12 ngõ 34 Nguyễn Trãi', '0901-234-567'),
  fc.string({ unit: 'grapheme', minLength: 4, maxLength: 30 }).map((s) => `${s}0901234567`),
);

let refused = 0;

/** The error `p` throws, or undefined when the value happens to be valid (e.g. `0901-234-567` is a well-formed id). */
async function caught(p: () => Promise<unknown> | unknown): Promise<WaybillShieldError | undefined> {
  try {
    await p();
  } catch (e) {
    refused++;
    return e as WaybillShieldError;
  }
  return undefined;
}

function leaks(e: WaybillShieldError, value: string): boolean {
  const text = `${e.message} ${JSON.stringify(e)} ${JSON.stringify(e.issues ?? [])} ${String(e.stack).split('\n')[0]}`;
  return text.includes(value) || /\d{4,}/.test(text.replace(/\b\d+ ms\b/g, ''));
}

describe('ledger errors carry no input', () => {
  it('MemoryLedger and RedisLedger methods: INVALID_INPUT without the value (property)', async () => {
    refused = 0;
    const ledgers = [new MemoryLedger(), new RedisLedger({ client: fake })];
    await fc.assert(
      fc.asyncProperty(pii, fc.integer({ min: 0, max: 1 }), async (value, which) => {
        const l = ledgers[which]!;
        for (const call of [
          () => l.acquire(value, 'reveal', 5, 1000),
          () => l.consume('W1', value, 1, 1000),
          () => l.consume(value, 'ab'.repeat(16), 1, 1000),
          () => l.revokeWaybill(value, 1000),
          () => l.acquire('W1', value as 'pin', 5, 1000),
        ]) {
          const e = await caught(call);
          if (e === undefined) continue;
          expect(e).toBeInstanceOf(WaybillShieldError);
          // A value that happens to be a valid id reaches the fake client, whose reply is odd.
          expect(['INVALID_INPUT', 'LEDGER_UNAVAILABLE']).toContain(e.code);
          expect(leaks(e, value)).toBe(false);
        }
      }),
      { numRuns: 60 },
    );
    expect(refused).toBeGreaterThan(200);
  });

  it('RedisLedger constructor: INVALID_INPUT without the value, even from throwing getters (property)', async () => {
    refused = 0;
    await fc.assert(
      fc.asyncProperty(pii, async (value) => {
        for (const opts of [
          { client: fake, prefix: value },
          { client: value },
          { get client(): RedisLedgerClient { throw new Error(value); } },
          { client: fake, get replicas(): number { throw new RangeError(value); } },
        ]) {
          const e = await caught(() => new RedisLedger(opts as { client: RedisLedgerClient }));
          if (e === undefined) continue;
          expect(e).toBeInstanceOf(WaybillShieldError);
          expect(e.code).toBe('INVALID_INPUT');
          expect(leaks(e, value)).toBe(false);
        }
      }),
      { numRuns: 60 },
    );
    expect(refused).toBeGreaterThan(150);
  });

  it('a client that fails with a message quoting data: LEDGER_UNAVAILABLE, message not passed on', async () => {
    const chatty: RedisLedgerClient = {
      evalsha: () => Promise.reject(new Error('ERR key wsl:{Nguyễn 0901234567} wrong')),
      eval: () => Promise.reject(new Error('ERR 0901234567')),
    };
    const e = (await caught(() => new RedisLedger({ client: chatty }).consume('W1', 'ab'.repeat(16), 1, 1000)))!;
    expect(e.code).toBe('LEDGER_UNAVAILABLE');
    expect(leaks(e, '0901234567')).toBe(false);
    expect(e.cause).toBeUndefined();
  });
});
