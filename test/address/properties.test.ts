import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultGazetteer, maskAddress, parseAddress } from '../../src/address/index.js';
import { parseAddressCounted } from '../../src/address/parse.js';

const gz = defaultGazetteer();
// Routing tails with no digits in their official names, so any digit in the label would be a leak.
const tails = [
  'P. Thượng Đình, Q. Thanh Xuân, Hà Nội',
  'Phường Thanh Xuân, Hà Nội',
  'p ben thanh, tp ho chi minh',
  'Xã Hòa Bắc, Huyện Hòa Vang, Đà Nẵng',
  "Xã Ea H'Leo, Đắk Lắk",
  'Thạch Thang, Hải Châu, Đà Nẵng',
  'Hà Nội',
];
const digits = fc.stringMatching(/^[1-9][0-9]{0,3}[A-Z]?$/);
const door = fc
  .record({
    house: digits,
    alley: fc.array(digits, { minLength: 0, maxLength: 3 }),
    kind: fc.constantFrom('slash', 'ngo', 'hem', 'plain'),
    street: fc.constantFrom('Lê Lợi', 'Nguyễn Trãi', 'Đường 3/2', 'Hải Phòng', 'Tran Hung Dao', 'Hai Bà Trưng'),
    room: fc.option(fc.stringMatching(/^P[1-9][0-9]{2}$/), { nil: undefined }),
  })
  .map(({ house, alley, kind, street, room }) => {
    let d = house;
    if (alley.length > 0 && kind === 'slash') d = `${alley.join('/')}/${house}`;
    else if (alley.length > 0 && kind === 'ngo') d = `Số ${house} ngõ ${alley.join(' ngách ')}`;
    else if (alley.length > 0 && kind === 'hem') d = `${house} hẻm ${alley.join('/')}`;
    return { text: `${room ? room + ' ' : ''}${d} ${street}`, nums: [house, ...alley, ...(room ? [room.slice(1)] : [])] };
  });

