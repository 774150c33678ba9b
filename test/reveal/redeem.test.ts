import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Keyring } from '../../src/keys/keyring.js';
import { SEALED_FIELDS, type SealedField } from '../../src/schema.js';
import { WaybillShieldError } from '../../src/errors.js';
import type { AuditEvent } from '../../src/audit/types.js';
import { MemoryLedger } from '../../src/ledger/memory.js';
import type { RevealLedger } from '../../src/ledger/types.js';
import {
  issueRevealToken,
  redeemRevealToken,
  revokeRevealToken,
  revokeWaybillReveals,
  TOKEN_REJECTED_MESSAGE,
  type RedeemRevealTokenOptions,
} from '../../src/reveal/index.js';
import { testKeyring } from '../helpers/fixtures.js';

const keyring = testKeyring();
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const QUARTER = 15 * 60_000;
const T0 = Date.parse('2026-11-29T08:00:00Z');

const idArb = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/);
// A token's field mask covers the first 8 sealed fields; later ones are refused (see issue.ts).
const fieldsArb = fc.subarray(SEALED_FIELDS.slice(0, 8), { minLength: 1 });
const windowArb = fc.record({
  nb: fc.integer({ min: Date.parse('2025-01-01T00:00:00Z'), max: Date.parse('2060-01-01T00:00:00Z') }),
  len: fc.integer({ min: 1, max: 256 * 3_600_000 - QUARTER }),
  at: fc.double({ min: 0, max: 0.999999, noNaN: true }),
});

function collect(): { events: AuditEvent[]; append(e: AuditEvent): void } {
  const events: AuditEvent[] = [];
  return { events, append: (e) => void events.push(e) };
}

async function rejection(p: Promise<unknown>): Promise<WaybillShieldError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(WaybillShieldError);
    return e as WaybillShieldError;
  }
  throw new Error('expected a rejection');
}

function base(over: Partial<RedeemRevealTokenOptions> = {}): RedeemRevealTokenOptions {
  return { keyring, waybillId: 'GHN2611290001', courierId: 'courier-042', assignment: 1, now: new Date(T0 + 3_600_000), ledger: new MemoryLedger(), ...over };
}

function issue(over: Record<string, unknown> = {}): string {
  return issueRevealToken({ keyring, waybillId: 'GHN2611290001', courierId: 'courier-042', assignment: 1, notBefore: new Date(T0), notAfter: new Date(T0 + 12 * 3_600_000), ...over });
}

