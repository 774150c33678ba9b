import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WaybillShieldError } from '../../src/errors.js';
import { SCRUB_MAX_LENGTH, SCRUB_PLACEHOLDERS, scrubText } from '../../src/mask/scrub.js';
import { HOSTILE_ALL } from '../helpers/hostile.js';

describe('scrubText: phones', () => {
  it.each([
    ['Gọi 0901234567 nhé', 'Gọi [SĐT] nhé'],
    ['Gọi 0901 234 567 nhé', 'Gọi [SĐT] nhé'],
    ['Zalo: 090.123.4567', 'Zalo: [SĐT]'],
    ['SĐT 090-123-4567.', 'SĐT [SĐT].'],
    ['+84 90-123-4567 gọi trước', '[SĐT] gọi trước'],
    ['(+84) 901 234 567', '[SĐT]'],
    ['(090) 123-4567', '[SĐT]'],
    ['0084 901 234 567', '[SĐT]'],
    ['+84 (0) 901 234 567', '[SĐT]'],
    ['sdt0901234567', 'sdt[SĐT]'],
    ['cơ quan 028 3812 3456', 'cơ quan [SĐT]'],
    ['số cũ 0168 123 4567', 'số cũ [SĐT]'],
    ['US +1 415 555 0100', 'US [SĐT]'],
    ['hai số 0901234567/0912345678', 'hai số [SĐT]/[SĐT]'],
    // Written with longer or rarer separators, or in another script's digits.
    ['Gọi 0901    234 567', 'Gọi [SĐT]'],
    ['US +1 415 ~ 555 0100', 'US [SĐT]'],
    ['gọi + - 1 415 555 0100', 'gọi [SĐT]'],
    ['ĐT 0903.456/789 nhé', 'ĐT [SĐT] nhé'],
    ['Gọi ٠٩٠١٢٣٤٥٦٧ nhé', 'Gọi [SĐT] nhé'],
    ['+٨٤ ٩٠١ ٢٣٤ ٥٦٧', '[SĐT]'],
    ['फोन ०९०१२३४५६७', 'फोन [SĐT]'],
  ])('%s', (input, expected) => {
    expect(scrubText(input)).toBe(expected);
  });
});

describe('scrubText: emails, IDs, bank accounts, URLs, long numbers', () => {
  it.each([
    ['mail lan.nguyen+shop@gmail.com nhé', 'mail [email] nhé'],
    ['EMAIL: Trần.Lan@công-ty.vn.', 'EMAIL: [email].'],
    ['CCCD 001099012345 cấp ngày 1/1', 'CCCD [ID] cấp ngày 1/1'],
    ['CCCD: 001 099 012 345', 'CCCD: [ID]'],
    ['số CMND: 123456789', 'số CMND: [ID]'],
    ['giấy tờ 079203001234', 'giấy tờ [ID]'],
    ['STK 0123456789 Vietcombank', 'STK [STK] Vietcombank'],
    ['số tài khoản: 1903 5555 8888 01', 'số tài khoản: [STK]'],
    ['so tai khoan la 1903555588880', 'so tai khoan la [STK]'],
    ['ck vào tk 19035555 giúp em', 'ck vào tk [STK] giúp em'],
    ['MB 0901234567 chủ tk Lan', 'MB [STK] chủ tk Lan'],
    ['link https://shopee.vn/product?id=123&u=abc. xem', 'link [URL]. xem'],
    ['(shopee.vn/i.123?sp_atk=abc)', '([URL])'],
    ['mã đơn 12345678901234', 'mã đơn [SỐ]'],
  ])('%s', (input, expected) => {
    expect(scrubText(input)).toBe(expected);
  });

  it('keeps text that is not PII', () => {
    for (const s of [
      'Số 12 ngõ 34/5 Nguyễn Trãi, P. Thượng Đình',
      '47/9B Lê Lợi, Phường Bến Nghé',
      'Giao giờ hành chính 8 - 10h, ngày 12/05/2025 hoặc 12-05-2025',
      'COD 32.000.000đ, 1.500.000.000 VND, 2 000 000 000 đ',
      'Kích thước 30x40x50 cm, 2 áo 150.000đ',
      'https://example.com/no-query ok',
      'email sai: abc@def, @@, a@.vn',
      'iPhone 15 Pro Max 256GB',
      '',
    ]) {
      expect(scrubText(s), s).toBe(s);
    }
  });

  it('uses fixed placeholders that do not leak length', () => {
    expect(scrubText('0901234567')).toBe(scrubText('02838123456'));
    expect(scrubText('a@b.co')).toBe(scrubText('a.very.long.local.part@example.com'));
    for (const p of Object.values(SCRUB_PLACEHOLDERS)) {
      expect(p).not.toMatch(/[0-9@?]/);
      expect(scrubText(p)).toBe(p);
    }
  });

  it('masks only the kinds asked for', () => {
    const s = 'Gọi 0901234567, mail a@b.vn';
    expect(scrubText(s, { kinds: ['email'] })).toBe('Gọi 0901234567, mail [email]');
    expect(scrubText(s, { kinds: ['phone'] })).toBe('Gọi [SĐT], mail a@b.vn');
    expect(scrubText(s, { kinds: [] })).toBe(s);
  });

  it('uses the default region for national numbers', () => {
    expect(scrubText('call (415) 555-0100', { defaultCountry: 'US' })).toBe('call [SĐT]');
  });
});

