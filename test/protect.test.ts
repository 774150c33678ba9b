import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { protect, reseal, unseal } from '../src/protect.js';
import { Keyring } from '../src/keys/keyring.js';
import { SEALED_FIELDS, parseWaybill } from '../src/schema.js';
import { WaybillShieldError } from '../src/errors.js';
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
    expect(Object.keys(p.sealed).sort()).toEqual([...SEALED_FIELDS].sort());
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
      const v = unseal(p, f, { keyring, ...who, audit });
      const expected = { 'recipient.name': wb.recipient.name, 'recipient.phone': wb.recipient.phone, 'recipient.address': wb.recipient.address, 'sender.name': wb.sender.name, 'sender.phone': wb.sender.phone, 'sender.address': wb.sender.address, 'goods.description': wb.goods.description, notes: wb.notes }[f];
      expect(v).toBe(expected);
    }
    expect(audit.events).toHaveLength(SEALED_FIELDS.length);
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