describe('issue → redeem (properties)', () => {
  it('redeems for every valid combination of ids, assignment, fields and window', async () => {
    await fc.assert(
      fc.asyncProperty(idArb, idArb, fc.integer({ min: 0, max: 0x7fffffff }), fieldsArb, windowArb, async (waybillId, courierId, assignment, fields, w) => {
        const notAfter = w.nb + w.len;
        const token = issueRevealToken({ keyring, waybillId, courierId, assignment, fields: fields as SealedField[], notBefore: new Date(w.nb), notAfter: new Date(notAfter) });
        expect(token).toMatch(/^[0-9A-HJKMNP-TV-Z]{20}$/);
        // Floor the offset, not the sum: at this magnitude nb + at·len can round up to notAfter itself.
        const now = new Date(w.nb + Math.floor(w.at * w.len));
        const grant = await redeemRevealToken(token, { keyring, waybillId, courierId, assignment, now, ledger: new MemoryLedger() });
        expect(grant.fields).toEqual(SEALED_FIELDS.filter((f) => fields.includes(f)));
        expect(grant.waybillId).toBe(waybillId);
        expect(grant.courierId).toBe(courierId);
      }),
      { numRuns: 300 },
    );
  });

  it('rejects any single-character change', async () => {
    const token = issue({ fields: ['recipient.phone', 'recipient.address'] });
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 19 }), fc.integer({ min: 1, max: 31 }), async (pos, delta) => {
        const value = (ALPHABET.indexOf(token[pos]!) + delta) % 32;
        const changed = token.slice(0, pos) + ALPHABET[value] + token.slice(pos + 1);
        const e = await rejection(redeemRevealToken(changed, base()));
        expect(e.code).toBe('TOKEN_REJECTED');
        expect(['bad-tag', 'malformed']).toContain(e.reason);
      }),
      { numRuns: 20 * 31 },
    );
  });

  it('rejects a wrong courier, waybill, assignment, or a time outside the window', async () => {
    await fc.assert(
      fc.asyncProperty(idArb, idArb, idArb, fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }), windowArb, fc.boolean(), async (waybillId, courierId, other, assignment, otherAssignment, w, before) => {
        fc.pre(other !== waybillId && other !== courierId && otherAssignment !== assignment);
        const token = issueRevealToken({ keyring, waybillId, courierId, assignment, notBefore: new Date(w.nb), notAfter: new Date(w.nb + w.len) });
        const inside = new Date(w.nb + Math.floor(w.at * w.len));
        const o = { keyring, waybillId, courierId, assignment, now: inside };
        for (const bad of [{ courierId: other }, { waybillId: other }, { assignment: otherAssignment }]) {
          const e = await rejection(redeemRevealToken(token, { ...o, ...bad, ledger: new MemoryLedger() }));
          expect(e.code).toBe('TOKEN_REJECTED');
        }
        // Outside the quantised window: before the quarter-hour containing notBefore, or at/after
        // the quarter-hour boundary at or after notAfter.
        const nbQ = Math.floor(w.nb / QUARTER) * QUARTER;
        const naQ = Math.ceil((w.nb + w.len) / QUARTER) * QUARTER;
        const outside = before ? nbQ - 1 - Math.floor(w.at * 30 * 86_400_000) : naQ + Math.floor(w.at * 30 * 86_400_000);
        const e = await rejection(redeemRevealToken(token, { ...o, now: new Date(outside), ledger: new MemoryLedger() }));
        expect(e.code).toBe('TOKEN_REJECTED');
        expect(e.reason).toBe(before ? 'not-yet-valid' : 'expired');
      }),
      { numRuns: 150 },
    );
  });

  it('redeems tokens made under a rotated-out key while that key is in the keyring', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 12 }), idArb, async (rotations, courierId) => {
        let k = Keyring.generate();
        const old = k;
        const token = issueRevealToken({ keyring: k, waybillId: 'GHN1', courierId, notBefore: new Date(T0), notAfter: new Date(T0 + 3_600_000) });
        for (let i = 0; i < rotations; i++) k = k.rotate();
        // Key ids 1 and 9 share their low 3 bits: redemption must try both.
        expect(k.primary).toBe(rotations + 1);
        const opts = { keyring: k, waybillId: 'GHN1', courierId, now: new Date(T0 + 60_000), ledger: new MemoryLedger() };
        await expect(redeemRevealToken(token, opts)).resolves.toBeDefined();
        const retired = k.retire(old.primary);
        const e = await rejection(redeemRevealToken(token, { ...opts, keyring: retired }));
        expect(e.reason).toBe('bad-tag');
        // A token of the newest key redeems too.
        const fresh = issueRevealToken({ keyring: k, waybillId: 'GHN1', courierId, notBefore: new Date(T0), notAfter: new Date(T0 + 3_600_000) });
        await expect(redeemRevealToken(fresh, opts)).resolves.toBeDefined();
      }),
      { numRuns: 40 },
    );
  });
});

