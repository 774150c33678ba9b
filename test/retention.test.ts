import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Keyring } from '../src/keys/keyring.js';
import { protect, reseal, unseal, type ProtectedWaybill } from '../src/protect.js';
import { phoneIndex, phoneIndexes } from '../src/crypto/blind-index.js';
import { retentionEpoch } from '../src/retention.js';
import { forget } from '../src/forget.js';
import { AuditChain } from '../src/audit/index.js';
import { MemoryAuditSink } from '../src/audit/sinks.js';
import { MemoryLedger } from '../src/ledger/memory.js';
import { issueRevealToken, redeemRevealToken, reveal } from '../src/reveal/index.js';
import { WaybillShieldError } from '../src/errors.js';
import { SEALED_FIELDS } from '../src/schema.js';
import { renderLabel } from '../src/label/index.js';
import { sampleWaybill } from './helpers/fixtures.js';

const who = { actor: 'cs-17', purpose: 'complaint-callback' };
const GEN_NOW = new Date('2026-11-30T00:00:00Z');
const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    return e instanceof WaybillShieldError ? e.code : 'foreign';
  }
  return undefined;
};

/** Records protected on the 15th of each month, one per month. */
function protectIn(keyring: Keyring, months: string[]): ProtectedWaybill[] {
  return months.map((m, i) =>
    protect(sampleWaybill({ id: `GHN-R-${i}`, recipient: { name: 'Lê Thị Hoa', phone: '0901 234 567', address: 'Số 3 Hàng Bài, Phường Tràng Tiền, Quận Hoàn Kiếm, Hà Nội' } }), {
      keyring,
      now: new Date(`${m}-15T09:00:00Z`),
    }),
  );
}

