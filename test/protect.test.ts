import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { protect, reseal, unseal } from '../src/protect.js';
import { Keyring } from '../src/keys/keyring.js';
import { SEALED_FIELDS, parseWaybill } from '../src/schema.js';
import { WaybillShieldError } from '../src/errors.js';
import { classifyGoods } from '../src/mask/goods.js';
import { envelopeKeyId } from '../src/crypto/envelope.js';
import { acceptanceOf } from '../src/mask/acceptance.js';
import { issueRevealToken } from '../src/reveal/issue.js';
import type { AuditEvent } from '../src/audit/types.js';
import { digitRuns, sampleWaybill, testKeyring } from './helpers/fixtures.js';

const keyring = testKeyring();
const who = { actor: 'cs-agent-17', purpose: 'complaint-callback' };

function collect(): { events: AuditEvent[]; append(e: AuditEvent): void } {
  const events: AuditEvent[] = [];
  return { events, append: (e) => void events.push(e) };
}

describe('protect', () => {
  it('returns versioned plain JSON with masked label, sealed fields and a phone index', () => {
    const p = protect(sampleWaybill(), { keyring, now: new Date('2026-11-29T08:00:00Z') });
    expect(p.v).toBe(1);
    expect(p.id).toBe('GHN2611290001');
    expect(p.protectedAt).toBe('2026-11-29T08:00:00.000Z');
    expect(p.label.recipient.name).toBe('N** T** M** K**');
    expect(p.label.recipient.phone).toBe('*******567');
    expect(p.label.sender.phone).toBe('********456');
    expect(p.label.codAmount).toBe(32_000_000);
    expect(p.label.weightGrams).toBe(350);
    expect(Object.keys(p.sealed).sort()).toEqual(SEALED_FIELDS.filter((f) => !f.endsWith('altPhone')).sort());
    expect(p.index['recipient.phone']).toMatch(/^k1\.[0-9a-f]{8}$/);
    expect(p.assignment).toEqual({ courierId: 'courier-042', number: 1 });
    expect(JSON.parse(JSON.stringify(p))).toEqual(p);
  });

  it('applies the policy and rejects a bad one with INVALID_POLICY', () => {
    const p = protect(sampleWaybill(), { keyring, policy: { recipientName: { style: 'given-name' }, recipientPhone: { style: 'first3-last3' }, showCod: false } });
    expect(p.label.recipient.name).toBe('N** T** M** Khai');
    expect(p.label.recipient.phone).toBe('090****567');
    expect(p.label.codAmount).toBeUndefined();
    expect(() => protect(sampleWaybill(), { keyring, policy: { recipientName: { style: 'loud' } } as never })).toThrow(/INVALID_POLICY/);
    expect(() => protect(sampleWaybill(), { keyring, policy: { bogus: 1 } as never })).toThrow(/INVALID_POLICY/);
  });

  it('unseal returns exactly what was sealed (E.164 for phones) and audits without values', () => {
    const input = sampleWaybill();
    const wb = parseWaybill(input);
    const p = protect(input, { keyring });
    const audit = collect();
    for (const f of SEALED_FIELDS) {
      const expected = { 'recipient.name': wb.recipient.name, 'recipient.phone': wb.recipient.phone, 'recipient.address': wb.recipient.address, 'sender.name': wb.sender.name, 'sender.phone': wb.sender.phone, 'sender.address': wb.sender.address, 'goods.description': wb.goods.description, notes: wb.notes, 'goods.category': classifyGoods(wb.goods.description).category, 'recipient.altPhone': undefined, 'sender.altPhone': undefined }[f];
      if (expected === undefined) continue;
      expect(unseal(p, f, { keyring, ...who, audit })).toBe(expected);
    }
    expect(audit.events).toHaveLength(SEALED_FIELDS.length - 2);
    const log = JSON.stringify(audit.events);
    for (const secret of ['0901', '234567', 'Khai', 'Nguyễn', 'Thượng', 'iPhone', '0912']) expect(log).not.toContain(secret);
    expect(audit.events[0]).toMatchObject({ actor: 'cs-agent-17', action: 'unseal', waybillId: p.id, purpose: 'complaint-callback', outcome: 'ok' });
  });

  it('unseal requires an actor and a purpose code, and audits a failed open', () => {
    const p = protect(sampleWaybill(), { keyring });
    expect(() => unseal(p, 'recipient.phone', { keyring, actor: '', purpose: 'x-callback' })).toThrow(/INVALID_INPUT/);
    expect(() => unseal(p, 'recipient.phone', { keyring, actor: 'cs-1', purpose: '' })).toThrow(/INVALID_INPUT/);
    expect(() => unseal(p, 'recipient.phone', { keyring, actor: 'cs-1', purpose: 'call 0901234567' })).toThrow(/INVALID_INPUT/);
    expect(() => unseal(p, 'recipient.phone' as never, { keyring, actor: 'cs-1' } as never)).toThrow(/INVALID_INPUT/);
    expect(() => unseal(p, 'label' as never, { keyring, ...who })).toThrow(/INVALID_INPUT/);
    const audit = collect();
    const moved = { ...p, id: 'OTHER1' };
    expect(() => unseal(moved, 'recipient.phone', { keyring, ...who, audit })).toThrow(/DECRYPT_FAILED/);
    expect(audit.events[0]).toMatchObject({ outcome: 'error', reason: 'decrypt-failed' });
  });

  it('an envelope copied to another field or waybill does not open', () => {
    const a = protect(sampleWaybill(), { keyring });
    const b = protect(sampleWaybill({ id: 'GHN2611290002' }), { keyring });
    const swappedField = { ...a, sealed: { ...a.sealed, 'sender.phone': a.sealed['recipient.phone'] } };
    expect(() => unseal(swappedField, 'sender.phone', { keyring, ...who })).toThrow(/DECRYPT_FAILED/);
    const swappedWaybill = { ...b, sealed: { ...b.sealed, 'recipient.phone': a.sealed['recipient.phone'] } };
    expect(() => unseal(swappedWaybill, 'recipient.phone', { keyring, ...who })).toThrow(/DECRYPT_FAILED/);
  });

  it('rotate + reseal keeps every value and moves every field and the index to the new key (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }), fc.stringMatching(/^[0-9]{7}$/), (name, digits) => {
        fc.pre(name.trim().length > 0 && !/[\p{Cc}\p{Cs}\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/u.test(name));
        const k1 = Keyring.generate();
        const input = sampleWaybill({ recipient: { name, phone: `090${digits}`, address: 'Hà Nội' } });
        const p1 = protect(input, { keyring: k1 });
        const k2 = k1.rotate();
        const p2 = reseal(p1, { keyring: k2 });
        for (const f of SEALED_FIELDS) {
          if (p1.sealed[f] === undefined) continue;
          expect(p2.sealed[f]!.startsWith('ws2.2.')).toBe(true);
          expect(unseal(p2, f, { keyring: k2, ...who })).toBe(unseal(p1, f, { keyring: k1, ...who }));
        }
        expect(p2.index['recipient.phone']!.startsWith('k2.')).toBe(true);
        expect(() => unseal(p2, 'recipient.name', { keyring: k2.retire(1), ...who })).not.toThrow();
        expect(() => unseal(p1, 'recipient.name', { keyring: k2.retire(1), ...who })).toThrow(/DECRYPT_FAILED/);
      }),
      { numRuns: 30 },
    );
  });

  it('the ProtectedWaybill JSON never contains the national number or any 4+ digit run of the phone (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('090', '091', '093', '038', '070', '083', '056', '086'),
        fc.stringMatching(/^[0-9]{7}$/),
        fc.constantFrom<'last3' | 'first3-last3' | 'full'>('last3', 'first3-last3', 'full'),
        (prefix, rest, style) => {
          const national = prefix + rest;
          // Other fields carry no digit runs of their own, so any 4-digit run found came from the phone.
          const input = sampleWaybill({ id: 'GHNTEST', recipient: { name: 'Lê Văn Tám', phone: national, address: 'Hà Nội' }, notes: undefined, codAmount: undefined, weightGrams: undefined });
          const p = protect(input, { keyring, policy: { recipientPhone: { style } } });
          const json = JSON.stringify(p);
          const labelJson = JSON.stringify(p.label);
          // Beyond what the mask intentionally keeps (first/last 3), no 4-digit window of the number appears.
          for (const run of digitRuns(national)) expect(labelJson.includes(run)).toBe(false);
          // In the whole record, digits only occur inside base64url envelopes and hex indexes, which
          // cannot carry the plaintext; check the non-crypto parts strictly.
          const { sealed: _s, index: _i, protectedAt: _t, ...rest2 } = p;
          const plainJson = JSON.stringify(rest2);
          // Routing codes and the scheme name ("2025") are digits too: a run that also appears in the
          // record of the same waybill with another number did not come from the phone.
          const other = protect({ ...input, recipient: { ...input.recipient, phone: '0912121212' } }, { keyring, policy: { recipientPhone: { style } } });
          const { sealed: _s2, index: _i2, protectedAt: _t2, ...otherRest } = other;
          const baseline = JSON.stringify(otherRest);
          for (const run of digitRuns(national)) expect(plainJson.includes(run) && !baseline.includes(run)).toBe(false);
          expect(json.includes(national)).toBe(false);
          expect(json.includes(national.slice(1))).toBe(false);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('throws only WaybillShieldError on bad inputs and bad options', () => {
    for (const bad of [undefined, null, 42, 'x', [], {}]) {
      expect(() => protect(bad, { keyring })).toThrow(WaybillShieldError);
    }
    expect(() => protect(sampleWaybill(), {} as never)).toThrow(/INVALID_KEYRING/);
    expect(() => protect(sampleWaybill(), undefined as never)).toThrow(/INVALID_KEYRING/);
    expect(() => reseal({ v: 2 } as never, { keyring })).toThrow(/INVALID_INPUT/);
    try {
      unseal(null as never, 'notes', { keyring, ...who });
    } catch (e) {
      expect(e).toBeInstanceOf(WaybillShieldError);
    }
  });
});

