import { beforeAll, describe, expect, it, vi, type Mock } from 'vitest';

// The parser reads exact names first and repairs damaged words and looks for misspelt names (the
// second pass) only when that reading is not complete; a text that opens with its province is read
// with its segments reversed, and forward too only when that reading is not complete. These tests
// hold the extra passes to the addresses that need them: they are most of the cost of those.

vi.mock('../../src/address/_repair.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/address/_repair.js')>();
  return { ...original, repairTokens: vi.fn(original.repairTokens) };
});

// The setup file loaded the reader before the mock: load it again, with the mock, for these tests.
let parseAddress: typeof import('../../src/address/index.js').parseAddress;
let parseAddressCounted: typeof import('../../src/address/parse.js').parseAddressCounted;
let repairTokens: Mock;
beforeAll(async () => {
  vi.resetModules();
  await import('../../src/gazetteer.js');
  parseAddress = (await import('../../src/address/index.js')).parseAddress;
  parseAddressCounted = (await import('../../src/address/parse.js')).parseAddressCounted;
  repairTokens = vi.mocked((await import('../../src/address/_repair.js')).repairTokens) as unknown as Mock;
});

/** Whether parsing `text` ran the second pass, and what it read. */
function parsed(text: string): { second: boolean; ward: string | undefined; province: string | undefined } {
  repairTokens.mockClear();
  const p = parseAddress(text);
  return { second: repairTokens.mock.calls.length > 0, ward: p.ward?.fullName, province: p.province?.fullName };
}

describe('the second pass (repairs and misspelt names)', () => {
  it.each([
    ['a note', 'Xã Trung Hiệp, Tỉnh Vĩnh Long, giao giờ hành chính'],
    ['a landmark', '15 Hàng Chiếu, Phường Hoàn Kiếm, Hà Nội, gần chợ Đồng Xuân'],
    ['a landmark in parentheses', 'Xã Chư A Thai, tỉnh Gia Lai (đối diện khách sạn Hòa Định)'],
    ['the old province in parentheses', 'Xã Bình Xuyên, tỉnh Phú Thọ (Vĩnh Phúc cũ)'],
    ['a phone number', 'Xã Tân Phú, Tỉnh Vĩnh Long, SĐT 0906 256 602'],
  ])('is not run for an exact province and ward followed by %s', (_, text) => {
    const r = parsed(text);
    expect(r.second).toBe(false);
    expect(r.ward).toBeDefined();
    expect(r.province).toBeDefined();
  });

  it('is run, and reads the name, when a name is misspelt, with or without text after the province', () => {
    for (const text of ['Xã Trung Hiệpp, Tỉnh Vĩnh Long', 'Xã Trung Hiệpp, Tỉnh Vĩnh Long, giao giờ hành chính']) {
      const r = parsed(text);
      expect(r.second).toBe(true);
      expect(r.ward).toBe('Xã Trung Hiệp');
      expect(r.province).toBe('Tỉnh Vĩnh Long');
    }
  });

  it('reads the same with and without the text after the province', () => {
    for (const [short, long] of [
      ['Xã Trung Hiệp, Tỉnh Vĩnh Long', 'Xã Trung Hiệp, Tỉnh Vĩnh Long, giao giờ hành chính'],
      ['Xã Bình Xuyên, tỉnh Phú Thọ', 'Xã Bình Xuyên, tỉnh Phú Thọ (Vĩnh Phúc cũ)'],
    ] as const) {
      const a = parseAddress(short);
      const b = parseAddress(long);
      expect([b.ward?.code, b.district?.code, b.province?.code]).toEqual([a.ward?.code, a.district?.code, a.province?.code]);
    }
  });
});

describe('an address written province first', () => {
  /** Steps of the parse (key-trie and approximate-match steps, see `parseAddressCounted`). */
  const steps = (text: string): number => {
    const c = { n: 0 };
    parseAddressCounted(text, undefined, c);
    return c.n;
  };

  it.each([
    ['Đà Nẵng, Quận Hải Châu, Phường Thạch Thang, 45 Lê Duẩn', '45 Lê Duẩn, Phường Thạch Thang, Quận Hải Châu, Đà Nẵng'],
    ['Tỉnh Phú Thọ, Huyện Phù Ninh, Xã Phú Mỹ, Số 56 ngõ 69 Phan Đình Phùng', 'Số 56 ngõ 69 Phan Đình Phùng, Xã Phú Mỹ, Huyện Phù Ninh, Tỉnh Phú Thọ'],
  ])('reads %s as written province last, for a few steps more (the test for a province first), not a forward scan more', (first, last) => {
    const a = parseAddress(first);
    const b = parseAddress(last);
    expect([a.ward?.code, a.district?.code, a.province?.code]).toEqual([b.ward?.code, b.district?.code, b.province?.code]);
    expect(a.ward).not.toBeNull();
    // The test that the text opens with a province walks its first segment: 2–3 steps here. The
    // forward scan of the text, when it ran, added 9–13.
    expect(steps(first)).toBeLessThanOrEqual(steps(last) + 5);
  });
});