describe('retention epochs: three epochs, the oldest shredded', () => {
  const keyring = Keyring.generate({ now: GEN_NOW });
  const [jan, feb, mar] = protectIn(keyring, ['2026-01', '2026-02', '2026-03']) as [ProtectedWaybill, ProtectedWaybill, ProtectedWaybill];
  const shredded = keyring.shred({ before: '2026-02' });

  it('names the epoch in every envelope and in the index', () => {
    const fields = Object.keys(jan.sealed) as (typeof SEALED_FIELDS)[number][];
    expect(fields.length).toBeGreaterThanOrEqual(8);
    for (const f of fields) expect(jan.sealed[f]).toMatch(/^ws2\.1\.2026-01\./);
    expect(mar.index['recipient.phone']).toMatch(/^k1\.2026-03\.[0-9a-f]{8}$/);
  });

  it('unseal: DATA_SHREDDED for the oldest epoch, the plaintext for the others', () => {
    for (const f of SEALED_FIELDS.filter((x) => x in jan.sealed)) expect(codeOf(() => unseal(jan, f, { keyring: shredded, ...who }))).toBe('DATA_SHREDDED');
    expect(unseal(feb, 'recipient.phone', { keyring: shredded, ...who })).toBe('+84901234567');
    expect(unseal(mar, 'recipient.name', { keyring: shredded, ...who })).toBe('Lê Thị Hoa');
    // The old keyring object is unchanged (immutable), as `shred` documents.
    expect(unseal(jan, 'recipient.phone', { keyring, ...who })).toBe('+84901234567');
  });

  it('phone indexes of the shredded epoch no longer match a fresh index; live ones still do', () => {
    const fresh = phoneIndexes('0901234567', { keyring: shredded });
    expect(fresh).not.toContain(jan.index['recipient.phone']);
    expect(fresh).toContain(feb.index['recipient.phone']);
    expect(fresh).toContain(mar.index['recipient.phone']);
    expect(phoneIndex('0901234567', { keyring: shredded })).not.toBe(jan.index['recipient.phone']);
    expect(phoneIndex('0901234567', { keyring: shredded, epoch: '2026-02' })).toBe(feb.index['recipient.phone']);
    expect(phoneIndex('0901234567', { keyring: shredded, now: new Date('2026-03-01T00:00:00Z') })).toBe(mar.index['recipient.phone']);
    expect(codeOf(() => phoneIndex('0901234567', { keyring: shredded, epoch: '2026-01' }))).toBe('DATA_SHREDDED');
    // Before the shred the same computation linked the January record.
    expect(phoneIndex('0901234567', { keyring, epoch: '2026-01' })).toBe(jan.index['recipient.phone']);
  });

  it('label, routing and goods summary stay usable', () => {
    expect(jan.label.recipient.name).toBe('L** T** H**');
    expect(jan.routing.recipient.province?.name).toBeTruthy();
    expect(jan.goods).toEqual(mar.goods);
    const label = renderLabel(jan, { format: 'text' });
    expect(label).toContain('L** T** H**');
    expect(label).toContain('Tràng Tiền');
  });

  it('reseal of a shredded record says DATA_SHREDDED; reseal of a live one keeps its epoch', () => {
    expect(codeOf(() => reseal(jan, { keyring: shredded }))).toBe('DATA_SHREDDED');
    const rotated = shredded.rotate();
    const moved = reseal(feb, { keyring: rotated, now: new Date('2026-11-01T00:00:00Z') });
    for (const f of SEALED_FIELDS.filter((x) => x in feb.sealed)) expect(moved.sealed[f]).toMatch(/^ws2\.2\.2026-02\./);
    expect(moved.index['recipient.phone']).toMatch(/^k2\.2026-02\./);
    expect(unseal(moved, 'recipient.address', { keyring: rotated, ...who })).toBe(unseal(feb, 'recipient.address', { keyring: shredded, ...who }));
  });

  it('protect into a shredded epoch is refused; into an epoch never created, INVALID_KEYRING', () => {
    const wb = sampleWaybill();
    expect(codeOf(() => protect(wb, { keyring: shredded, now: new Date('2026-01-20T00:00:00Z') }))).toBe('DATA_SHREDDED');
    expect(codeOf(() => protect(wb, { keyring: shredded, now: new Date('2029-01-20T00:00:00Z') }))).toBe('INVALID_KEYRING');
    const later = shredded.ensureEpochs({ through: '2029-01', now: GEN_NOW });
    expect(() => protect(wb, { keyring: later, now: new Date('2029-01-20T00:00:00Z') })).not.toThrow();
    // ensureEpochs never re-creates a destroyed epoch.
    const again = shredded.ensureEpochs({ from: '2025-01', through: '2026-06', now: GEN_NOW });
    expect(again.epochs!.live).not.toContain('2026-01');
    expect(codeOf(() => unseal(jan, 'recipient.phone', { keyring: again, ...who }))).toBe('DATA_SHREDDED');
  });
});

