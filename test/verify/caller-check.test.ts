import fc from 'fast-check';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisLedger } from '../../src/ledger/redis.js';
import { redisSuite, startRedis, type RedisServer } from '../helpers/redis.js';

// This suite starts its own redis-server: skipped with a visible line when none is on PATH (a failure under CI).
const redis = redisSuite('server');
import { MemoryLedger } from '../../src/ledger/memory.js';
import type { AuditEvent } from '../../src/audit/types.js';
import type { RevealLedger } from '../../src/ledger/types.js';
import { protect, type ProtectedWaybill } from '../../src/protect.js';
import { callerCheck, callerCode, deliveryPin, verifyDeliveryPin, CALLER_CODE_WINDOW_MS, type CallerCheckOptions } from '../../src/verify/index.js';
import { sampleWaybill, testKeyring } from '../helpers/fixtures.js';

const keyring = testKeyring();
const T0 = new Date('2026-11-29T08:03:00Z');
// sampleWaybill(): recipient 0901 234 567, assigned to courier-042.
const record: ProtectedWaybill = protect(sampleWaybill(), { keyring, now: T0 });
const courierId = 'courier-042';
const RIGHT_LAST4 = '4567';

function collect(): { events: AuditEvent[]; append(e: AuditEvent): void } {
  const events: AuditEvent[] = [];
  return { events, append: (e) => void events.push(e) };
}

function codeAt(at: Date, courier = courierId): string {
  return callerCode({ keyring, waybillId: record.id, courierId: courier, at }).code;
}

function other(code: string): string {
  return String((Number(code) + 1) % 1_000_000).padStart(6, '0');
}

function opts(over: Partial<CallerCheckOptions> = {}): CallerCheckOptions {
  return { keyring, record, phoneLast4: RIGHT_LAST4, code: codeAt(T0), at: T0, ledger: new MemoryLedger(), ...over };
}

describe('callerCheck: the genuine courier', () => {
  it('right last 4 digits and the code of the assigned courier → true, audited without values', async () => {
    const audit = collect();
    expect(await callerCheck(opts({ audit }))).toBe(true);
    expect(audit.events).toEqual([
      { actor: 'tracking-page', action: 'unseal', waybillId: record.id, fields: ['recipient.phone'], purpose: 'caller-check', outcome: 'ok' },
      { actor: 'tracking-page', action: 'caller.verify', waybillId: record.id, fields: ['recipient.phone'], purpose: 'caller-check', outcome: 'ok' },
    ]);
    // Nothing but the waybill id carries digits: no phone fragment, no code.
    expect(JSON.stringify(audit.events).replaceAll(record.id, '')).not.toMatch(/\d/);
  });

  it('accepts spacing and dashes, and the previous window, like verifyCallerCode', async () => {
    const code = codeAt(T0);
    expect(await callerCheck(opts({ code: `${code.slice(0, 3)}-${code.slice(3)}`, phoneLast4: ' 45 67 ' }))).toBe(true);
    expect(await callerCheck(opts({ at: new Date(T0.getTime() + CALLER_CODE_WINDOW_MS) }))).toBe(true);
    expect(await callerCheck(opts({ at: new Date(T0.getTime() + 2 * CALLER_CODE_WINDOW_MS) }))).toBe(false);
  });

  it('uses the courier the backend names now: after a reassignment the old courier is refused', async () => {
    const ledger = new MemoryLedger();
    expect(await callerCheck(opts({ ledger, courierId: 'courier-777', code: codeAt(T0, 'courier-777') }))).toBe(true);
    expect(await callerCheck(opts({ ledger, courierId: 'courier-777', code: codeAt(T0, courierId) }))).toBe(false);
    const { assignment: _gone, ...unassigned } = record;
    await expect(callerCheck(opts({ record: unassigned as ProtectedWaybill }))).rejects.toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: 'courierId', rule: 'required' }] });
  });
});