describe('scrubText: bad input', () => {
  it('rejects non-strings, too-long text and bad options with INVALID_INPUT and no input in the message', () => {
    const long = 'Gọi 0901234567 '.repeat(1000);
    const bad: [unknown, unknown][] = [
      [42, undefined],
      [null, undefined],
      [{ toString: () => '0901234567' }, undefined],
      [long, undefined],
      ['0901234567', { kinds: ['phone', 'everything'] }],
      ['0901234567', { kinds: 'phone' }],
      ['0901234567', { defaultCountry: 'ZZ' }],
      ['0901234567', 'VN'],
    ];
    for (const [text, opts] of bad) {
      try {
        scrubText(text as string, opts as never);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(WaybillShieldError);
        expect((e as WaybillShieldError).code).toBe('INVALID_INPUT');
        expect((e as Error).message).not.toMatch(/\d{4}/);
      }
    }
    expect(() => scrubText('0'.repeat(SCRUB_MAX_LENGTH))).not.toThrow();
  });

  it('returns a string or throws WaybillShieldError for every hostile input', () => {
    for (const [name, v] of HOSTILE_ALL) {
      for (const opts of [undefined, v]) {
        try {
          const out = scrubText(v as string, opts as never);
          expect(typeof out, name).toBe('string');
          expect(out, name).not.toContain('0901234567');
        } catch (e) {
          expect(e, name).toBeInstanceOf(WaybillShieldError);
          expect((e as Error).message, name).not.toContain('0901');
        }
      }
    }
  });
});

//#region generators
const MOBILE_PREFIXES = ['032', '033', '034', '035', '036', '037', '038', '039', '052', '056', '058', '059', '070', '076',
  '077', '078', '079', '081', '082', '083', '084', '085', '086', '087', '088', '089', '090', '091', '092', '093', '094',
  '096', '097', '098', '099'];
const LANDLINE_PREFIXES = ['024', '028', '0236', '0251', '0274', '0292', '0225', '0234'];

const digits = (n: number): fc.Arbitrary<string> =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));

/** A national-format Vietnamese number: 10-digit mobile or 11-digit landline. */
const vnPhone = fc.oneof(
  fc.tuple(fc.constantFrom(...MOBILE_PREFIXES), digits(7)).map(([p, d]) => p + d),
  fc.tuple(fc.constantFrom(...LANDLINE_PREFIXES), digits(8)).map(([p, d]) => (p + d).slice(0, 11)),
);

/** Ten (and more) ways people write a Vietnamese number. `n` is national, starting with 0. */
const FORMATS: readonly ((n: string) => string)[] = [
  (n) => n,
  (n) => `${n.slice(0, 4)} ${n.slice(4, 7)} ${n.slice(7)}`,
  (n) => `${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`,
  (n) => `${n.slice(0, 3)}.${n.slice(3, 6)}.${n.slice(6)}`,
  (n) => `${n.slice(0, 3)}-${n.slice(3, 6)}-${n.slice(6)}`,
  (n) => `+84${n.slice(1)}`,
  (n) => `+84 ${n.slice(1, 3)} ${n.slice(3, 6)} ${n.slice(6)}`,
  (n) => `+84-${n.slice(1, 3)}-${n.slice(3, 6)}-${n.slice(6)}`,
  (n) => `84${n.slice(1)}`,
  (n) => `(+84) ${n.slice(1, 4)} ${n.slice(4, 7)} ${n.slice(7)}`,
  (n) => `(${n.slice(0, 3)}) ${n.slice(3, 6)}-${n.slice(6)}`,
  (n) => `0084 ${n.slice(1, 4)} ${n.slice(4, 7)} ${n.slice(7)}`,
  (n) => `${n.slice(0, 4)}.${n.slice(4, 7)}.${n.slice(7)}`,
];

