import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WaybillShieldError } from '../../src/errors.js';
import {
  classifyGoods,
  GOODS_MAX_LENGTH,
  goodsLabel,
  NEUTRAL_GOODS_LABEL,
  type GoodsClass,
} from '../../src/mask/goods.js';
import { GOODS_CATEGORIES, GOODS_FLAGS } from '../../src/mask/goods-lexicon.js';
import { GOODS_LEXICON } from '../../src/goods.js';
import { HOSTILE_ALL } from '../helpers/hostile.js';

const cat = (s: string): string => classifyGoods(s).category;
const flags = (s: string): string[] => classifyGoods(s).flags;

describe('classifyGoods: categories', () => {
  it.each([
    ['iPhone 15 Pro Max 256GB', 'electronics'],
    ['ốp lưng iphone 15', 'electronics'],
    ['kem chống nắng Anessa 60ml', 'cosmetics'],
    ['Áo thun nam', 'fashion'],
    ['Khô gà lá chanh', 'food'],
    ['Tôm hùm sống', 'fresh-food'],
    ['Thuốc nhỏ mắt', 'medicine'],
    ['Bỉm Merries size L', 'mother-baby'],
    ['Sách giáo khoa lớp 5', 'books-documents'],
    ['Nồi chiên không dầu', 'home-kitchen'],
    ['Gấu bông teddy', 'toys'],
    ['Vợt cầu lông', 'sports'],
    ['Lốp xe máy', 'vehicle-parts'],
    ['Đồng hồ Rolex', 'jewelry-valuables'],
    ['Bao cao su', 'intimate'],
    ['xyz không rõ', 'other'],
    ['', 'other'],
  ])('%s → %s', (text, expected) => {
    expect(cat(text)).toBe(expected);
  });

  it('tells son (lipstick) from sơn (paint) by the vowel mark', () => {
    expect(cat('son')).toBe('cosmetics');
    expect(cat('Son môi')).toBe('cosmetics');
    expect(cat('sơn')).toBe('home-kitchen');
    expect(classifyGoods('sơn').matched).not.toContain('co.lipstick');
    expect(cat('son tuong chong tham')).toBe('home-kitchen');
  });

  it('matches whole words only: áo is not inside táo', () => {
    expect(cat('táo')).toBe('fresh-food');
    expect(classifyGoods('táo').matched).not.toContain('fa.top');
    expect(classifyGoods('Táo Mỹ 2kg').matched).toEqual(['ff.produce']);
  });

  it('ignores case, diacritics, normal form and tone placement', () => {
    const forms = ['Thủy tinh', 'Thuỷ tinh', 'THỦY TINH', 'thuy tinh', 'Thủy tinh'.normalize('NFD')];
    for (const f of forms) expect(flags(f), f).toContain('fragile');
    expect(cat('DIEN THOAI SAMSUNG')).toBe('electronics');
    expect(cat('sữa rửa mặt'.normalize('NFD'))).toBe('cosmetics');
  });

  it('does not read an accented word as a different one', () => {
    expect(classifyGoods('Cho kiểm tra hàng').flags).not.toContain('restricted'); // kiểm ≠ kiếm
    expect(classifyGoods('hoà bình').matched).not.toContain('ff.flowers'); // hoà ≠ hoa
    expect(classifyGoods('Đồ chơi cho con').flags).not.toContain('restricted'); // con ≠ cồn, cho ≠ chó
    expect(classifyGoods('Bánh pía Sóc Trăng').flags).not.toContain('restricted');
  });

  it('reads mixed Vietnamese and English with brands', () => {
    expect(cat('case iphone 14 pro')).toBe('electronics');
    expect(cat('Serum vitamin C Klairs')).toBe('cosmetics');
    expect(cat('Samsung Galaxy S24 Ultra')).toBe('electronics');
  });

  it('prefers the most specific term', () => {
    expect(cat('sữa rửa mặt')).toBe('cosmetics'); // not milk
    expect(cat('bình sữa')).toBe('mother-baby');
    expect(cat('sữa bột')).toBe('mother-baby');
    expect(cat('dao cạo râu')).toBe('cosmetics');
    expect(flags('dao cạo râu')).not.toContain('restricted');
    expect(cat('đồng hồ thông minh')).toBe('electronics');
    expect(cat('giày búp bê')).toBe('fashion');
    expect(cat('thuốc lá')).toBe('other');
  });

  it('takes the head noun of an item: a phone case is not a phone', () => {
    const c = classifyGoods('ốp lưng iphone 15 pro max');
    expect(c.category).toBe('electronics');
    expect(c.flags).not.toContain('high-value');
    expect(classifyGoods('iPhone 15 Pro Max').flags).toEqual(['high-value', 'battery']);
  });

  it('lets a qualifier move or flag an item', () => {
    expect(cat('Quần áo sơ sinh')).toBe('mother-baby');
    expect(cat('Túi Louis Vuitton')).toBe('jewelry-valuables');
    expect(flags('Máy sấy tóc Dyson')).toContain('high-value');
    expect(cat('Mực sấy khô')).toBe('food');
    expect(cat('Bánh bao đông lạnh')).toBe('fresh-food');
  });

  it('multi-item lines: category of the riskiest item, union of flags', () => {
    const c = classifyGoods('2 áo thun + 1 quần jean; tai nghe bluetooth');
    expect(c.category).toBe('electronics');
    expect(c.matched).toEqual(['fa.top', 'fa.bottom', 'el.wireless-audio']);
    expect(c.flags).toEqual(['battery']);
    // items separated only by quantities
    expect(cat('1 áo thun 1 tai nghe')).toBe('electronics');
    // a sensitive item makes the whole parcel sensitive
    const m = classifyGoods('áo khoác và thuốc cảm');
    expect(m.category).toBe('medicine');
    expect(m.flags).toContain('sensitive');
    // flags of every item
    expect(classifyGoods('nước mắm, ly thủy tinh').flags).toEqual(['fragile', 'liquid']);
  });

  it('flags restricted goods for acceptance, wherever they appear', () => {
    for (const s of ['Pháo hoa', 'phao no', 'Súng hơi', 'dao gấp', 'bình gas mini', 'xăng thơm', 'Chó con Poodle',
      'tiền mặt', 'Giày Nike like auth', 'áo thun, cần sa', 'cồn 90 độ', 'thuốc lá điện tử']) {
      expect(flags(s), s).toContain('restricted');
    }
    for (const s of ['Thức ăn cho mèo', 'Áo thun in hình mèo', 'Đồ chơi cho con', 'Son kem', 'phao bơi']) {
      expect(flags(s), s).not.toContain('restricted');
    }
  });

  it('flags documents, perishable, liquid, battery, fragile', () => {
    expect(flags('Hợp đồng bản gốc')).toContain('documents');
    expect(flags('Cua biển tươi')).toContain('perishable');
    expect(flags('Dầu ăn 1 lít')).toContain('liquid');
    expect(flags('Sạc dự phòng 20000mAh')).toContain('battery');
    expect(flags('Trứng gà')).toEqual(['fragile', 'perishable']);
  });

  it('returns labels from the category table and flags in canonical order', () => {
    const c = classifyGoods('Nước hoa Chanel 100ml');
    expect(c.label).toEqual({ vi: GOODS_CATEGORIES[c.category].vi, en: GOODS_CATEGORIES[c.category].en });
    expect(c.flags).toEqual(GOODS_FLAGS.filter((f) => c.flags.includes(f)));
  });
});

