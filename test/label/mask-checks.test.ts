/**
 * renderLabel re-applies the masks' rules (src/label/_checks.ts): a record whose label shows more
 * than `maskName`/`maskPhone` could produce is refused, naming the field and the rule.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderLabel, type LabelFormat } from '../../src/label/index.js';
import { protect } from '../../src/protect.js';
import { WaybillShieldError } from '../../src/errors.js';
import { MAX_KEPT_RUN, MIN_HIDDEN_DIGITS } from '../../src/mask/phone.js';
import type { MaskPolicy } from '../../src/policy.js';
import type { ProtectedWaybill } from '../../src/protect.js';
import { sampleWaybill, testKeyring } from '../helpers/fixtures.js';
import { fixture } from './_helpers.js';

const keyring = testKeyring();
const FORMATS: LabelFormat[] = ['text', 'zpl', 'svg'];

function edited(mutate: (p: ProtectedWaybill) => void): ProtectedWaybill {
  const p = fixture();
  mutate(p);
  return p;
}

function refusal(p: unknown, opts: Parameters<typeof renderLabel>[1] = { format: 'text' }): WaybillShieldError {
  try {
    renderLabel(p as ProtectedWaybill, opts);
  } catch (e) {
    expect(e).toBeInstanceOf(WaybillShieldError);
    return e as WaybillShieldError;
  }
  throw new Error('expected renderLabel to refuse the record');
}

/** Digits of `s` in letterless stretches, NFKC: what a reader would dial. */
function dialable(s: string): string[] {
  return [...s.normalize('NFKC').matchAll(/[^\p{L}]+/gu)].map((m) => m[0].replace(/\D/g, '')).filter((d) => d.length > 0);
}

describe('records made by protect() render under every policy', () => {
  const policies: { policy: MaskPolicy; names?: 'given-name' }[] = [
    { policy: {} },
    { policy: { recipientPhone: { style: 'first3-last3' }, senderPhone: { style: 'full' } } },
    { policy: { recipientPhone: { keepStart: 3, keepEnd: 3 }, senderName: { style: 'full-mask' } } },
    { policy: { recipientName: { style: 'given-name' }, senderName: { style: 'given-name' } }, names: 'given-name' },
  ];

  it.each(policies)('policy %j', ({ policy, names }) => {
    const p = protect(sampleWaybill(), { keyring, policy });
    for (const format of FORMATS) expect(renderLabel(p, { format, ...(names ? { names } : {}) }).length).toBeGreaterThan(100);
  });

  it('foreign numbers keep their calling code and still pass', () => {
    const p = protect(sampleWaybill({ recipient: { name: 'John Smith', phone: '+44 20 7946 0958', address: '10 Downing St, London' } }), { keyring });
    expect(p.label.recipient.phone).toMatch(/^\+44 \*+\d{3}$/);
    expect(renderLabel(p, { format: 'text' })).toContain(p.label.recipient.phone);
  });

  it('property: any waybill protect() accepts renders, names written in any script', () => {
    const word = fc.string({ unit: fc.constantFrom(...'aăâbcdđeêghiklmnoôơpqrstuưvxyÁÀẢÃẠáàảãạĐŒœßΩжЖ'), minLength: 1, maxLength: 8 });
    const phone = fc.tuple(fc.constantFrom('090', '091', '098', '038', '070', '083', '028 38'), fc.stringMatching(/^[0-9]{7}$/)).map(([a, b]) => `${a}${b}`.slice(0, a.length === 6 ? 11 : 10));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 5 }), phone, fc.constantFrom<MaskPolicy>({}, { recipientPhone: { style: 'first3-last3' } }, { recipientName: { style: 'full-mask' } }), (ws, ph, policy) => {
        let p: ProtectedWaybill;
        try {
          p = protect(sampleWaybill({ recipient: { name: ws.join(' '), phone: ph, address: 'Phường Bến Nghé, Quận 1, TP.HCM' } }), { keyring, policy });
        } catch {
          return; // a number libphonenumber does not accept is not this test's concern
        }
        expect(() => renderLabel(p, { format: 'text' })).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });
});