const VI_WORDS = ['Gọi', 'trước', 'khi', 'giao', 'hàng', 'cho', 'chị', 'Lan', 'số', 'điện', 'thoại', 'nhà', 'ngõ', 'Phường',
  'Bến', 'Nghé', 'Quận', 'Hà', 'Nội', 'SĐT', 'Zalo', 'liên', 'hệ', 'ĐT:', 'nhé', 'ạ', 'giờ', 'hành', 'chính', 'áo', 'thun',
  'ốp', 'lưng', 'iPhone', 'COD', '150.000đ', 'x2', '–', ',', '.', ':', '(', ')', '!', 'anh', 'Tuấn', 'Nguyễn', 'Thị', 'ĐƯỜNG',
  'lầu', '3', '12', '7', '47/9B', 'tầng', '2'];
const viText = fc.array(fc.constantFrom(...VI_WORDS), { maxLength: 12 }).map((w) => w.join(' '));

const emailAddr = fc
  .tuple(
    fc.stringMatching(/^[a-z][a-z0-9._]{2,12}[a-z0-9]$/),
    fc.constantFrom('gmail.com', 'yahoo.com.vn', 'công-ty.vn', 'fpt.edu.vn', 'outlook.com'),
  )
  .map(([l, d]) => ({ local: l, address: `${l}@${d}` }));

/** The output around an embedded value: `before` and `after` joined to the placeholder by spaces. */
const embed = (before: string, value: string, after: string): string =>
  [before, value, after].filter((s) => s !== '').join(' ');
//#endregion

