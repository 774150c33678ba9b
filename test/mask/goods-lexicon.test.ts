import { describe, expect, it } from 'vitest';
import { classifyGoods } from '../../src/mask/goods.js';
import { GOODS_CATEGORIES, GOODS_FLAGS } from '../../src/mask/goods-lexicon.js';
import { GOODS_LEXICON } from '../../src/goods.js';

describe('goods lexicon data', () => {
  it('has unique ids, known categories and flags, and non-empty terms', () => {
    const ids = new Set<string>();
    for (const e of GOODS_LEXICON) {
      expect(ids.has(e.id), e.id).toBe(false);
      ids.add(e.id);
      expect(e.id).toMatch(/^[a-z]{2}\.[a-z0-9-]+$/);
      if (e.category !== null) expect(Object.keys(GOODS_CATEGORIES)).toContain(e.category);
      for (const f of [...(e.flags ?? []), ...(e.alsoFlags ?? [])]) expect(GOODS_FLAGS).toContain(f);
      expect(e.terms.length + (e.exact?.length ?? 0), e.id).toBeGreaterThan(0);
      for (const t of [...e.terms, ...(e.exact ?? [])]) expect(t.trim(), e.id).not.toBe('');
      expect(e.example.trim(), e.id).not.toBe('');
    }
  });

  it('lists every category with Vietnamese and English labels and distinct risk ranks', () => {
    const risks = new Set<number>();
    for (const [id, info] of Object.entries(GOODS_CATEGORIES)) {
      expect(info.id).toBe(id);
      expect(info.vi.length).toBeGreaterThan(0);
      expect(info.en.length).toBeGreaterThan(0);
      risks.add(info.risk);
    }
    expect(risks.size).toBe(Object.keys(GOODS_CATEGORIES).length);
    expect(GOODS_CATEGORIES.medicine.sensitive).toBe(true);
    expect(GOODS_CATEGORIES.intimate.sensitive).toBe(true);
    expect(GOODS_CATEGORIES.electronics.sensitive).toBe(false);
  });

  describe('every entry fires on its example', () => {
    for (const e of GOODS_LEXICON) {
      it(`${e.id}: ${e.example}`, () => {
        expect(classifyGoods(e.example).matched).toContain(e.id);
      });
    }
  });

  it('every entry with a category names the parcel when its example is the whole description', () => {
    // The example is a real description; the entry must at least take part in deciding it.
    let agree = 0;
    const named = GOODS_LEXICON.filter((e) => e.category !== null);
    for (const e of named) if (classifyGoods(e.example).category === e.category) agree++;
    expect(agree / named.length).toBeGreaterThan(0.9);
  });
});