describe('address properties', () => {
  it('the masked label never contains a digit of the house number, alley or room', () => {
    fc.assert(
      fc.property(door, fc.constantFrom(...tails), fc.constantFrom(', ', ' ', ' , '), ({ text, nums }, tail, sep) => {
        const masked = maskAddress(`${text}${sep}${tail}`);
        expect(masked).not.toMatch(/[0-9]/);
        for (const n of nums) expect(masked).not.toContain(n);
      }),
      { numRuns: 300 },
    );
  });

  it('masking is idempotent', () => {
    const names = [...gz.byCode.values()].filter((e) => e.level === 'ward').map((e) => e.unit.fullName);
    const addr = fc.oneof(
      fc.tuple(door, fc.constantFrom(...tails)).map(([d, t]) => `${d.text}, ${t}`),
      fc.tuple(door, fc.constantFrom(...names), fc.constantFrom('Hà Nội', 'HCM', 'Đà Nẵng', 'Cần Thơ', '')).map(
        ([d, w, p]) => `${d.text}, ${w}, ${p}`,
      ),
      fc.string({ maxLength: 80 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
    );
    fc.assert(
      fc.property(addr, fc.boolean(), (s, convert) => {
        const once = maskAddress(s, { convertTo2025: convert });
        expect(maskAddress(once, { convertTo2025: convert })).toBe(once);
      }),
      { numRuns: 400 },
    );
  });

  it('no error message contains input text', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 2001, maxLength: 2100 }), (s) => {
        try {
          parseAddress(s);
          return false;
        } catch (e) {
          const msg = String((e as Error).message);
          return (e as { code?: string }).code === 'INVALID_INPUT' && !msg.includes(s.slice(0, 8));
        }
      }),
      { numRuns: 30 },
    );
    fc.assert(
      fc.property(fc.anything(), (v) => {
        if (typeof v === 'string') return true;
        try {
          maskAddress(v as never);
          return true; // objects shaped enough to mask are fine
        } catch (e) {
          const msg = String((e as Error).message);
          return (e as { name?: string }).name === 'WaybillShieldError' && !/Hà Nội|Lê Lợi/.test(msg);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('arbitrary strings never throw anything but an unparsed or parsed result', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        const a = parseAddress(s);
        expect(a.confidence).toBeGreaterThanOrEqual(0);
        expect(a.confidence).toBeLessThanOrEqual(1);
        for (const [start, end] of Object.values(a.spans)) {
          expect(start).toBeGreaterThanOrEqual(0);
          expect(end).toBeLessThanOrEqual(s.length);
          expect(start).toBeLessThan(end);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('linear growth', () => {
  const steps = (s: string): number => {
    const c = { n: 0 };
    parseAddressCounted(s, undefined, c);
    return c.n;
  };
  it.each([
    ['realistic', '12 Lê Lợi, P. Bến Nghé, Q.1, TP.HCM; '],
    ['unit-word soup', 'phuong quan thanh pho tinh xa huyen '],
    ['numbers and slashes', '1/2/3/4/5/6/7/8/9 '],
    ['no separators', 'thuong dinh thanh xuan ha noi '],
    ['digits', '0901234567 '],
  ])('10x longer input takes at most ~12x the steps (%s)', (_name, unit) => {
    const small = unit.repeat(Math.max(1, Math.floor(150 / unit.length)));
    const big = unit.repeat(Math.max(1, Math.floor(1500 / unit.length)));
    const ratio = steps(big) / steps(small);
    expect(big.length / small.length).toBeGreaterThan(9);
    expect(ratio).toBeLessThanOrEqual(12);
  });
});

describe('leaks: text the reading does not explain never reaches the label', () => {
  const entries = [...gz.byCode.values()];
  const wards25 = entries.filter((e) => e.level === 'ward' && e.unit.scheme === '2025');
  const prov25 = new Map(entries.filter((e) => e.level === 'province' && e.unit.scheme === '2025').map((e) => [e.unit.code, e.unit.name]));
  const otherNames = entries.filter((e) => e.level !== 'province' && !/\d/.test(e.unit.name)).map((e) => e.unit.name);
  const base = fc.constantFrom(...wards25).map((w) => `${w.unit.fullName}, ${prov25.get(w.province)}`);
  const phone = fc.stringMatching(/^09[0-9]{8}$/);
  const tail = fc.oneof(
    fc.tuple(fc.constantFrom('gần chợ', 'cạnh', 'đối diện trường', 'sau chợ', 'gần'), fc.constantFrom(...otherNames)).map(([w, n]) => `, ${w} ${n}`),
    fc.tuple(fc.constantFrom('khách sạn', 'nhà thờ', 'ngân hàng'), fc.constantFrom(...otherNames)).map(([w, n]) => ` (đối diện ${w} ${n})`),
    fc.tuple(fc.integer({ min: 1, max: 300 }), fc.constantFrom(...otherNames)).map(([n, s]) => `, cạnh ${n} ${s}`),
    fc.constantFrom(', giao giờ hành chính', ', gọi trước khi giao', ' - để ở bảo vệ'),
    phone.map((p) => `, SĐT ${p}`),
  );

  it('a landmark, note or phone after the province changes nothing on the label', () => {
    fc.assert(
      fc.property(door, base, tail, (d, b, t) => {
        const plain = maskAddress(`${d.text}, ${b}`);
        expect(maskAddress(`${d.text}, ${b}${t}`)).toBe(plain);
      }),
      { numRuns: 400 },
    );
  });

  it('a remark in parentheses between the ward and the province changes nothing on the label', () => {
    const parts = fc.constantFrom(...wards25).map((w) => [w.unit.fullName, prov25.get(w.province)!] as const);
    const remark = fc.tuple(fc.constantFrom('gần chợ', 'đối diện', 'cạnh trường', 'sau'), fc.constantFrom(...otherNames)).map(([w, n]) => `${w} ${n}`);
    fc.assert(
      fc.property(door, parts, remark, (d, [ward, province], r) => {
        const plain = maskAddress(`${d.text}, ${ward}, ${province}`);
        expect(maskAddress(`${d.text}, ${ward} (${r}), ${province}`)).toBe(plain);
      }),
      { numRuns: 400 },
    );
  });

  it('a street or landmark named like a unit elsewhere is not that unit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.constantFrom(...otherNames), base, (n, street, b) => {
        expect(maskAddress(`${n} ${street}, ${b}`)).toBe(maskAddress(b));
        expect(maskAddress(`Số ${n} đường ${street}, ${b}`)).toBe(maskAddress(b));
      }),
      { numRuns: 400 },
    );
  });

  it('every label part is the mask or gazetteer text, whatever the input', () => {
    const official = new Set<string>(['***', ...entries.map((e) => (e.level === 'province' ? e.unit.name : e.unit.fullName))]);
    const words = fc.constantFrom('gần', 'chợ', 'cũ', '(', ')', ',', 'Phường', 'Quận', 'Tỉnh', 'T.', 'P7Q3', 'F9', 'BT', 'Ward', 'District', 'Vietnam', '700000', ...otherNames.slice(0, 400));
    fc.assert(
      fc.property(fc.array(words, { maxLength: 14 }), (ws) => {
        const label = maskAddress(ws.join(' '));
        for (const part of label.split(', ')) expect(official.has(part)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