describe('protect: goods summary, acceptance and sealed category (issues 13 and 14)', () => {
  const withGoods = (description: string) => sampleWaybill({ goods: { description } });

  it('a sensitive record shows only a neutral category and handling flags; the true category is sealed', () => {
    for (const [description, category] of [
      ['Bao cao su Durex Invisible', 'intimate'],
      ['Que thử thai Quickstick', 'medicine'],
      ['Thực phẩm chức năng bổ gan 60 viên', 'medicine'],
      ['Gel bôi trơn Durex 50ml', 'intimate'],
    ] as const) {
      const p = protect(withGoods(description), { keyring });
      expect(p.goods.category).toBe('other');
      expect(p.goods.flags).not.toContain('sensitive');
      expect(p.label.goods).toBe('Hàng hóa');
      const json = JSON.stringify({ ...p, sealed: undefined });
      expect(json).not.toMatch(/intimate|medicine|sensitive/);
      expect(unseal(p, 'goods.category', { keyring, ...who })).toBe(category);
    }
  });

  it('handling flags of sensitive goods stay visible for sorting', () => {
    const p = protect(withGoods('Gel bôi trơn Durex 50ml'), { keyring });
    expect(p.goods.flags).toContain('liquid');
  });

  it('every record has a sealed goods.category, sensitive or not', () => {
    const plain = protect(withGoods('Áo thun nam'), { keyring });
    const sensitive = protect(withGoods('Bao cao su Durex'), { keyring });
    expect(plain.sealed['goods.category']).toBeDefined();
    expect(sensitive.sealed['goods.category']).toBeDefined();
    expect(Object.keys(plain.sealed).sort()).toEqual(Object.keys(sensitive.sealed).sort());
    expect(plain.goods.category).toBe('fashion');
    expect(unseal(plain, 'goods.category', { keyring, ...who })).toBe('fashion');
  });

  it('stores the acceptance decision computed at protect() time, and it needs no unsealing', () => {
    const p = protect(withGoods('Sạc dự phòng Xiaomi 20000mAh'), { keyring });
    expect(p.goods.acceptance).toEqual({ decision: 'road-only', reasons: ['dangerous-goods'] });
    expect(acceptanceOf(p.goods)).toEqual(p.goods.acceptance);
    const refused = protect(withGoods('Pháo hoa 36 ống'), { keyring });
    expect(refused.goods.acceptance.decision).toBe('refuse');
    const carrier = protect(withGoods('Bia Tiger thùng 24 lon'), { keyring, acceptance: { flags: { alcohol: 'refuse' } } });
    expect(carrier.goods.acceptance).toEqual({ decision: 'refuse', reasons: ['alcohol'] });
    expect(() => protect(withGoods('Bia'), { keyring, acceptance: { flags: { alcohol: 'nope' } } as never })).toThrow(/INVALID_POLICY/);
  });

  it('for sensitive goods the stored decision and its reasons never name the category', () => {
    const policy = { categories: { other: 'inspect' as const } };
    for (const d of ['Bao cao su Durex', 'Panadol Extra', 'Máy rung massage', 'Test nhanh HIV']) {
      const p = protect(withGoods(d), { keyring, acceptance: policy });
      expect(p.goods.acceptance.reasons).not.toContain('intimate');
      expect(p.goods.acceptance.reasons).not.toContain('medicine');
      expect(JSON.stringify(p.goods)).not.toMatch(/intimate|medicine|sensitive/);
    }
  });
});