describe('regression guard: the mask checks refuse nothing protect() makes from the fixture sets', () => {
  // The address, goods and phone fixtures the other modules are tuned on (never their held-out
  // sets): every record protect() accepts must render.
  const load = (f: string) => (JSON.parse(readFileSync(new URL(`../fixtures/${f}`, import.meta.url), 'utf8')) as { cases: Record<string, unknown>[] }).cases;
  const addresses = [...load('address-handwritten.json'), ...load('address-generated.json'), ...load('address-handwritten-styles.json')].map((c) => String(c.input));
  const goods = load('goods-eval.json').map((c) => String(c.text));
  const phones = load('phones-tune.json').map((c) => String(c.input));

  it('every third fixture address, with goods, phone fields and both phone styles, renders', () => {
    let rendered = 0;
    for (let i = 0; i < addresses.length; i += 3) {
      const wb = sampleWaybill({
        id: `T${i}`,
        recipient: { name: 'Nguyễn Thị Minh Khai', phone: phones[i % phones.length]!, address: addresses[i]! },
        sender: { name: 'Cửa hàng 24h', phone: '02838123456', address: addresses[(i * 7) % addresses.length]! },
        goods: { description: goods[i % goods.length]! },
      });
      for (const policy of [{}, { recipientPhone: { style: 'first3-last3' as const } }]) {
        let p: ProtectedWaybill;
        try {
          p = protect(wb, { keyring, policy });
        } catch {
          continue; // a phone field protect() refuses is not this test's concern
        }
        if (p.goods.acceptance.decision === 'refuse') {
          // Refused goods are not labelled for carriage unless asked; the masks are still checked then.
          expect(() => renderLabel(p, { format: 'text' }), `fixture ${i}`).toThrow(expect.objectContaining({ code: 'RENDER_FAILED' }));
          expect(() => renderLabel(p, { format: 'text', allowRefused: true }), `fixture ${i}`).not.toThrow();
        } else expect(() => renderLabel(p, { format: 'text' }), `fixture ${i}`).not.toThrow();
        rendered++;
      }
    }
    expect(rendered).toBeGreaterThan(1_000);
  });
});

describe('a record built by hand is refused when its label is not masked', () => {
  it('a full name → INVALID_INPUT at label.recipient.name, rule name_mask, no value in the message', () => {
    const e = refusal(edited((p) => (p.label.recipient.name = 'Nguyễn Thị Minh Khai')));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues).toEqual([{ path: 'label.recipient.name', rule: 'name_mask' }]);
    expect(e.message).toContain('label.recipient.name');
    expect(e.message).not.toMatch(/Nguy|Khai|Minh/);
  });

  it.each([
    ['Nguyễn Văn A'],
    ['Khai'],
    ['N** T** M** Khai'],
    ['Ng** T**'],
    ['N*** T**'],
    ['N* T**'],
    ['0** T**'],
    ['N**T**'],
  ])('name %j is not initials', (name) => {
    expect(refusal(edited((p) => (p.label.sender.name = name))).issues).toEqual([{ path: 'label.sender.name', rule: 'name_mask' }]);
  });

  it('initials of any script, `***` and an empty name pass', () => {
    for (const name of ['N** T** M** K**', 'Đ** Ư**', 'Ж** Ω**', '***', '* ** ', '', '*** K**']) {
      // '* ** ' cleans to '* **' — two words that are not masks
      if (name === '* ** ') expect(refusal(edited((p) => (p.label.recipient.name = name))).issues[0]!.rule).toBe('name_mask');
      else expect(() => renderLabel(edited((p) => (p.label.recipient.name = name)), { format: 'zpl' })).not.toThrow();
    }
  });

  it("'given-name' labels need the names option, and even then only the last word may be spelled out", () => {
    const p = protect(sampleWaybill(), { keyring, policy: { recipientName: { style: 'given-name' } } });
    expect(p.label.recipient.name).toBe('N** T** M** Khai');
    expect(refusal(p).issues).toEqual([{ path: 'label.recipient.name', rule: 'name_mask' }]);
    expect(renderLabel(p, { format: 'text', names: 'given-name' })).toContain('N** T** M** Khai');
    for (const name of ['Nguyễn T** M** Khai', 'N** T** M** Kh4i', 'N** T** Minh Khai']) {
      expect(refusal(edited((q) => (q.label.recipient.name = name)), { format: 'text', names: 'given-name' }).issues).toEqual([{ path: 'label.recipient.name', rule: 'name_mask' }]);
    }
    expect(refusal(p, { format: 'text', names: 'everything' as never }).code).toBe('RENDER_FAILED');
  });

  it.each([
    ['0901234567', 'the whole number'],
    ['0901-234-567', 'split by hyphens'],
    ['090 123 4567', 'split by spaces'],
    ['090****4567', 'four digits kept at the end'],
    ['0901****567', 'four digits kept at the start'],
    ['090***4567', 'four kept at the end, three hidden'],
    ['090***567', 'only three hidden'],
    ['*******5*67', 'a digit inside the mask'],
    ['０９０１２３４５６７', 'full-width digits'],
    ['+84 901234567', 'a calling code and the number'],
    ['+8490 ****567', 'digits glued to the calling code'],
    ['*******567 x', 'trailing text'],
    ['٠٩٠١٢٣٤٥٦٧', 'Arabic-Indic digits'],
  ])('phone %j (%s) → phone_mask', (phone) => {
    const e = refusal(edited((p) => (p.label.recipient.phone = phone)));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues).toEqual([{ path: 'label.recipient.phone', rule: 'phone_mask' }]);
    expect(e.message).not.toMatch(/\d{3}/);
  });

  it(`phone masks keep at most ${MAX_KEPT_RUN} digits at each end and hide at least ${MIN_HIDDEN_DIGITS}`, () => {
    for (const phone of ['*******567', '090****567', '**********', '+44 *******958', '+1 ****', '']) {
      expect(() => renderLabel(edited((p) => (p.label.sender.phone = phone)), { format: 'text' })).not.toThrow();
    }
  });

  it.each([
    ['label.recipient.address', (p: ProtectedWaybill, s: string) => (p.label.recipient.address = `***, ${s}, Hà Nội`)],
    ['label.sender.address', (p: ProtectedWaybill, s: string) => (p.label.sender.address = s)],
    ['label.goods', (p: ProtectedWaybill, s: string) => (p.label.goods = `Gọi ${s}`)],
    ['routing.recipient.province.name', (p: ProtectedWaybill, s: string) => ((p.routing.recipient as unknown as { province: { name: string } }).province.name = s)],
  ] as const)('a phone hidden in %s → digit_run', (path, put) => {
    for (const s of ['0901 234 567', '0901.234.567', '0901_234,567', '０９０１ ２３４ ５６７', '(090) 1234']) {
      const e = refusal(edited((p) => put(p, s)));
      expect(e.issues).toEqual([{ path, rule: 'digit_run' }]);
      expect(e.message).not.toMatch(/090|234|567|０９/);
    }
  });

  it('addresses with short numbers still pass (Phường 12, Quận 10)', () => {
    const p = edited((r) => (r.label.recipient.address = '***, Phường 12, Quận 10, Hồ Chí Minh'));
    expect(renderLabel(p, { format: 'text' })).toContain('Phường 12, Quận 10');
  });

  it('a routing code that is not a 1–5 digit unit code → format', () => {
    const e = refusal(edited((p) => ((p.routing.recipient as unknown as { province: { code: string } }).province.code = '0901234567')));
    expect(e.issues).toEqual([{ path: 'routing.recipient.province.code', rule: 'format' }]);
  });

  it('every failing field is listed at once', () => {
    const e = refusal(
      edited((p) => {
        p.label.recipient.name = 'Nguyễn Thị Minh Khai';
        p.label.recipient.phone = '0901234567';
        p.label.sender.phone = '0281234567';
      }),
    );
    expect(e.issues).toEqual([
      { path: 'label.recipient.name', rule: 'name_mask' },
      { path: 'label.recipient.phone', rule: 'phone_mask' },
      { path: 'label.sender.phone', rule: 'phone_mask' },
    ]);
  });

  it('control and zero-width characters do not hide a digit run: checks read the text as printed', () => {
    for (const phone of ['0901\u200b234567', '0901\u0000234567', '09\u202e01234567']) {
      expect(refusal(edited((p) => (p.label.recipient.phone = phone))).issues).toEqual([{ path: 'label.recipient.phone', rule: 'phone_mask' }]);
    }
  });
});

