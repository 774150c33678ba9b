import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseWaybill, safeParseWaybill, isValidWaybill } from '../src/schema.js';
import { WaybillShieldError } from '../src/errors.js';
import { sampleWaybill, windows } from './helpers/fixtures.js';

function issuesOf(input: unknown) {
  const r = safeParseWaybill(input);
  if (r.ok) throw new Error('expected a failure');
  expect(r.error.code).toBe('INVALID_WAYBILL');
  return r.error.issues;
}

describe('parseWaybill', () => {
  it('normalises strings to NFC, trims them, and phones to E.164', () => {
    const wb = parseWaybill(sampleWaybill({ recipient: { name: '  Nguyễn Thị Minh Khai '.normalize('NFD'), phone: '0168 123 4567', address: ' Hà Nội ' } }));
    expect(wb.recipient.name).toBe('Nguyễn Thị Minh Khai');
    expect(wb.recipient.name).toBe(wb.recipient.name.normalize('NFC'));
    expect(wb.recipient.phone).toBe('+84381234567');
    expect(wb.sender.phone).toBe('+842838123456');
    expect(wb.recipient.address).toBe('Hà Nội');
    expect(isValidWaybill(sampleWaybill())).toBe(true);
  });

  it('accepts any printable text customers type, including ^ ~ < & and quotes', () => {
    const odd = 'Cửa hàng "Hoa & Lá" <Chi nhánh ^1~> \'Số 2\'';
    const wb = parseWaybill(sampleWaybill({ goods: { description: odd }, notes: odd }));
    expect(wb.goods.description).toBe(odd);
  });

  it('reports an invalid phone at its path with rule phone', () => {
    expect(issuesOf(sampleWaybill({ recipient: { name: 'A', phone: '12345', address: 'Hà Nội' } }))).toEqual([{ path: 'recipient.phone', rule: 'phone' }]);
  });

  it('reports missing, wrong-type, too-long and control-character fields by path and rule', () => {
    const wb = sampleWaybill() as Record<string, unknown>;
    delete wb.goods;
    expect(issuesOf(wb)).toContainEqual({ path: 'goods', rule: 'required' });
    expect(issuesOf(sampleWaybill({ codAmount: -1 }))).toContainEqual({ path: 'codAmount', rule: 'too_small' });
    expect(issuesOf(sampleWaybill({ codAmount: 1.5 }))).toContainEqual({ path: 'codAmount', rule: 'type' });
    expect(issuesOf(sampleWaybill({ weightGrams: Number.NaN }))).toContainEqual({ path: 'weightGrams', rule: 'type' });
    expect(issuesOf({ ...sampleWaybill(), id: 42 })).toContainEqual({ path: 'id', rule: 'type' });
    expect(issuesOf(sampleWaybill({ recipient: { name: 'x'.repeat(201), phone: '0901234567', address: 'Hà Nội' } }))).toContainEqual({ path: 'recipient.name', rule: 'too_long' });
    expect(issuesOf(sampleWaybill({ recipient: { name: 'Lan\u0000', phone: '0901234567', address: 'Hà Nội' } }))).toContainEqual({ path: 'recipient.name', rule: 'control_chars' });
    expect(issuesOf(sampleWaybill({ recipient: { name: '\u202eLan', phone: '0901234567', address: 'Hà Nội' } }))).toContainEqual({ path: 'recipient.name', rule: 'control_chars' });
    expect(issuesOf(sampleWaybill({ recipient: { name: 'Lan\ud800', phone: '0901234567', address: 'Hà Nội' } }))).toContainEqual({ path: 'recipient.name', rule: 'control_chars' });
    expect(issuesOf(sampleWaybill({ recipient: { name: '   ', phone: '0901234567', address: 'Hà Nội' } }))).toContainEqual({ path: 'recipient.name', rule: 'required' });
    expect(issuesOf(sampleWaybill({ id: 'has space' }))).toContainEqual({ path: 'id', rule: 'format' });
  });

  it('rejects unknown and prototype-pollution keys without naming them, and never merges them', () => {
    const withProto = JSON.parse(`{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"x": 1}}, "Nguyen Van A": 1}`);
    const issues = issuesOf({ ...sampleWaybill(), ...withProto });
    expect(issues).toEqual([{ path: '', rule: 'unknown_key' }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const nested = sampleWaybill() as unknown as { recipient: Record<string, unknown> };
    nested.recipient = { ...nested.recipient, ...JSON.parse('{"__proto__": {"admin": true}}') };
    expect(issuesOf(nested)).toEqual([{ path: 'recipient', rule: 'unknown_key' }]);
  });

  it('gives INVALID_WAYBILL for throwing getters and proxies, never their message', () => {
    const evil = Object.defineProperty({}, 'id', { enumerable: true, get: () => { throw new TypeError('boom 0901234567'); } });
    expect(() => parseWaybill(evil)).toThrow(WaybillShieldError);
    const proxy = new Proxy({}, { get: () => { throw new Error('trap 0901234567'); } });
    try {
      parseWaybill(proxy);
    } catch (e) {
      expect((e as WaybillShieldError).code).toBe('INVALID_WAYBILL');
      expect(String(e)).not.toContain('0901');
      expect((e as Error).cause).toBeUndefined();
    }
  });

  it('never puts a 4+ character substring of PII fields into a message or issue (property)', () => {
    const FIXED_TEXT =
      'invalid_waybill recipient sender phone address required control_chars too_long not a valid vietnamese or international number has the wrong type is too long is required contains control characters ' +
      '{"name":"waybillshielderror","code":"invalid_waybill","message":"invalid_waybill: recipient.name: ","issues":[{"path":"recipient.name","rule":"required"},{"path":""}]}' +
      // Every issue these fields can get, as its JSON spells it (`"con` of `"rule":"control_chars"`).
      ['recipient', 'sender']
        .flatMap((who) => ['name', 'address', 'phone'].map((f) => `${who}.${f}`))
        .flatMap((path) => ['required', 'type', 'too_long', 'control_chars', 'invalid', 'format', 'digit_run'].map((rule) => `{"path":"${path}","rule":"${rule}"}`))
        .join(',');
    const piiText = fc.string({ unit: 'grapheme', minLength: 4, maxLength: 40 });
    const badField = fc.oneof(
      piiText.map((s) => s + '\u0000'),
      piiText.map((s) => s.repeat(60)),
      fc.constant(42),
      fc.constant(null),
    );
    fc.assert(
      fc.property(piiText, piiText, fc.stringMatching(/^[0-9]{6,14}$/), badField, fc.constantFrom('name', 'address', 'phone'), (name, address, phone, bad, which) => {
        const recipient: Record<string, unknown> = { name, address, phone };
        recipient[which] = bad;
        const input = sampleWaybill({ recipient: recipient as never, sender: { name, phone, address } });
        const r = safeParseWaybill(input);
        if (r.ok) return;
        const text = `${r.error.message}\n${JSON.stringify(r.error)}\n${JSON.stringify(r.error.issues)}\n${String(r.error.cause ?? '')}`.toLowerCase();
        const secrets = [name, address, phone, typeof bad === 'string' ? bad : ''].filter((s) => s.trim().length >= 4);
        for (const s of secrets) {
          for (const w of windows(s)) {
            // Windows that the error's fixed wording or its JSON form spell by themselves (`age"` of
            // `"message":`) say nothing about the input.
            if (/^[a-z ._:()"{}[\],]+$/.test(w) && FIXED_TEXT.includes(w)) continue;
            expect(text.includes(w)).toBe(false);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('parseWaybill: phone fields as typed (issue 14)', () => {
  const withPhone = (phone: string) => sampleWaybill({ recipient: { name: 'Lê Văn Tuấn', phone, address: 'Hà Nội' } });

  it.each([
    ['0903 456 789 (chị Hoa)', '+84903456789', undefined, '(chị Hoa)'],
    ['ĐT: 0903456789', '+84903456789', undefined, undefined],
    ['0903456789 hoặc 0978123456', '+84903456789', '+84978123456', undefined],
    ['０９０３４５６７８９.', '+84903456789', undefined, undefined],
    ['08 3829 1234', '+842838291234', undefined, undefined],
  ])('%s', (phone, e164, alt, note) => {
    const wb = parseWaybill(withPhone(phone));
    expect(wb.recipient.phone).toBe(e164);
    expect(wb.recipient.altPhone).toBe(alt);
    expect(wb.recipient.phoneNote).toBe(note);
  });

  it('refuses control characters and fields with no valid number, naming only the path and rule', () => {
    for (const [phone, rule] of [['0903456789\u202e', 'control_chars'], ['gọi chị Hoa', 'phone'], ['0'.repeat(200), 'too_long']] as const) {
      const r = safeParseWaybill(withPhone(phone));
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.issues).toEqual([{ path: 'recipient.phone', rule }]);
        expect(JSON.stringify(r.error)).not.toContain('Hoa');
      }
    }
  });

  it('an invalid phone field never leaks into the error (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (phone) => {
        const r = safeParseWaybill(withPhone(`${phone} 12`));
        if (r.ok) return;
        const text = `${r.error.message} ${JSON.stringify(r.error.issues)}`;
        for (const run of phone.match(/\d{4,}/g) ?? []) expect(text).not.toContain(run);
      }),
    );
  });
});
