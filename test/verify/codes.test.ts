import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Keyring } from '../../src/keys/keyring.js';
import { MemoryLedger } from '../../src/ledger/memory.js';
import type { AuditEvent } from '../../src/audit/types.js';
import type { RevealLedger } from '../../src/ledger/types.js';
import { callerCode, deliveryPin, verifyCallerCode, verifyDeliveryPin, CALLER_CODE_WINDOW_MS } from '../../src/verify/index.js';
import { testKeyring } from '../helpers/fixtures.js';

const keyring = testKeyring();
const T0 = Date.parse('2026-11-29T08:03:00Z');
const ids = { waybillId: 'GHN2611290001', courierId: 'courier-042' };

function otherCode(c: string): string {
  return String((Number(c) + 1) % 1_000_000).padStart(6, '0');
}

describe('callerCode', () => {
  it('is 6 digits, stable within a 10-minute window, valid until the end of the next window', () => {
    const a = callerCode({ keyring, ...ids, at: new Date(T0) });
    expect(a.code).toMatch(/^\d{6}$/);
    expect(callerCode({ keyring, ...ids, at: new Date(Date.parse('2026-11-29T08:00:00Z')) }).code).toBe(a.code);
    expect(callerCode({ keyring, ...ids, at: new Date(Date.parse('2026-11-29T08:09:59.999Z')) }).code).toBe(a.code);
    expect(a.validUntil.toISOString()).toBe('2026-11-29T08:20:00.000Z');
  });

  it('verifies in the current and the previous window only', () => {
    const { code } = callerCode({ keyring, ...ids, at: new Date(T0) });
    expect(verifyCallerCode(code, { keyring, ...ids, at: new Date(T0) })).toBe(true);
    expect(verifyCallerCode(`${code.slice(0, 3)} ${code.slice(3)}`, { keyring, ...ids, at: new Date(T0 + CALLER_CODE_WINDOW_MS) })).toBe(true);
    expect(verifyCallerCode(code, { keyring, ...ids, at: new Date(T0 + 2 * CALLER_CODE_WINDOW_MS) })).toBe(false);
    expect(verifyCallerCode(code, { keyring, ...ids, at: new Date(T0 - CALLER_CODE_WINDOW_MS) })).toBe(false);
    expect(verifyCallerCode(otherCode(code), { keyring, ...ids, at: new Date(T0) })).toBe(false);
  });

  it('is bound to the courier, the waybill and the key', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,20}$/), fc.integer({ min: 0, max: 2 ** 40 }), (other, t) => {
        fc.pre(other !== ids.waybillId && other !== ids.courierId);
        const at = new Date(t);
        const { code } = callerCode({ keyring, ...ids, at });
        // A different binding gives a different code except by a 10^-6 coincidence; compare the
        // verifier, which is what a scammer faces.
        const wrong = [
          verifyCallerCode(code, { keyring, ...ids, courierId: other, at }),
          verifyCallerCode(code, { keyring, ...ids, waybillId: other, at }),
          verifyCallerCode(code, { keyring: Keyring.generate(), ...ids, at }),
        ];
        return wrong.filter(Boolean).length <= 1 && verifyCallerCode(code, { keyring, ...ids, at });
      }),
      { numRuns: 200 },
    );
  });

  it('still verifies codes of the previous primary after a rotation', () => {
    const next = keyring.rotate();
    const { code } = callerCode({ keyring, ...ids, at: new Date(T0) });
    expect(verifyCallerCode(code, { keyring: next, ...ids, at: new Date(T0) })).toBe(true);
    expect(callerCode({ keyring: next, ...ids, at: new Date(T0) }).code).not.toBe(code);
  });

  it('returns false for malformed codes and audits the check', () => {
    const events: AuditEvent[] = [];
    const audit = { append: (e: AuditEvent) => void events.push(e) };
    for (const bad of ['', 'abcdef', '12345', null, {}, '9'.repeat(10_000)]) expect(verifyCallerCode(bad as string, { keyring, ...ids, at: new Date(T0), audit })).toBe(false);
    expect(events.every((e) => e.action === 'caller.verify' && e.outcome === 'denied' && e.reason === 'malformed')).toBe(true);
    expect(() => verifyCallerCode('123456', { keyring, ...ids, courierId: 'a b' })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

describe('delivery PIN', () => {
  const at = new Date(T0);

  it('is 6 digits and changes with the Vietnamese calendar day', () => {
    const pin = deliveryPin({ keyring, waybillId: ids.waybillId, at });
    expect(pin).toMatch(/^\d{6}$/);
    // 2026-11-29 in Vietnam runs from 2026-11-28T17:00Z to 2026-11-29T17:00Z.
    expect(deliveryPin({ keyring, waybillId: ids.waybillId, at: new Date('2026-11-28T17:00:00Z') })).toBe(pin);
    expect(deliveryPin({ keyring, waybillId: ids.waybillId, at: new Date('2026-11-29T16:59:59Z') })).toBe(pin);
    expect(deliveryPin({ keyring, waybillId: ids.waybillId, at: new Date('2026-11-29T17:00:00Z') })).not.toBe(pin);
  });

  it('verifies today and the two previous days, not older', async () => {
    const pin = deliveryPin({ keyring, waybillId: ids.waybillId, at });
    // A fresh ledger each time: a PIN is single-use, so each check here is its first use.
    for (const days of [0, 1, 2]) expect(await verifyDeliveryPin(pin, { keyring, waybillId: ids.waybillId, at: new Date(T0 + days * 86_400_000), ledger: new MemoryLedger() })).toBe(true);
    expect(await verifyDeliveryPin(pin, { keyring, waybillId: ids.waybillId, at: new Date(T0 + 3 * 86_400_000), ledger: new MemoryLedger() })).toBe(false);
  });

  it('locks after 5 wrong tries; a correct PIN is single-use, and neither it nor its reuse counts', async () => {
    let clock = Date.now();
    const ledger = new MemoryLedger({ clock: () => clock });
    const events: AuditEvent[] = [];
    const audit = { append: (e: AuditEvent) => void events.push(e) };
    const o = { keyring, waybillId: ids.waybillId, at, ledger, audit, actor: 'courier-042' };
    const pin = deliveryPin({ keyring, waybillId: ids.waybillId, at });
    expect(await verifyDeliveryPin(pin, o)).toBe(true);
    // Used: refused from now on, and the reuse attempts are not guesses.
    for (let i = 0; i < 10; i++) expect(await verifyDeliveryPin(pin, o)).toBe(false);
    expect(events.at(-1)).toMatchObject({ action: 'pin.verify', outcome: 'denied', reason: 'used' });
    for (let i = 0; i < 5; i++) expect(await verifyDeliveryPin(otherCode(pin), o)).toBe(false);
    await expect(verifyDeliveryPin(otherCode(pin), o)).rejects.toMatchObject({ code: 'TOKEN_LOCKED', reason: 'locked' });
    expect(events.at(-1)).toMatchObject({ action: 'pin.verify', outcome: 'denied', reason: 'locked' });
    // The next day's (correct, unused) PIN is refused while locked, and takes no use.
    const next = { ...o, at: new Date(T0 + 86_400_000) };
    const pin2 = deliveryPin({ keyring, waybillId: ids.waybillId, at: next.at });
    await expect(verifyDeliveryPin(pin2, next)).rejects.toMatchObject({ code: 'TOKEN_LOCKED' });
    expect(JSON.stringify(events)).not.toContain(pin);
    clock += 86_400_000;
    expect(await verifyDeliveryPin(pin2, next)).toBe(true);
    expect(await verifyDeliveryPin(pin2, next)).toBe(false);
    expect(await verifyDeliveryPin(pin, next)).toBe(false);
  });

  it('fails closed when the ledger is down', async () => {
    const down = { acquire: () => Promise.reject(new Error('down')) } as unknown as RevealLedger;
    const pin = deliveryPin({ keyring, waybillId: ids.waybillId, at });
    await expect(verifyDeliveryPin(pin, { keyring, waybillId: ids.waybillId, at, ledger: down })).rejects.toMatchObject({ code: 'LEDGER_UNAVAILABLE' });
  });

  it('is per waybill', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,20}$/), fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,20}$/), (a, b) => {
        fc.pre(a !== b);
        const pa = deliveryPin({ keyring, waybillId: a, at });
        const pb = deliveryPin({ keyring, waybillId: b, at });
        return pa !== pb || deliveryPin({ keyring, waybillId: a, at: new Date(T0 + 86_400_000) }) !== deliveryPin({ keyring, waybillId: b, at: new Date(T0 + 86_400_000) });
      }),
      { numRuns: 200 },
    );
  });
});