describe('callerCheck: everyone else', () => {
  it('a wrong phone or a wrong code → false; which one is only in the audit', async () => {
    const audit = collect();
    const ledger = new MemoryLedger();
    expect(await callerCheck(opts({ ledger, audit, phoneLast4: '4568' }))).toBe(false);
    expect(await callerCheck(opts({ ledger, audit, code: other(codeAt(T0)) }))).toBe(false);
    expect(await callerCheck(opts({ ledger, audit, phoneLast4: 'abcd' }))).toBe(false);
    const verdicts = audit.events.filter((e) => e.action === 'caller.verify').map((e) => e.reason);
    expect(verdicts).toEqual(['bad-phone', 'bad-code', 'malformed']);
    // Both halves were computed for each well-formed answer: the phone was opened both times.
    expect(audit.events.filter((e) => e.action === 'unseal')).toHaveLength(2);
  });

  it('locks after 5 wrong answers (even the right answer is then refused); genuine answers do not count', async () => {
    let clock = T0.getTime();
    const ledger = new MemoryLedger({ clock: () => clock });
    const audit = collect();
    for (let i = 0; i < 10; i++) expect(await callerCheck(opts({ ledger }))).toBe(true);
    for (let i = 0; i < 5; i++) expect(await callerCheck(opts({ ledger, audit, phoneLast4: String(1000 + i) }))).toBe(false);
    await expect(callerCheck(opts({ ledger, audit }))).rejects.toMatchObject({ code: 'TOKEN_LOCKED', reason: 'locked' });
    expect(audit.events.at(-1)).toMatchObject({ action: 'caller.verify', outcome: 'denied', reason: 'locked' });
    // A locked check opens nothing.
    expect(audit.events.filter((e) => e.action === 'unseal')).toHaveLength(5);
    clock += 86_400_000;
    expect(await callerCheck(opts({ ledger, at: new Date(clock), code: codeAt(new Date(clock)) }))).toBe(true);
  });

  it('only guesses count: a well-formed wrong answer is counted, a genuine one never touches the counter, even briefly', async () => {
    const inner = new MemoryLedger();
    const calls: string[] = [];
    const ledger: RevealLedger = {
      acquire: (...a) => (calls.push('acquire'), inner.acquire(...a)),
      release: (...a) => (calls.push('release'), inner.release(...a)),
      locked: (...a) => (calls.push('locked'), inner.locked(...a)),
      consume: (...a) => inner.consume(...a),
      revokeToken: (...a) => inner.revokeToken(...a),
      revokeWaybill: (...a) => inner.revokeWaybill(...a),
    };
    for (let i = 0; i < 20; i++) expect(await callerCheck(opts({ ledger }))).toBe(true);
    expect(calls.filter((c) => c !== 'locked')).toEqual([]);
    for (let i = 0; i < 4; i++) expect(await callerCheck(opts({ ledger, code: other(codeAt(T0)) }))).toBe(false);
    expect(calls.filter((c) => c === 'acquire')).toHaveLength(4);
    expect(calls).not.toContain('release');
    // 20 genuine answers and 4 wrong ones: one wrong answer is left, then the lock holds the genuine answer too.
    expect(await callerCheck(opts({ ledger }))).toBe(true);
    expect(await callerCheck(opts({ ledger, phoneLast4: '0000' }))).toBe(false);
    await expect(callerCheck(opts({ ledger }))).rejects.toMatchObject({ code: 'TOKEN_LOCKED' });
    // A custom ledger without `locked` gets the same answers (its check counts and refunds).
    const plain = new MemoryLedger();
    const legacy: RevealLedger = { acquire: (...a) => plain.acquire(...a), release: (...a) => plain.release(...a), consume: (...a) => plain.consume(...a), revokeToken: (...a) => plain.revokeToken(...a), revokeWaybill: (...a) => plain.revokeWaybill(...a) };
    for (let i = 0; i < 10; i++) expect(await callerCheck(opts({ ledger: legacy }))).toBe(true);
    for (let i = 0; i < 5; i++) expect(await callerCheck(opts({ ledger: legacy, phoneLast4: '0000' }))).toBe(false);
    await expect(callerCheck(opts({ ledger: legacy }))).rejects.toMatchObject({ code: 'TOKEN_LOCKED' });
  });

  it('concurrent guesses cannot outrun the limit: of 40 at once, 5 count and the rest are locked out', async () => {
    const ledger = new MemoryLedger();
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => callerCheck(opts({ ledger, phoneLast4: String(1000 + i) })).then(String, (e: { code: string }) => e.code)));
    expect(results.filter((r) => r === 'false')).toHaveLength(5);
    expect(results.filter((r) => r === 'TOKEN_LOCKED')).toHaveLength(35);
    await expect(callerCheck(opts({ ledger }))).rejects.toMatchObject({ code: 'TOKEN_LOCKED' });
  });

  it('malformed entries are not guesses: they never count toward the lockout and open nothing', async () => {
    const ledger = new MemoryLedger();
    const audit = collect();
    for (let i = 0; i < 4; i++) expect(await callerCheck(opts({ ledger, phoneLast4: '0000' }))).toBe(false);
    for (const bad of ['', '456', '45678', 'abcd', '4５67']) expect(await callerCheck(opts({ ledger, audit, phoneLast4: bad }))).toBe(false);
    for (const bad of ['12345', '1234567', 'code!!']) expect(await callerCheck(opts({ ledger, audit, code: bad }))).toBe(false);
    expect(audit.events.every((e) => e.action === 'caller.verify' && e.reason === 'malformed')).toBe(true);
    // Still one wrong answer left before the lock: the genuine answer goes through.
    expect(await callerCheck(opts({ ledger }))).toBe(true);
  });

  it('its counter is its own: guesses here never lock the delivery PIN, nor the reverse', async () => {
    const ledger = new MemoryLedger();
    for (let i = 0; i < 5; i++) await callerCheck(opts({ ledger, phoneLast4: '0000' }));
    await expect(callerCheck(opts({ ledger }))).rejects.toMatchObject({ code: 'TOKEN_LOCKED' });
    const pin = deliveryPin({ keyring, waybillId: record.id, at: T0 });
    expect(await verifyDeliveryPin(pin, { keyring, waybillId: record.id, at: T0, ledger })).toBe(true);

    const ledger2 = new MemoryLedger();
    for (let i = 0; i < 5; i++) await verifyDeliveryPin(other(pin), { keyring, waybillId: record.id, at: T0, ledger: ledger2 });
    await expect(verifyDeliveryPin(pin, { keyring, waybillId: record.id, at: T0, ledger: ledger2 })).rejects.toMatchObject({ code: 'TOKEN_LOCKED' });
    expect(await callerCheck(opts({ ledger: ledger2 }))).toBe(true);
  });

  it('a label holder (3 of the 4 digits known) who tries every 4th digit never gets true, and is locked out', async () => {
    const ledger = new MemoryLedger();
    const shown = record.label.recipient.phone.slice(-3);
    expect(shown).toBe('567');
    let wins = 0;
    let locked = false;
    for (let d = 0; d <= 9; d++) {
      try {
        // The stranger has the label and the phone digits, not the code: any guess will do.
        if (await callerCheck(opts({ ledger, phoneLast4: `${d}${shown}`, code: '123456' }))) wins++;
      } catch (e) {
        expect(e).toMatchObject({ code: 'TOKEN_LOCKED' });
        locked = true;
      }
    }
    expect(wins).toBe(0);
    expect(locked).toBe(true);
  });

  it('property: random answers are false or locked, never true, and errors carry no input', async () => {
    const right = codeAt(T0);
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 12 }), fc.stringMatching(/^[0-9 -]{0,8}$/)), fc.oneof(fc.string({ maxLength: 12 }), fc.stringMatching(/^[0-9 -]{0,10}$/)), async (last4, code) => {
        fc.pre(!(code.replace(/[\s-]/g, '') === right && last4.replace(/[\s-]/g, '') === RIGHT_LAST4));
        const audit = collect();
        const r = await callerCheck(opts({ phoneLast4: last4, code, audit }));
        expect(r).toBe(false);
        // The audit names the waybill and a reason, nothing typed.
        expect(JSON.stringify(audit.events).replaceAll(record.id, '')).not.toMatch(/\d/);
        const verdict = audit.events.at(-1)!;
        expect(verdict).toMatchObject({ action: 'caller.verify', outcome: 'denied' });
        expect(['malformed', 'bad-phone', 'bad-code']).toContain(verdict.reason);
      }),
      { numRuns: 200 },
    );
  });

  it('fails closed when the ledger is down, before opening anything', async () => {
    const audit = collect();
    const down = { acquire: () => Promise.reject(new Error('ECONNREFUSED 10.0.0.1:6379 +84901234567')) } as unknown as RevealLedger;
    const e = await callerCheck(opts({ ledger: down, audit })).catch((x: unknown) => x);
    expect(e).toMatchObject({ name: 'WaybillShieldError', code: 'LEDGER_UNAVAILABLE' });
    expect(JSON.stringify(e) + (e as Error).message).not.toMatch(/ECONN|84901/);
    expect(audit.events.map((x) => x.action)).toEqual(['caller.verify']);
  });

  it('a record whose phone does not open throws DECRYPT_FAILED and does not use up the visitor’s tries', async () => {
    const ledger = new MemoryLedger();
    const env = record.sealed['recipient.phone'];
    const broken = { ...record, sealed: { ...record.sealed, 'recipient.phone': `${env.slice(0, -4)}AAAA` } } as ProtectedWaybill;
    for (let i = 0; i < 7; i++) await expect(callerCheck(opts({ ledger, record: broken }))).rejects.toMatchObject({ code: 'DECRYPT_FAILED' });
    expect(await callerCheck(opts({ ledger }))).toBe(true);
  });

  it('bad options are INVALID_INPUT naming the option, never the value', async () => {
    await expect(callerCheck(opts({ waybillId: 'GHN999' }))).rejects.toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: 'waybillId', rule: 'invalid' }] });
    await expect(callerCheck(opts({ courierId: 'Nguyễn Văn A' }))).rejects.toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: 'courierId', rule: 'format' }] });
    await expect(callerCheck(opts({ actor: '0901 234 567' }))).rejects.toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: 'actor', rule: 'format' }] });
    await expect(callerCheck(opts({ maxFailures: 0 }))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(callerCheck(opts({ code: undefined as never }))).rejects.toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: 'code', rule: 'required' }] });
    await expect(callerCheck(opts({ phoneLast4: 4567 as never }))).rejects.toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: 'phoneLast4', rule: 'type' }] });
    await expect(callerCheck(opts({ record: { v: 1 } as never }))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(callerCheck(opts({ keyring: {} as never }))).rejects.toMatchObject({ code: 'INVALID_KEYRING' });
    await expect(callerCheck(null as never)).rejects.toMatchObject({ code: 'INVALID_KEYRING' });
    const hostile = new Proxy({}, { get: () => { throw new Error('+84901234567'); } });
    const e = await callerCheck(hostile as never).catch((x: unknown) => x);
    expect(e).toMatchObject({ name: 'WaybillShieldError' });
    expect((e as Error).message).not.toContain('8490');
  });
});