describe('refusals', () => {
  const token = issue();

  async function reasonOf(t: string, over: Partial<RedeemRevealTokenOptions> = {}): Promise<{ e: WaybillShieldError; events: AuditEvent[] }> {
    const audit = collect();
    const e = await rejection(redeemRevealToken(t, base({ audit, ...over })));
    return { e, events: audit.events };
  }

  it('uses one generic message for every reason; the reason is only in `reason` and the audit event', async () => {
    const ledger = new MemoryLedger();
    const cases: [string, string, Partial<RedeemRevealTokenOptions>][] = [
      ['malformed', 'not a token', {}],
      ['bad-tag', token, { courierId: 'courier-777' }],
      ['wrong-courier', token, { courierId: 'courier-777', assignedCourierId: 'courier-042' }],
      ['reassigned', token, { assignment: 2 }],
      ['not-yet-valid', token, { now: new Date(T0 - 60_000) }],
      ['expired', token, { now: new Date(T0 + 12 * 3_600_000) }],
    ];
    for (const [reason, t, over] of cases) {
      const { e, events } = await reasonOf(t, over);
      expect(e.code).toBe('TOKEN_REJECTED');
      expect(e.message).toBe(`TOKEN_REJECTED: ${TOKEN_REJECTED_MESSAGE}`);
      expect(e.reason).toBe(reason);
      expect(Object.keys(e)).not.toContain('reason');
      expect(JSON.stringify(e)).not.toContain(reason);
      expect(events).toEqual([
        expect.objectContaining({ action: 'token.redeem', outcome: 'denied', reason, waybillId: 'GHN2611290001', actor: over.courierId ?? 'courier-042' }),
      ]);
    }
    // use-limit: default 5 reveals per token.
    for (let i = 0; i < 5; i++) await redeemRevealToken(token, base({ ledger }));
    expect((await reasonOf(token, { ledger })).e.reason).toBe('use-limit');
    // revoked: one token, or the whole waybill.
    const ledger2 = new MemoryLedger();
    await revokeRevealToken(token, { keyring, waybillId: 'GHN2611290001', courierId: 'courier-042', assignment: 1, ledger: ledger2, now: new Date(T0) });
    expect((await reasonOf(token, { ledger: ledger2 })).e.reason).toBe('revoked');
    const ledger3 = new MemoryLedger();
    await revokeWaybillReveals('GHN2611290001', { ledger: ledger3 });
    expect((await reasonOf(token, { ledger: ledger3 })).e.reason).toBe('revoked');
    await expect(redeemRevealToken(issue({ waybillId: 'GHN-other' }), base({ waybillId: 'GHN-other', ledger: ledger3 }))).resolves.toBeDefined();
  });

  it('honours maxUses', async () => {
    const ledger = new MemoryLedger();
    await redeemRevealToken(token, base({ ledger, maxUses: 1 }));
    expect((await reasonOf(token, { ledger, maxUses: 1 })).e.reason).toBe('use-limit');
  });

  it('locks a waybill after maxFailures counted failures, until the window passes', async () => {
    let clock = Date.now();
    const ledger = new MemoryLedger({ clock: () => clock });
    const audit = collect();
    for (let i = 0; i < 3; i++) expect((await reasonOf(token, { ledger, courierId: 'intruder' })).e.reason).toBe('bad-tag');
    const locked = await rejection(redeemRevealToken(token, base({ ledger, maxFailures: 3, audit })));
    expect(locked.code).toBe('TOKEN_LOCKED');
    expect(locked.reason).toBe('locked');
    expect(audit.events.at(-1)).toMatchObject({ outcome: 'denied', reason: 'locked' });
    // Even the right courier with the right token waits for the lock to pass.
    clock += 3_600_000 - 1;
    expect((await rejection(redeemRevealToken(token, base({ ledger, maxFailures: 3 })))).code).toBe('TOKEN_LOCKED');
    clock += 1;
    await expect(redeemRevealToken(token, base({ ledger, maxFailures: 3 }))).resolves.toBeDefined();
  });

  it('does not count authentic tokens refused for their window or use count', async () => {
    const ledger = new MemoryLedger();
    for (let i = 0; i < 10; i++) expect((await reasonOf(token, { ledger, now: new Date(T0 - 60_000) })).e.reason).toBe('not-yet-valid');
    for (let i = 0; i < 5; i++) await redeemRevealToken(token, base({ ledger }));
    for (let i = 0; i < 10; i++) expect((await reasonOf(token, { ledger })).e.reason).toBe('use-limit');
    await expect(redeemRevealToken(issue({ assignment: 1, fields: ['recipient.address'] }), base({ ledger }))).resolves.toBeDefined();
  });

  it('fails closed with LEDGER_UNAVAILABLE when the ledger fails', async () => {
    const down: RevealLedger = {
      acquire: () => Promise.reject(new Error('ECONNREFUSED')),
      release: () => Promise.reject(new Error('ECONNREFUSED')),
      consume: () => Promise.reject(new Error('ECONNREFUSED')),
      revokeToken: () => Promise.reject(new Error('ECONNREFUSED')),
      revokeWaybill: () => Promise.reject(new Error('ECONNREFUSED')),
    };
    const audit = collect();
    const e = await rejection(redeemRevealToken(token, base({ ledger: down, audit })));
    expect(e.code).toBe('LEDGER_UNAVAILABLE');
    expect(audit.events).toEqual([expect.objectContaining({ outcome: 'error', reason: 'ledger-unavailable' })]);
    // A ledger that admits the attempt but fails at consume: still nothing granted.
    const m = new MemoryLedger();
    const half: RevealLedger = { ...down, acquire: (...a) => m.acquire(...a) };
    expect((await rejection(redeemRevealToken(token, base({ ledger: half })))).code).toBe('LEDGER_UNAVAILABLE');
    expect((await rejection(revokeWaybillReveals('GHN1', { ledger: down }))).code).toBe('LEDGER_UNAVAILABLE');
  });

  it('refuses bad options with INVALID_INPUT, not TOKEN_REJECTED', async () => {
    for (const over of [{ waybillId: 'bad id' }, { courierId: '' }, { assignment: -1 }, { now: new Date(NaN) }, { maxUses: 0 }]) {
      expect((await rejection(redeemRevealToken(token, base(over as Partial<RedeemRevealTokenOptions>)))).code).toBe('INVALID_INPUT');
    }
    expect((await rejection(redeemRevealToken(token, base({ keyring: {} as Keyring })))).code).toBe('INVALID_KEYRING');
  });

  it('refuses hostile token values as malformed', async () => {
    for (const t of ['', ' ', 'a'.repeat(1_000_000), '\u0000'.repeat(20), 'ＡＢＣ', null, 42, {}, { toString: () => token }, ['x']]) {
      expect((await rejection(redeemRevealToken(t as string, base()))).reason).toBe('malformed');
    }
  });
});

