import { inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Keyring } from '../../src/keys/keyring.js';
import { epochOf } from '../../src/keys/epochs.js';
import { WaybillShieldError } from '../../src/errors.js';
import { AuditChain } from '../../src/audit/index.js';
import { MemoryAuditSink } from '../../src/audit/sinks.js';

const NOW = new Date('2026-11-30T12:00:00Z');
const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    return e instanceof WaybillShieldError ? e.code : 'foreign';
  }
  return undefined;
};

describe('keyring retention epochs', () => {
  it('generate: one independent secret per month, 24 back to 12 ahead by default', () => {
    const k = Keyring.generate({ now: NOW });
    const e = k.epochs!;
    expect(e.months).toBe(1);
    expect(e.live[0]).toBe('2024-11');
    expect(e.live.at(-1)).toBe('2027-11');
    expect(e.live).toHaveLength(37);
    const secrets = k.export().epochs!.live.map((x) => x.secret);
    expect(new Set(secrets).size).toBe(secrets.length);
    for (const s of secrets) expect(s).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('epochOf aligns on the calendar year for every epoch length', () => {
    expect(epochOf(new Date('2026-05-20T00:00:00Z'), 1)).toBe('2026-05');
    expect(epochOf(new Date('2026-05-20T00:00:00Z'), 3)).toBe('2026-04');
    expect(epochOf('2026-12', 6)).toBe('2026-07');
    expect(epochOf(new Date('2026-05-20T00:00:00Z'), 12)).toBe('2026-01');
    expect(epochOf(new Date('2026-01-31T23:59:59.999Z'))).toBe('2026-01');
  });

  it('shred removes the epochs that ended, lists them, and the result survives JSON', () => {
    const k = Keyring.generate({ now: NOW, from: '2026-01', ahead: 1 });
    const s = k.shred({ before: new Date('2026-04-10T00:00:00Z') });
    expect(s.epochs!.shredded).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(s.epochs!.shreddedBefore).toBe('2026-04');
    expect(s.epochs!.live[0]).toBe('2026-04');
    const json = s.export();
    expect(json.v).toBe(2);
    expect(json.epochs!.live.map((x) => x.id)).not.toContain('2026-03');
    const back = Keyring.fromJSON(JSON.stringify(json));
    expect(back.epochs).toEqual(s.epochs);
    // The floor only moves forward.
    expect(back.shred({ before: '2026-02' }).epochs!.shreddedBefore).toBe('2026-04');
  });

  it('export never includes a shredded epoch secret (property)', () => {
    const k = Keyring.generate({ now: NOW });
    const before = new Map(k.export().epochs!.live.map((x) => [x.id, x.secret]));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), (n) => {
        const cut = k.epochs!.live[Math.min(n, 36)]!;
        const text = JSON.stringify(k.shred({ before: cut }).export());
        for (const [id, secret] of before) expect(text.includes(secret)).toBe(id >= cut);
      }),
      { numRuns: 40 },
    );
  });

  it('shred with audit: one keys.shred event per destroyed epoch, no key material', () => {
    const sink = new MemoryAuditSink();
    const k = Keyring.generate({ now: NOW, from: '2026-01', ahead: 0 });
    k.shred({ before: '2026-03', audit: new AuditChain({ sinks: sink }), actor: 'ops-1' });
    expect(sink.records.map((r) => [r.action, r.reason, r.actor])).toEqual([
      ['keys.shred', 'epoch-2026-01', 'ops-1'],
      ['keys.shred', 'epoch-2026-02', 'ops-1'],
    ]);
    const secrets = k.export().epochs!.live.map((x) => x.secret);
    const text = JSON.stringify(sink.records);
    for (const s of secrets) expect(text).not.toContain(s);
  });

  it('bad shred and ensure options are INVALID_INPUT', () => {
    const k = Keyring.generate({ now: NOW });
    for (const before of ['2026-13', '2026-1', '26-01', '', 42, null, new Date(NaN), undefined]) expect(codeOf(() => k.shred({ before } as never))).toBe('INVALID_INPUT');
    expect(codeOf(() => k.shred(undefined as never))).toBe('INVALID_INPUT');
    expect(codeOf(() => k.shred({ before: '2026-01', actor: 'Nguyễn Văn A' }))).toBe('INVALID_INPUT');
    expect(codeOf(() => k.ensureEpochs({ ahead: -1 }))).toBe('INVALID_INPUT');
    expect(codeOf(() => Keyring.generate({ epochMonths: 5 as never }))).toBe('INVALID_INPUT');
  });

  it('secret-free views: toJSON, toString, inspect', () => {
    const k = Keyring.generate({ now: NOW });
    const secrets = [...k.export().epochs!.live.map((x) => x.secret), k.export().keys[0]!.key];
    for (const view of [JSON.stringify(k), String(k), inspect(k)]) for (const s of secrets) expect(view).not.toContain(s);
    expect(JSON.stringify(k)).toContain('"live"');
  });

  it('refuses malformed epochs JSON with INVALID_KEYRING and never echoes material', () => {
    const good = Keyring.generate({ now: NOW, from: '2026-10', ahead: 1 }).export();
    const secret = good.epochs!.live[0]!.secret;
    const bads: unknown[] = [
      { ...good, epochs: undefined },
      { ...good, v: 1 },
      { ...good, epochs: { ...good.epochs, months: 5 } },
      { ...good, epochs: { ...good.epochs, live: [{ ...good.epochs!.live[0], secret: secret.slice(1) }] } },
      { ...good, epochs: { ...good.epochs, live: [{ ...good.epochs!.live[0], id: '2026-13' }] } },
      { ...good, epochs: { ...good.epochs, live: [good.epochs!.live[0], good.epochs!.live[0]] } },
      { ...good, epochs: { ...good.epochs, shredded: [good.epochs!.live[0]!.id] } },
      { ...good, epochs: { ...good.epochs, shreddedBefore: '2027-01' } },
      { ...good, epochs: { months: 3, live: [{ id: '2026-11', secret, created: '' }], shredded: [] } },
    ];
    for (const bad of bads) {
      try {
        Keyring.fromJSON(bad as object);
        throw new Error('accepted');
      } catch (e) {
        expect(e).toBeInstanceOf(WaybillShieldError);
        expect((e as WaybillShieldError).code).toBe('INVALID_KEYRING');
        expect((e as Error).message).not.toContain(secret);
      }
    }
  });

  it('rotate and retire keep the epochs', () => {
    const k = Keyring.generate({ now: NOW });
    const r = k.rotate();
    expect(r.epochs).toEqual(k.epochs);
    expect(r.retire(1).epochs).toEqual(k.epochs);
  });
});

describe('keyrings derived from one another', () => {
  it('two ensureEpochs from the same keyring create different secrets, and each opens only its own data', async () => {
    const { protect, unseal } = await import('../../src/protect.js');
    const { sampleWaybill } = await import('../helpers/fixtures.js');
    const base = Keyring.generate({ now: NOW, ahead: 0 });
    const b = base.ensureEpochs({ through: '2027-06', now: NOW });
    const c = base.ensureEpochs({ through: '2027-06', now: NOW });
    const when = new Date('2027-05-05T00:00:00Z');
    const pb = protect(sampleWaybill(), { keyring: b, now: when });
    const pc = protect(sampleWaybill(), { keyring: c, now: when });
    const who = { actor: 'cs-1', purpose: 'complaint-callback' };
    expect(unseal(pb, 'recipient.phone', { keyring: b, ...who })).toBe('+84901234567');
    expect(unseal(pc, 'recipient.phone', { keyring: c, ...who })).toBe('+84901234567');
    expect(codeOf(() => unseal(pb, 'recipient.phone', { keyring: c, ...who }))).toBe('DECRYPT_FAILED');
    expect(pb.index['recipient.phone']).not.toBe(pc.index['recipient.phone']);
  });
});