describe.skipIf(redis.kind !== 'spawn')(`callerCheck on RedisLedger (the shared production ledger)${redis.kind === 'spawn' ? '' : ' (needs redis-server on PATH)'}`, () => {
  let server: RedisServer;
  let client: Redis;

  beforeAll(async () => {
    server = await startRedis();
    client = new Redis({ host: '127.0.0.1', port: server.port, enableOfflineQueue: true, maxRetriesPerRequest: 1 });
    client.on('error', () => {});
  }, 30_000);

  afterAll(async () => {
    client?.disconnect();
    await server?.stop();
  });

  it("locks across backend instances on its own 'caller' key, with a TTL", async () => {
    const a = new RedisLedger({ client, prefix: 'cc:' });
    const b = new RedisLedger({ client, prefix: 'cc:' });
    for (let i = 0; i < 5; i++) expect(await callerCheck(opts({ ledger: i % 2 ? a : b, phoneLast4: '0000' }))).toBe(false);
    await expect(callerCheck(opts({ ledger: a }))).rejects.toMatchObject({ code: 'TOKEN_LOCKED' });
    const keys = await client.keys('cc:*');
    expect(keys).toEqual([`cc:{${record.id}}:f:caller`]);
    expect(await client.pttl(keys[0]!)).toBeGreaterThan(0);
    expect(await verifyDeliveryPin(deliveryPin({ keyring, waybillId: record.id, at: T0 }), { keyring, waybillId: record.id, at: T0, ledger: b })).toBe(true);
  });
});