describe('protect: phone fields as typed (issue 14)', () => {
  const withPhone = (phone: string) => sampleWaybill({ recipient: { name: 'Nguyễn Thị Hoa', phone, address: 'Hà Nội' } });

  it('the first number is the phone, the second is sealed as altPhone, the rest goes to the sealed notes', () => {
    const p = protect(withPhone('0903 456 789 hoặc 0978 123 456 (chị Hoa)'), { keyring });
    expect(unseal(p, 'recipient.phone', { keyring, ...who })).toBe('+84903456789');
    expect(unseal(p, 'recipient.altPhone', { keyring, ...who })).toBe('+84978123456');
    expect(p.sealed['sender.altPhone']).toBeUndefined();
    const notes = unseal(p, 'notes', { keyring, ...who });
    expect(notes.startsWith('Gọi trước khi giao')).toBe(true);
    expect(notes).toContain('SĐT người nhận: (chị Hoa)');
    expect(p.label.recipient.phone).toBe('*******789');
    const visible = JSON.stringify({ ...p, sealed: undefined });
    expect(visible).not.toContain('Hoa)');
    for (const run of digitRuns('0978123456')) expect(visible).not.toContain(run);
  });

  it('extra text makes notes even when the waybill had none', () => {
    const p = protect({ ...withPhone('zalo: 0903.456.789'), notes: undefined }, { keyring });
    expect(unseal(p, 'notes', { keyring, ...who })).toBe('SĐT người nhận: zalo');
  });

  it('reseal moves altPhone and goods.category to the new key', () => {
    const p = protect(withPhone('0903456789; 0978123456'), { keyring });
    const k2 = keyring.rotate();
    const q = reseal(p, { keyring: k2 });
    expect(q.sealed['recipient.altPhone']!.startsWith('ws2.2.')).toBe(true);
    expect(envelopeKeyId(q.sealed['recipient.altPhone'])).toBe(2);
    expect(q.sealed['goods.category']!.startsWith('ws2.2.')).toBe(true);
    expect(unseal(q, 'recipient.altPhone', { keyring: k2, ...who })).toBe('+84978123456');
  });

  it('rejects only when no valid number is present', () => {
    expect(() => protect(withPhone('chưa có số (chị Hoa)'), { keyring })).toThrow(/INVALID_WAYBILL/);
  });

  it('reveal tokens cannot grant the fields added after the 8-bit field mask', () => {
    for (const field of ['goods.category', 'recipient.altPhone', 'sender.altPhone'] as const) {
      expect(() =>
        issueRevealToken({ keyring, waybillId: 'GHN2611290001', courierId: 'courier-042', assignment: 1, fields: [field], notBefore: new Date('2026-11-29T08:00:00Z'), notAfter: new Date('2026-11-29T09:00:00Z') }),
      ).toThrow(/INVALID_INPUT/);
    }
  });
});

