import { describe, expect, it } from 'vitest';
import { protect, type ProtectedWaybill } from '../../src/protect.js';
import type { AuditEvent } from '../../src/audit/types.js';
import { MemoryLedger } from '../../src/ledger/memory.js';
import { issueRevealToken, redeemRevealToken, reveal, RevealGrant } from '../../src/reveal/index.js';
import type { SealedField } from '../../src/schema.js';
import { sampleWaybill, testKeyring } from '../helpers/fixtures.js';

const keyring = testKeyring();
const T0 = Date.parse('2026-11-29T08:00:00Z');
const record = protect(sampleWaybill(), { keyring, now: new Date(T0) });
const other = protect(sampleWaybill({ id: 'GHN2611290002' }), { keyring, now: new Date(T0) });

async function grantFor(fields?: SealedField[], waybillId = record.id): Promise<RevealGrant> {
  const token = issueRevealToken({ keyring, waybillId, courierId: 'courier-042', assignment: 1, fields, notBefore: new Date(T0), notAfter: new Date(T0 + 3_600_000) });
  return redeemRevealToken(token, { keyring, waybillId, courierId: 'courier-042', assignment: 1, now: new Date(T0 + 60_000), ledger: new MemoryLedger() });
}

function collect(): { events: AuditEvent[]; append(e: AuditEvent): void } {
  const events: AuditEvent[] = [];
  return { events, append: (e) => void events.push(e) };
}

const at = { now: new Date(T0 + 120_000) };

describe('reveal', () => {
  it('opens exactly the granted fields, once, and audits without values', async () => {
    const audit = collect();
    const grant = await grantFor();
    expect(grant.spent).toBe(false);
    const shown = reveal(record, grant, { keyring, audit, ...at });
    expect(shown).toEqual({ 'recipient.phone': '+84901234567' });
    expect(Object.isFrozen(shown)).toBe(true);
    expect(grant.spent).toBe(true);
    expect(audit.events).toEqual([{ actor: 'courier-042', action: 'reveal', waybillId: record.id, fields: ['recipient.phone'], purpose: 'delivery', outcome: 'ok' }]);
    expect(JSON.stringify(audit.events)).not.toContain('901234567');
    expect(() => reveal(record, grant, { keyring, audit, ...at })).toThrow(expect.objectContaining({ code: 'INVALID_GRANT', reason: 'grant-spent' }));
    expect(audit.events.at(-1)).toMatchObject({ outcome: 'denied', reason: 'grant-spent' });
  });

  it('opens several granted fields, and skips a granted field the record lacks', async () => {
    const shown = reveal(record, await grantFor(['recipient.phone', 'recipient.address']), { keyring, ...at });
    expect(Object.keys(shown).sort()).toEqual(['recipient.address', 'recipient.phone']);
    expect(shown['recipient.address']).toContain('Nguyễn Trãi');
    const noNotes = protect(sampleWaybill({ notes: undefined }), { keyring });
    expect(reveal(noNotes, await grantFor(['notes', 'recipient.phone']), { keyring, ...at })).toEqual({ 'recipient.phone': '+84901234567' });
  });

  it('refuses anything not made by redemption', async () => {
    const real = await grantFor();
    const fakes: unknown[] = [
      { ...real },
      JSON.parse(JSON.stringify(real)),
      Object.create(RevealGrant.prototype),
      Object.assign(Object.create(RevealGrant.prototype), { waybillId: record.id, courierId: 'courier-042', fields: ['recipient.phone'] }),
      new Proxy(real, {}),
      null,
      'grant',
    ];
    for (const f of fakes) expect(() => reveal(record, f as RevealGrant, { keyring, ...at })).toThrow(expect.objectContaining({ code: 'INVALID_GRANT' }));
    // A fake reads as spent; the real grant's state is not reachable by reflection, so it cannot be unspent.
    expect((Object.create(RevealGrant.prototype) as RevealGrant).spent).toBe(true);
    expect((new Proxy(real, {}) as RevealGrant).spent).toBe(true);
    expect(Reflect.ownKeys(real).sort()).toEqual(['assignment', 'courierId', 'expiresAt', 'fields', 'waybillId']);
    expect(Object.getOwnPropertyNames(RevealGrant).sort()).toEqual(['length', 'name', 'prototype']);
    expect(() => new RevealGrant(Symbol('mint'), { waybillId: record.id, courierId: 'x', assignment: 1, fields: ['recipient.phone'], expiresAt: T0 * 2 })).toThrow(
      expect.objectContaining({ code: 'INVALID_GRANT' }),
    );
    class Sub extends RevealGrant {}
    expect(() => new Sub(Symbol('mint'), { waybillId: record.id, courierId: 'x', assignment: 1, fields: ['recipient.phone'], expiresAt: T0 * 2 })).toThrow();
    expect(Object.isFrozen(real)).toBe(true);
    expect(() => (real.fields as SealedField[]).push('notes')).toThrow();
    // The real one still works after all that.
    expect(reveal(record, real, { keyring, ...at })).toEqual({ 'recipient.phone': '+84901234567' });
  });

  it('refuses a grant for another waybill, an expired grant, and a record reassigned since', async () => {
    const g = await grantFor();
    expect(() => reveal(other, g, { keyring, ...at })).toThrow(expect.objectContaining({ code: 'INVALID_GRANT', reason: 'wrong-waybill' }));
    expect(() => reveal(record, g, { keyring, now: new Date(T0 + 60_000 + 300_000) })).toThrow(expect.objectContaining({ reason: 'grant-expired' }));
    const reassigned: ProtectedWaybill = { ...record, assignment: { courierId: 'courier-099', number: 2 } };
    const g2 = await grantFor();
    expect(() => reveal(reassigned, g2, { keyring, ...at })).toThrow(expect.objectContaining({ reason: 'reassigned' }));
    const damaged = { ...record, assignment: null } as unknown as ProtectedWaybill;
    const g3 = await grantFor();
    expect(() => reveal(damaged, g3, { keyring, ...at })).toThrow(expect.objectContaining({ reason: 'reassigned' }));
  });

  it('never outlives the token window', async () => {
    const token = issueRevealToken({ keyring, waybillId: record.id, courierId: 'courier-042', assignment: 1, notBefore: new Date(T0), notAfter: new Date(T0 + 15 * 60_000) });
    const g = await redeemRevealToken(token, { keyring, waybillId: record.id, courierId: 'courier-042', assignment: 1, now: new Date(T0 + 14 * 60_000), ledger: new MemoryLedger() });
    expect(g.expiresAt.getTime()).toBe(T0 + 15 * 60_000);
  });

  it('spends the grant even when a field does not open', async () => {
    const g = await grantFor(['recipient.phone']);
    const broken = { ...record, sealed: { ...record.sealed, 'recipient.phone': other.sealed['recipient.phone'] } };
    const audit = collect();
    expect(() => reveal(broken, g, { keyring, audit, ...at })).toThrow(expect.objectContaining({ code: 'DECRYPT_FAILED' }));
    expect(audit.events.at(-1)).toMatchObject({ outcome: 'error', reason: 'decrypt-failed' });
    expect(() => reveal(record, g, { keyring, ...at })).toThrow(expect.objectContaining({ code: 'INVALID_GRANT' }));
  });
});