describe('retention: property', () => {
  it('after shred no value of a shredded epoch opens and every value of a live epoch does (property)', () => {
    const keyring = Keyring.generate({ from: '2025-01', now: new Date('2026-06-01T00:00:00Z'), ahead: 6 });
    const month = fc.integer({ min: 0, max: 23 }).map((i) => `${2025 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
    fc.assert(
      fc.property(fc.array(fc.tuple(month, fc.integer({ min: 1, max: 28 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 })), { minLength: 1, maxLength: 6 }), month, (items, cut) => {
        const records = items
          .filter(([, , name]) => name.trim().length > 0 && !/[\p{Cc}\p{Cs}\p{Cf}]/u.test(name))
          .map(([m, d, name], i) => ({
            m,
            name: name.normalize('NFC').trim(),
            p: protect(sampleWaybill({ id: `P${i}`, recipient: { name, phone: '0912345678', address: 'Hà Nội' } }), { keyring, now: new Date(`${m}-${String(d).padStart(2, '0')}T12:00:00Z`) }),
          }));
        const after = keyring.shred({ before: cut });
        const live = phoneIndexes('0912 345 678', { keyring: after });
        for (const r of records) {
          if (r.m < cut) {
            for (const f of SEALED_FIELDS.filter((x) => x in r.p.sealed)) expect(codeOf(() => unseal(r.p, f, { keyring: after, ...who }))).toBe('DATA_SHREDDED');
            expect(live).not.toContain(r.p.index['recipient.phone']);
          } else {
            expect(unseal(r.p, 'recipient.name', { keyring: after, ...who })).toBe(r.name);
            expect(live).toContain(r.p.index['recipient.phone']);
          }
        }
        // The same holds after the keyring goes through its JSON form.
        const reloaded = Keyring.fromJSON(JSON.stringify(after.export()));
        for (const r of records) {
          if (r.m < cut) expect(codeOf(() => unseal(r.p, 'recipient.phone', { keyring: reloaded, ...who }))).toBe('DATA_SHREDDED');
          else expect(unseal(r.p, 'recipient.phone', { keyring: reloaded, ...who })).toBe('+84912345678');
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('retention policy', () => {
  it('puts a record in the epoch of now + retention.days', () => {
    const keyring = Keyring.generate({ now: GEN_NOW });
    const now = new Date('2026-01-15T10:00:00Z');
    const p = protect(sampleWaybill(), { keyring, now, policy: { retention: { days: 90 } } });
    expect(p.sealed['recipient.phone']).toMatch(/^ws2\.1\.2026-04\./);
    expect(retentionEpoch({ keyring, now, policy: { retention: { days: 90 } } })).toBe('2026-04');
    expect(phoneIndex('0901 234 567', { keyring, now, policy: { retention: { days: 90 } } })).toBe(p.index['recipient.phone']);
    // Shredding up to the record's protection month leaves it; its expiry month's end removes it.
    expect(unseal(p, 'recipient.phone', { keyring: keyring.shred({ before: '2026-04' }), ...who })).toBe('+84901234567');
    expect(codeOf(() => unseal(p, 'recipient.phone', { keyring: keyring.shred({ before: '2026-05' }), ...who }))).toBe('DATA_SHREDDED');
  });

  it('quarterly epochs: records of one quarter share an epoch, shredded together', () => {
    const keyring = Keyring.generate({ epochMonths: 3, now: GEN_NOW });
    const [a, b] = protectIn(keyring, ['2026-04', '2026-06']) as [ProtectedWaybill, ProtectedWaybill];
    expect(a.sealed['notes']).toMatch(/^ws2\.1\.2026-04\./);
    expect(b.sealed['notes']).toMatch(/^ws2\.1\.2026-04\./);
    // 2026-06 does not end the quarter: nothing of it is destroyed yet.
    expect(unseal(a, 'notes', { keyring: keyring.shred({ before: '2026-06' }), ...who })).toBeTruthy();
    expect(codeOf(() => unseal(b, 'notes', { keyring: keyring.shred({ before: '2026-07' }), ...who }))).toBe('DATA_SHREDDED');
  });

  it('refuses a bad retention setting with INVALID_POLICY', () => {
    const keyring = Keyring.generate({ now: GEN_NOW });
    for (const retention of [{ days: -1 }, { days: 1.5 }, { days: 'ninety' }, { months: 3 }]) {
      expect(codeOf(() => protect(sampleWaybill(), { keyring, policy: { retention } as never }))).toBe('INVALID_POLICY');
    }
  });
});

describe('reveal and redeem on shredded data', () => {
  const keyring = Keyring.generate({ now: GEN_NOW });
  const [old] = protectIn(keyring, ['2026-01']) as [ProtectedWaybill];
  const after = keyring.shred({ before: '2026-02' });
  const now = new Date('2026-11-29T08:00:00Z');
  const base = { keyring: after, waybillId: old.id, courierId: 'courier-042', assignment: 1 };

  it('reveal gives DATA_SHREDDED and audits the reason, not DECRYPT_FAILED', async () => {
    const sink = new MemoryAuditSink();
    const audit = new AuditChain({ sinks: sink });
    const token = issueRevealToken({ ...base, notAfter: new Date(now.getTime() + 3_600_000), notBefore: now });
    const grant = await redeemRevealToken(token, { ...base, now, ledger: new MemoryLedger() });
    expect(codeOf(() => reveal(old, grant, { keyring: after, audit, now }))).toBe('DATA_SHREDDED');
    expect(sink.records.at(-1)).toMatchObject({ action: 'reveal', outcome: 'error', reason: 'data-shredded' });
  });

  it('redeem with the record refuses with DATA_SHREDDED before spending a use', async () => {
    const ledger = new MemoryLedger();
    const sink = new MemoryAuditSink();
    const audit = new AuditChain({ sinks: sink });
    const token = issueRevealToken({ ...base, notAfter: new Date(now.getTime() + 3_600_000), notBefore: now });
    for (let i = 0; i < 7; i++) {
      await expect(redeemRevealToken(token, { ...base, now, ledger, audit, record: old, maxUses: 1 })).rejects.toMatchObject({ code: 'DATA_SHREDDED' });
    }
    expect(sink.records.at(-1)).toMatchObject({ action: 'token.redeem', outcome: 'error', reason: 'data-shredded' });
    // No lockout and no use spent: with a live keyring the same token still redeems.
    const live = { ...base, keyring };
    await expect(redeemRevealToken(token, { ...live, now, ledger, record: old, maxUses: 1 })).resolves.toBeTruthy();
    // A forged token is still a plain rejection, even with the record: nothing is learnt without a valid tag.
    await expect(redeemRevealToken('0'.repeat(20), { ...base, now, ledger: new MemoryLedger(), record: old })).rejects.toMatchObject({ code: 'TOKEN_REJECTED' });
    // A record for another waybill is a programming error.
    await expect(redeemRevealToken(token, { ...base, now, ledger: new MemoryLedger(), record: { ...old, id: 'OTHER1' } })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('forget', () => {
  const keyring = Keyring.generate({ now: GEN_NOW });
  const p = protect(sampleWaybill(), { keyring, now: new Date('2026-10-02T00:00:00Z') });

  it('strips the sealed fields and the index, keeps label, routing, goods, and audits the request', () => {
    const sink = new MemoryAuditSink();
    const f = forget(p, { audit: new AuditChain({ sinks: sink }), actor: 'dpo-2', now: new Date('2026-11-01T00:00:00Z') });
    expect(f.sealed).toEqual({});
    expect(f.index).toEqual({});
    expect(f.forgotten).toEqual({ at: '2026-11-01T00:00:00.000Z' });
    expect(f.label).toEqual(p.label);
    expect(f.routing).toEqual(p.routing);
    expect(f.goods).toEqual(p.goods);
    expect(p.sealed['recipient.phone']).toBeTruthy(); // the input is not modified
    expect(sink.records).toHaveLength(1);
    expect(sink.records[0]).toMatchObject({ action: 'forget', actor: 'dpo-2', waybillId: p.id, purpose: 'data-subject-request', outcome: 'ok' });
    expect(sink.records[0]!.fields).toEqual(SEALED_FIELDS.filter((x) => x in p.sealed));
    for (const field of SEALED_FIELDS) expect(codeOf(() => unseal(f, field, { keyring, ...who }))).toBe('DATA_SHREDDED');
    expect(codeOf(() => reseal(f, { keyring }))).toBe('DATA_SHREDDED');
    expect(renderLabel(f, { format: 'text' })).toBe(renderLabel(p, { format: 'text' }));
    const text = JSON.stringify(f);
    for (const s of ['Nguyễn', '0901', '234 567', 'Nguyễn Trãi', 'Ốp lưng', 'Gọi trước', 'ws2.']) expect(text).not.toContain(s);
  });

  it('reveal and redeem (with the record) on a forgotten record say DATA_SHREDDED', async () => {
    const f = forget(p);
    const now = new Date('2026-11-29T08:00:00Z');
    const base = { keyring, waybillId: p.id, courierId: 'courier-042', assignment: 1 };
    const token = issueRevealToken({ ...base, notBefore: now, notAfter: new Date(now.getTime() + 3_600_000) });
    const grant = await redeemRevealToken(token, { ...base, now, ledger: new MemoryLedger() });
    expect(codeOf(() => reveal(f, grant, { keyring, now }))).toBe('DATA_SHREDDED');
    await expect(redeemRevealToken(token, { ...base, now, ledger: new MemoryLedger(), record: f })).rejects.toMatchObject({ code: 'DATA_SHREDDED' });
  });

  it('refuses non-records and bad actors with INVALID_INPUT, echoing nothing', () => {
    for (const bad of [null, 42, 'x', {}, { id: 'a b', sealed: {}, index: {} }]) expect(codeOf(() => forget(bad as never))).toBe('INVALID_INPUT');
    fc.assert(
      fc.property(fc.string({ minLength: 4 }), (actor) => {
        fc.pre(!/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/.test(actor));
        try {
          forget(p, { actor });
        } catch (e) {
          expect((e as Error).message).not.toContain(actor);
          return;
        }
        throw new Error('accepted a bad actor');
      }),
      { numRuns: 50 },
    );
  });
});

describe('audit across a shred', () => {
  it('the chain verifies with unseal, keys.shred and forget events, before and after the shred', () => {
    const sink = new MemoryAuditSink();
    const audit = new AuditChain({ sinks: sink });
    const keyring = Keyring.generate({ now: GEN_NOW });
    const [a, b] = protectIn(keyring, ['2026-01', '2026-05']) as [ProtectedWaybill, ProtectedWaybill];
    unseal(a, 'recipient.phone', { keyring, ...who, audit });
    const after = keyring.shred({ before: '2026-03', audit, actor: 'ops-retention' });
    expect(codeOf(() => unseal(a, 'recipient.phone', { keyring: after, ...who, audit }))).toBe('DATA_SHREDDED');
    unseal(b, 'recipient.phone', { keyring: after, ...who, audit });
    forget(b, { audit });
    const shredEvents = sink.records.filter((r) => r.action === 'keys.shred');
    // Every live epoch before 2026-03 is listed, one event each, naming the epoch only.
    expect(shredEvents.map((r) => r.reason)).toEqual(keyring.epochs!.live.filter((e) => e < '2026-03').map((e) => `epoch-${e}`));
    expect(shredEvents.every((r) => r.actor === 'ops-retention' && r.waybillId === 'keyring' && r.fields.length === 0)).toBe(true);
    expect(sink.records.find((r) => r.action === 'unseal' && r.outcome === 'error')?.reason).toBe('data-shredded');
    const v = AuditChain.verify(sink.records);
    expect(v.ok).toBe(true);
    // And tampering with a shred record is caught like any other.
    const tampered = sink.records.map((r) => (r.action === 'keys.shred' && r.reason === 'epoch-2026-01' ? { ...r, reason: 'epoch-2026-02' } : r));
    expect(AuditChain.verify(tampered).ok).toBe(false);
  });
});

describe('keyrings without epochs (version 1 files)', () => {
  const v1 = Keyring.fromJSON({ v: 1, primary: 1, keys: [{ id: 1, key: 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8', created: '2026-01-01T00:00:00.000Z' }] });

  it('still protect (ws2 without epoch, padded) and cannot shred; ensureEpochs enables epochs and reseal moves records in', () => {
    const p = protect(sampleWaybill(), { keyring: v1 });
    expect(p.sealed['recipient.name']).toMatch(/^ws2\.1\.0\./);
    expect(p.index['recipient.phone']).toMatch(/^k1\.[0-9a-f]{8}$/);
    expect(codeOf(() => v1.shred({ before: '2026-01' }))).toBe('INVALID_KEYRING');
    const withEpochs = v1.ensureEpochs({ now: new Date('2026-11-10T00:00:00Z'), ahead: 2 });
    expect(withEpochs.epochs!.live).toEqual(['2026-11', '2026-12', '2027-01']);
    expect(withEpochs.export().v).toBe(2);
    // Old records still open and are still found (epoch-less indexes come last).
    expect(unseal(p, 'recipient.phone', { keyring: withEpochs, ...who })).toBe('+84901234567');
    expect(phoneIndexes('0901234567', { keyring: withEpochs })).toContain(p.index['recipient.phone']);
    const moved = reseal(p, { keyring: withEpochs, now: new Date('2026-11-20T00:00:00Z') });
    expect(moved.sealed['recipient.name']).toMatch(/^ws2\.1\.2026-11\./);
    expect(moved.index['recipient.phone']).toMatch(/^k1\.2026-11\./);
    expect(codeOf(() => unseal(moved, 'recipient.name', { keyring: withEpochs.shred({ before: '2026-12' }), ...who }))).toBe('DATA_SHREDDED');
  });
});