describe('CLI protect: the acceptance decision is in every output record', () => {
  it('protects a CSV and writes goods.acceptance next to the neutral goods summary', async () => {
    const { runCli, tempDir, ndjson } = await import('./cli/_cli.js');
    const { writeFileSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const dir = tempDir();
    const keys = join(dir, 'keys.json');
    expect((await runCli(['keygen', '-o', keys])).code).toBe(0);
    const csv = join(dir, 'in.csv');
    writeFileSync(
      csv,
      [
        'id,recipient.name,recipient.phone,recipient.address,sender.name,sender.phone,sender.address,goods.description',
        'ACC-1,Trần Thị Lan,0935 111 222 (chị Lan),"Số 5 Lê Lợi, Phường Bến Nghé, Quận 1, TP.HCM",Shop,028 3812 3456,"47 Lê Lợi, Quận 1, TP.HCM",Sạc dự phòng 20000mAh',
        'ACC-2,Trần Thị Lan,0935111222 hoặc 0905222333,"Số 5 Lê Lợi, Phường Bến Nghé, Quận 1, TP.HCM",Shop,028 3812 3456,"47 Lê Lợi, Quận 1, TP.HCM",Que thử thai Quickstick',
      ].join('\n'),
    );
    const out = join(dir, 'out.ndjson');
    const r = await runCli(['protect', csv, '--keys', keys, '-o', out]);
    expect(r.code).toBe(0);
    const [a, b] = ndjson(readFileSync(out, 'utf8')) as { goods: { category: string; flags: string[]; acceptance: { decision: string; reasons: string[] } }; sealed: Record<string, string> }[];
    expect(a!.goods.acceptance).toEqual({ decision: 'road-only', reasons: ['dangerous-goods'] });
    expect(b!.goods).toEqual({ category: 'other', flags: [], acceptance: { decision: 'accept', reasons: [] } });
    expect(Object.keys(b!.sealed)).toEqual(expect.arrayContaining(['goods.category', 'recipient.altPhone']));
  });
});