describe('issueRevealToken options', () => {
  it('validates ids, fields and the window', () => {
    const ok = { keyring, waybillId: 'GHN1', courierId: 'c1', notBefore: new Date(T0), notAfter: new Date(T0 + 3_600_000) };
    expect(() => issueRevealToken(ok)).not.toThrow();
    for (const over of [
      { waybillId: 'has space' },
      { courierId: 'x'.repeat(65) },
      { assignment: 1.5 },
      { fields: [] },
      { fields: ['recipient.phone', 'password'] },
      { notAfter: new Date(T0) },
      { notAfter: new Date(T0 + 257 * 3_600_000) },
      { notBefore: new Date('2024-12-31T23:00:00Z') },
      { notAfter: 'tomorrow' },
      { actor: 'Nguyễn Văn A' },
    ]) {
      expect(() => issueRevealToken({ ...ok, ...(over as object) })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    }
  });

  it('takes the default fields from the policy', async () => {
    const t = issueRevealToken({ keyring, waybillId: 'GHN1', courierId: 'c1', notBefore: new Date(T0), notAfter: new Date(T0 + 3_600_000), policy: { revealFields: ['recipient.phone', 'recipient.address'] } });
    const g = await redeemRevealToken(t, { keyring, waybillId: 'GHN1', courierId: 'c1', now: new Date(T0), ledger: new MemoryLedger() });
    expect(g.fields).toEqual(['recipient.phone', 'recipient.address']);
  });

  it('writes a token.issue audit event without the token', () => {
    const audit = collect();
    const t = issueRevealToken({ keyring, waybillId: 'GHN1', courierId: 'c1', notAfter: new Date(Date.now() + 3_600_000), audit, actor: 'svc:intake' });
    expect(audit.events).toEqual([{ actor: 'svc:intake', action: 'token.issue', waybillId: 'GHN1', fields: ['recipient.phone'], outcome: 'ok' }]);
    expect(JSON.stringify(audit.events)).not.toContain(t);
  });
});