describe('property: a phone written into any label field never reaches the output', () => {
  const phoneDigits = fc.tuple(fc.constantFrom('09', '03', '07', '08', '05'), fc.stringMatching(/^[0-9]{8}$/)).map(([a, b]) => a + b);
  const sep = fc.constantFrom('', ' ', '-', '.', '_', ',', '/', ' - ', '\u00a0', '\u200b');
  const width = fc.constantFrom<'ascii' | 'full'>('ascii', 'full');
  const fields = ['recipient.name', 'recipient.phone', 'recipient.address', 'sender.name', 'sender.phone', 'sender.address', 'goods'] as const;

  it('renderLabel refuses with INVALID_INPUT, and the message holds no digit of it', () => {
    fc.assert(
      fc.property(phoneDigits, fc.array(sep, { minLength: 9, maxLength: 9 }), width, fc.constantFrom(...fields), fc.constantFrom(...FORMATS), (d, seps, w, field, format) => {
        const digits = w === 'full' ? [...d].map((c) => String.fromCharCode(0xff10 + Number(c))) : [...d];
        const written = digits.map((c, i) => c + (seps[i] ?? '')).join('');
        const p = edited((r) => {
          if (field === 'goods') r.label.goods = `Hàng ${written}`;
          else {
            const [who, k] = field.split('.') as ['recipient' | 'sender', 'name' | 'phone' | 'address'];
            r.label[who][k] = k === 'name' ? `N** ${written}` : written;
          }
        });
        const e = refusal(p, { format });
        expect(e.code).toBe('INVALID_INPUT');
        expect(e.issues.length).toBeGreaterThan(0);
        expect(JSON.stringify(e)).not.toMatch(/[0-9０-９]{2}/);
        for (const part of dialable(e.message)) expect(d).not.toContain(part.length >= 4 ? part : 'never');
      }),
      { numRuns: 400 },
    );
  });
});
