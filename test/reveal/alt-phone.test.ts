import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { protect } from '../../src/protect.js';
import type { AuditEvent } from '../../src/audit/types.js';
import { MemoryLedger } from '../../src/ledger/memory.js';
import { issueRevealToken, redeemRevealToken, reveal, type RevealGrant } from '../../src/reveal/index.js';
import { fieldsToMask, grantedFields, maskToFields } from '../../src/reveal/_format.js';
import { SEALED_FIELDS, type SealedField } from '../../src/schema.js';
import { sampleWaybill, testKeyring } from '../helpers/fixtures.js';

const keyring = testKeyring();
const T0 = Date.parse('2026-11-29T08:00:00Z');
const at = { now: new Date(T0 + 120_000) };
const withAlt = protect(
  sampleWaybill({
    recipient: { name: 'Nguyễn Thị Minh Khai', phone: '0903456789 hoặc 0978123456', address: 'Số 12 ngõ 34 Nguyễn Trãi, Thanh Xuân, Hà Nội' },
    sender: { name: 'Trần Văn Bình', phone: '0912345678; 0987654321', address: '47/9B Lê Lợi, Quận 1, TP.HCM' },
  }),
  { keyring, now: new Date(T0) },
);
const noAlt = protect(sampleWaybill(), { keyring, now: new Date(T0) });

function issue(fields?: SealedField[]): string {
  return issueRevealToken({ keyring, waybillId: withAlt.id, courierId: 'courier-042', assignment: 1, fields, notBefore: new Date(T0), notAfter: new Date(T0 + 3_600_000) });
}

async function grantFor(fields?: SealedField[], audit?: { append(e: AuditEvent): void }): Promise<RevealGrant> {
  return redeemRevealToken(issue(fields), { keyring, waybillId: withAlt.id, courierId: 'courier-042', assignment: 1, now: new Date(T0 + 60_000), ledger: new MemoryLedger(), audit });
}

function collect(): { events: AuditEvent[]; append(e: AuditEvent): void } {
  const events: AuditEvent[] = [];
  return { events, append: (e) => void events.push(e) };
}

describe('a phone bit grants the whole phone field', () => {
  it('reveal returns the phone and the second number, and the audit lists both without values', async () => {
    expect(withAlt.sealed['recipient.altPhone']).toBeDefined();
    const audit = collect();
    const grant = await grantFor(undefined, audit);
    // The grant and the redemption audit name the token's fields (its bits); reveal opens the phone field.
    expect(grant.fields).toEqual(['recipient.phone']);
    const shown = reveal(withAlt, grant, { keyring, audit, ...at });
    expect(shown).toEqual({ 'recipient.phone': '+84903456789', 'recipient.altPhone': '+84978123456' });
    expect(audit.events.map((e) => [e.action, e.fields])).toEqual([
      ['token.redeem', ['recipient.phone']],
      ['reveal', ['recipient.phone', 'recipient.altPhone']],
    ]);
    const text = JSON.stringify(audit.events);
    for (const run of ['3456789', '8123456', '0978', '0903']) expect(text).not.toContain(run);
  });

  it('a record without a second number reveals the phone only, and audits the phone only', async () => {
    const audit = collect();
    const token = issueRevealToken({ keyring, waybillId: noAlt.id, courierId: 'courier-042', assignment: 1, notBefore: new Date(T0), notAfter: new Date(T0 + 3_600_000) });
    const grant = await redeemRevealToken(token, { keyring, waybillId: noAlt.id, courierId: 'courier-042', assignment: 1, now: new Date(T0 + 60_000), ledger: new MemoryLedger(), record: noAlt });
    expect(reveal(noAlt, grant, { keyring, audit, ...at })).toEqual({ 'recipient.phone': '+84901234567' });
    expect(audit.events[0]!.fields).toEqual(['recipient.phone']);
  });

  it('the sender phone bit grants the sender altPhone, not the recipient one', async () => {
    const shown = reveal(withAlt, await grantFor(['sender.phone']), { keyring, ...at });
    expect(shown).toEqual({ 'sender.phone': '+84912345678', 'sender.altPhone': '+84987654321' });
  });

  it('a grant without a phone bit never opens a second number', async () => {
    const shown = reveal(withAlt, await grantFor(['recipient.address', 'notes']), { keyring, ...at });
    expect(Object.keys(shown).sort()).toEqual(['notes', 'recipient.address']);
  });

  it('listing the altPhone next to its phone is accepted and gives the same token as the phone alone', () => {
    expect(issue(['recipient.phone', 'recipient.altPhone'])).toBe(issue(['recipient.phone']));
    expect(issue(['sender.altPhone', 'sender.phone', 'recipient.phone'])).toBe(issue(['recipient.phone', 'sender.phone']));
  });

  it('an altPhone without its own party phone is refused (needs_phone), never widened silently', () => {
    for (const fields of [['recipient.altPhone'], ['sender.altPhone', 'recipient.phone'], ['recipient.altPhone', 'sender.phone']] as SealedField[][]) {
      expect(() => issue(fields)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', issues: [{ path: 'fields', rule: 'needs_phone' }] }));
    }
  });

  it('goods.category stays not grantable, alone or with others', () => {
    for (const fields of [['goods.category'], ['recipient.phone', 'goods.category']] as SealedField[][]) {
      expect(() => issue(fields)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', issues: [{ path: 'fields', rule: 'not_grantable' }] }));
    }
  });

  it('grantedFields: the bits plus the implied altPhones, never goods.category (every mask)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 255 }), (mask) => {
        const bits = maskToFields(mask);
        const g = grantedFields(mask);
        expect(g).not.toContain('goods.category');
        expect(g.filter((f) => !f.endsWith('altPhone'))).toEqual(bits);
        expect(g.includes('recipient.altPhone')).toBe(bits.includes('recipient.phone'));
        expect(g.includes('sender.altPhone')).toBe(bits.includes('sender.phone'));
        expect(fieldsToMask(g)).toBe(mask);
        expect(g).toEqual(SEALED_FIELDS.filter((f) => g.includes(f)));
      }),
    );
  });

  it('the audit never carries a digit run of either number (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1_000_000, max: 9_999_999 }), fc.integer({ min: 1_000_000, max: 9_999_999 }), async (a, b) => {
        const p = protect(sampleWaybill({ recipient: { name: 'Lê Văn An', phone: `090${a} hoặc 097${b}`, address: 'Số 1 Tràng Tiền, Hoàn Kiếm, Hà Nội' } }), { keyring, now: new Date(T0) });
        const audit = collect();
        const token = issueRevealToken({ keyring, waybillId: p.id, courierId: 'courier-042', assignment: 1, notBefore: new Date(T0), notAfter: new Date(T0 + 3_600_000), audit });
        const grant = await redeemRevealToken(token, { keyring, waybillId: p.id, courierId: 'courier-042', assignment: 1, now: new Date(T0 + 60_000), ledger: new MemoryLedger(), audit });
        const shown = reveal(p, grant, { keyring, audit, ...at });
        expect(shown['recipient.altPhone']).toBe(`+8497${b}`);
        // The waybill id is digits by design; every other part of the events must hold none of the number.
        const text = JSON.stringify(audit.events.map(({ waybillId: _id, ...rest }) => rest));
        for (const n of [String(a), String(b)]) for (let i = 0; i + 4 <= n.length; i++) expect(text).not.toContain(n.slice(i, i + 4));
      }),
      { numRuns: 25 },
    );
  });
});