describe('goodsLabel', () => {
  it('shows the Vietnamese category label', () => {
    expect(goodsLabel(classifyGoods('ốp lưng iphone 15'))).toBe('Điện tử');
    expect(goodsLabel(classifyGoods('Áo thun'), { show: 'category' })).toBe('Thời trang');
  });

  it('shows the neutral label for sensitive goods', () => {
    expect(goodsLabel(classifyGoods('Bao cao su'))).toBe(NEUTRAL_GOODS_LABEL);
    expect(goodsLabel(classifyGoods('Thuốc giảm đau'))).toBe('Hàng hóa');
    expect(goodsLabel({ category: 'fashion', flags: ['sensitive'] })).toBe('Hàng hóa');
  });

  it('hides goods when asked', () => {
    expect(goodsLabel(classifyGoods('iPhone'), { show: 'none' })).toBe('');
  });

  it('never prints the description', () => {
    const text = 'iPhone 15 Pro Max 256GB';
    expect(goodsLabel(classifyGoods(text))).not.toContain('iPhone');
  });

  it('rejects unknown categories and options with INVALID_INPUT', () => {
    const bad = [null, undefined, 'x', {}, { category: 'toString' }, { category: '__proto__' }, { category: 'nope' }];
    for (const b of bad) {
      expect(() => goodsLabel(b as unknown as GoodsClass)).toThrow(WaybillShieldError);
    }
    expect(() => goodsLabel(classifyGoods('áo'), { show: 'all' as 'none' })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
  });
});

describe('classifyGoods: bad input', () => {
  it('rejects non-strings and over-long strings with INVALID_INPUT and no input in the message', () => {
    const long = 'iPhone 0901234567 '.repeat(1000);
    for (const v of [undefined, null, 42, {}, ['áo'], { toString: () => 'áo' }, long]) {
      try {
        classifyGoods(v as string);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(WaybillShieldError);
        expect((e as WaybillShieldError).code).toBe('INVALID_INPUT');
        expect((e as Error).message).not.toContain('iPhone');
        expect((e as Error).message).not.toContain('0901234567');
      }
    }
    expect(() => classifyGoods('a'.repeat(GOODS_MAX_LENGTH))).not.toThrow();
  });

  it('returns or throws WaybillShieldError for every value in the shared hostile table', () => {
    for (const [name, v] of HOSTILE_ALL) {
      for (const call of [() => classifyGoods(v as string), () => goodsLabel(v as GoodsClass), () => goodsLabel(classifyGoods('áo'), v as never)]) {
        try {
          call();
        } catch (e) {
          expect(e, name).toBeInstanceOf(WaybillShieldError);
          expect((e as Error).message, name).not.toContain('0901');
        }
      }
    }
  });

  it('handles hostile strings', () => {
    for (const s of ['\u0000', '\uD800', '\u202Eáo', '__proto__', 'constructor', 'toString', '\u0301\u0301', 'a\u0300'.repeat(5000)]) {
      const c = classifyGoods(s);
      expect(Object.keys(GOODS_CATEGORIES)).toContain(c.category);
    }
  });
});

describe('classifyGoods: properties', () => {
  const ids = new Set(GOODS_LEXICON.map((e) => e.id));
  const viWords = fc.constantFrom('áo', 'thun', 'sơn', 'son', 'táo', 'điện', 'thoại', 'iphone', 'cho', 'mèo', 'dao',
    'kem', 'chống', 'nắng', 'pháo', '2', '+', ';', ',', 'và', 'kèm', 'Ốp', 'LƯNG', 'thuốc', 'bao', 'cao', 'su', '60ml');
  const text = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.array(viWords, { maxLength: 40 }).map((w) => w.join(' ')),
  );

  it('never throws on strings within the limit; matched holds only lexicon ids', () => {
    fc.assert(
      fc.property(text, (s) => {
        const c = classifyGoods(s);
        expect(Object.keys(GOODS_CATEGORIES)).toContain(c.category);
        for (const m of c.matched) expect(ids.has(m)).toBe(true);
        for (const f of c.flags) expect(GOODS_FLAGS).toContain(f);
        expect(c.label).toEqual({ vi: GOODS_CATEGORIES[c.category].vi, en: GOODS_CATEGORIES[c.category].en });
      }),
      { numRuns: 500 },
    );
  });

  it('is deterministic and does not depend on case or normal form', () => {
    fc.assert(
      fc.property(fc.array(viWords, { maxLength: 20 }).map((w) => w.join(' ')), (s) => {
        const a = classifyGoods(s);
        expect(classifyGoods(s.normalize('NFD'))).toEqual(a);
        expect(classifyGoods(s.toUpperCase()).category).toBe(a.category);
      }),
    );
  });

  it('runs in linear time on long hostile inputs', () => {
    const units = ['áo ', 'a', '1 ', 'ốp lưng ', 'kem chống nắng ', '+', 'x\u0301', 'son tuong ', 'sữa rửa mặt, '];
    const best = (s: string): number => {
      let min = Infinity;
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        classifyGoods(s);
        min = Math.min(min, performance.now() - t0);
      }
      return min;
    };
    for (const u of units) {
      const at = (n: number): string => u.repeat(Math.floor(n / u.length));
      best(at(GOODS_MAX_LENGTH)); // warm up
      const quarter = best(at(GOODS_MAX_LENGTH / 4));
      const full = best(at(GOODS_MAX_LENGTH));
      // Linear growth is 4x; quadratic would be 16x. The constant absorbs timer noise on tiny times.
      expect(full, JSON.stringify(u)).toBeLessThan(quarter * 8 + 5);
      expect(full, JSON.stringify(u)).toBeLessThan(250);
    }
  });
});