describe('scrubText: properties', () => {
  it('masks any Vietnamese phone in any format anywhere in Vietnamese text, and keeps the rest', () => {
    fc.assert(
      fc.property(vnPhone, fc.integer({ min: 0, max: FORMATS.length - 1 }), viText, viText, (n, f, before, after) => {
        const written = FORMATS[f]!(n);
        const out = scrubText(embed(before, written, after));
        expect(out).toBe(embed(before, SCRUB_PLACEHOLDERS.phone, after));
        const all = n + n.slice(1) + '84' + n.slice(1);
        for (let i = 0; i + 4 <= n.length; i++) expect(out).not.toContain(n.slice(i, i + 4));
        expect(all.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('masks any email and never keeps its local part', () => {
    fc.assert(
      fc.property(emailAddr, viText, viText, ({ local, address }, before, after) => {
        const out = scrubText(embed(before, address, after));
        expect(out).toBe(embed(before, SCRUB_PLACEHOLDERS.email, after));
        expect(out).not.toContain(local);
      }),
      { numRuns: 500 },
    );
  });

  it('is idempotent', () => {
    const piece = fc.oneof(
      viText,
      fc.tuple(vnPhone, fc.integer({ min: 0, max: FORMATS.length - 1 })).map(([n, f]) => FORMATS[f]!(n)),
      emailAddr.map((e) => e.address),
      digits(12).map((d) => '0' + d.slice(1)),
      digits(9),
      fc.constantFrom('STK', 'CCCD', 'tk', 'https://x.vn/a?b=1', '+', '(', ')', '.', '-', ' ', '@'),
      fc.string({ maxLength: 20 }),
      fc.stringMatching(/^[0-9 .()+-]{1,25}$/),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.constantFrom('', ' ', '.', '-'), (parts, sep) => {
        const once = scrubText(parts.join(sep));
        expect(scrubText(once)).toBe(once);
      }),
      { numRuns: 3000 },
    );
  });

  it('never throws on strings within the limit, and its errors carry no input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 })), (s) => {
        expect(typeof scrubText(s)).toBe('string');
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 20 }), (s) => {
        const text = s.repeat(Math.ceil((SCRUB_MAX_LENGTH + 1) / s.length));
        try {
          scrubText(text);
          expect.unreachable();
        } catch (e) {
          expect(e).toBeInstanceOf(WaybillShieldError);
          if (s.trim().length >= 3) expect((e as Error).message).not.toContain(s);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('runs in linear time on long hostile inputs', () => {
    const units = ['1 ', '1.', '1-', '(1', '+', '@', 'a@', 'a.', '0901234567 ', '09012 ', 'stk 1 ', 'x@y.', 'https://a.b/?c ',
      'a'.repeat(50) + ' ', '1'.repeat(100) + ' ', 'áo ', '+84 (0) '];
    const best = (s: string): number => {
      let min = Infinity;
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        scrubText(s);
        min = Math.min(min, performance.now() - t0);
      }
      return min;
    };
    for (const u of units) {
      const at = (n: number): string => u.repeat(Math.floor(n / u.length));
      best(at(SCRUB_MAX_LENGTH)); // warm up
      const quarter = best(at(SCRUB_MAX_LENGTH / 4));
      const full = best(at(SCRUB_MAX_LENGTH));
      // Linear growth is 4x, quadratic 16x; the constant absorbs timer noise on tiny times.
      expect(full, JSON.stringify(u)).toBeLessThan(quarter * 8 + 40);
      expect(full, JSON.stringify(u)).toBeLessThan(1500);
    }
  });
});

describe('scrubText: phones split by any punctuation, and full-width digits (issue 13)', () => {
  it.each([
    ['gọi 0901_234_567 nhé', 'gọi [SĐT] nhé'],
    ['sđt 0901,234,567', 'sđt [SĐT]'],
    ['0901·234·567', '[SĐT]'],
    ['０９０１２３４５６７ chị Lan', '[SĐT] chị Lan'],
    ['ĐT：０９０１－２３４－５６７.', 'ĐT：[SĐT].'],
    ['＋８４ ９０１ ２３４ ５６７', '[SĐT]'],
    ['STK ０１２３４５６７８９ VCB', 'STK [STK] VCB'],
  ])('%s → %s', (input, out) => {
    expect(scrubText(input)).toBe(out);
  });

  it('dates, times and amounts with punctuation are not phones', () => {
    for (const t of ['Hẹn 12/05/2025 08:30, giá 1,500,000đ', 'Giao 05/12 lúc 09:30', 'Tổng 2,350,000 VND']) {
      expect(scrubText(t)).toBe(t);
    }
  });

  it('no 4-digit run of a phone survives, whatever punctuation or width it is written in (property)', () => {
    const toWide = (s: string): string => s.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    fc.assert(
      fc.property(
        fc.constantFrom('090', '091', '093', '038', '070', '083', '056', '086'),
        fc.stringMatching(/^[0-9]{7}$/),
        fc.constantFrom(' ', '.', '-', '_', ',', '·', '_ ', ', '),
        fc.boolean(),
        (prefix, rest, sep, wide) => {
          const n = `${prefix}${rest}`;
          let written = `${n.slice(0, 4)}${sep}${n.slice(4, 7)}${sep}${n.slice(7)}`;
          if (wide) written = toWide(written);
          const out = scrubText(`Liên hệ ${written} (chị Lan)`);
          const digitsLeft = out.normalize('NFKC').replace(/\D/g, '');
          for (let i = 0; i + 4 <= n.length; i++) expect(digitsLeft).not.toContain(n.slice(i, i + 4));
          expect(out).toContain('(chị Lan)');
        },
      ),
    );
  });
});

describe('scrubText: the new separators and the width view stay linear', () => {
  it('grows linearly on floods of punctuation-split and full-width digits', () => {
    const best = (s: string): number => {
      let min = Infinity;
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        scrubText(s);
        min = Math.min(min, performance.now() - t0);
      }
      return min;
    };
    for (const u of ['1,', '1_', '１ ', '1·', '0901_234_567,']) {
      const at = (n: number): string => u.repeat(Math.floor(n / u.length));
      best(at(SCRUB_MAX_LENGTH)); // warm up
      const quarter = best(at(SCRUB_MAX_LENGTH / 4));
      const full = best(at(SCRUB_MAX_LENGTH));
      // Linear growth is 4x, quadratic 16x; the constant absorbs timer noise on tiny times.
      expect(full, JSON.stringify(u)).toBeLessThan(quarter * 8 + 40);
    }
  }, 60_000);
});
