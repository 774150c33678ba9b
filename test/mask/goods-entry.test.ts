/**
 * The goods lexicon is registered data. Without `waybill-shield/goods` (or
 * `waybill-shield/gazetteer`) a browser build refuses to classify with GOODS_LEXICON_NOT_LOADED;
 * after importing either entry it classifies exactly as the Node entry does. Checked two ways:
 * on the built package in child processes (fresh module graphs, ESM and CJS), and on the sources
 * with a reset module registry (for `protect()`'s goods step, which needs the gazetteer registered
 * without the lexicon, a state no public entry produces).
 */
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';

const ROOT = new URL('../..', import.meta.url).pathname;
const dist = (file: string): string => new URL(`dist/${file}`, new URL('../../', import.meta.url)).href;

/** Descriptions over several categories, flags, a sensitive one, a multi-item line and no match. */
const DESCRIPTIONS = [
  'iPhone 15 Pro Max 256GB',
  'Ốp lưng iPhone 14 Pro',
  'Bao cao su Durex Invisible',
  'Sạc dự phòng Anker 20000mAh',
  '2 áo thun + 1 quần jean; tai nghe bluetooth',
  'Pháo hoa bắn cầu 36 ống',
  'Rượu vang đỏ Chile 750ml',
  'Thuốc điều trị tiểu đường (hộp 30 viên)',
  'xyz không rõ',
  '',
];

interface ChildResult {
  before: { has: boolean; code: string | null; message: string | null; label: string; acceptance: string };
  after: { has: boolean; classes: unknown[]; lexicon: number | null };
}

/**
 * Run, in a fresh Node process, the browser build of the core (`dist/index.js`, or `.cjs`), try to
 * classify, then load `entries` and classify `DESCRIPTIONS`.
 */
function child(format: 'esm' | 'cjs', entries: string[]): ChildResult {
  const load = (file: string) =>
    format === 'esm' ? `await import(${JSON.stringify(dist(`${file}.js`))})` : `require(${JSON.stringify(`${ROOT}dist/${file}.cjs`)})`;
  const script = `
    const core = ${load('index')};
    const before = { has: core.hasGoodsLexicon() };
    try { core.classifyGoods(${JSON.stringify(DESCRIPTIONS[0])}); before.code = null; before.message = null; }
    catch (e) { before.code = core.isWaybillShieldError(e) ? e.code : 'not a WaybillShieldError'; before.message = String(e.message); }
    // What needs only the category table keeps working without the lexicon.
    before.label = core.goodsLabel({ category: 'electronics', flags: ['battery'] });
    before.acceptance = core.acceptanceOf({ category: 'electronics', flags: ['dangerous-goods'] }).decision;
    let lexicon = null;
    for (const entry of ${JSON.stringify(entries)}) {
      const m = ${format === 'esm' ? 'await import(new URL(`${entry}.js`, ' + JSON.stringify(dist('')) + ').href)' : 'require(' + JSON.stringify(`${ROOT}dist/`) + ' + entry + ".cjs")'};
      if (m.GOODS_LEXICON) lexicon = m.GOODS_LEXICON.length;
    }
    const classify = (d) => { try { return core.classifyGoods(d); } catch (e) { return { error: core.isWaybillShieldError(e) ? e.code : 'not a WaybillShieldError' }; } };
    const after = { has: core.hasGoodsLexicon(), classes: ${JSON.stringify(DESCRIPTIONS)}.map(classify), lexicon };
    process.stdout.write(JSON.stringify({ before, after }));
  `;
  const args = format === 'esm' ? ['--input-type=module', '-e', script] : ['-e', `(async () => {${script}})()`];
  return JSON.parse(execFileSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' })) as ChildResult;
}

/** The Node entry (`dist/index.node.js`), in its own process: the reference classifications. */
function nodeEntryClasses(): unknown[] {
  const script = `const m = await import(${JSON.stringify(dist('index.node.js'))});
    process.stdout.write(JSON.stringify(${JSON.stringify(DESCRIPTIONS)}.map((d) => m.classifyGoods(d))));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' })) as unknown[];
}

describe('waybill-shield/goods on the built package (fresh processes)', () => {
  const reference = nodeEntryClasses();

  it('the reference is a real classification (the Node entry registers the lexicon)', () => {
    expect((reference as { category: string }[]).map((c) => c.category)).toEqual([
      'electronics',
      'electronics',
      'intimate',
      'electronics',
      'electronics',
      'other',
      'food',
      'medicine',
      'other',
      'other',
    ]);
  });

  for (const format of ['esm', 'cjs'] as const) {
    for (const entries of [['goods'], ['gazetteer'], ['goods', 'gazetteer']]) {
      it(`${format}: the browser core refuses with GOODS_LEXICON_NOT_LOADED, then after ${entries.map((e) => `waybill-shield/${e}`).join(' + ')} classifies as the Node entry`, () => {
        const r = child(format, entries);
        expect(r.before.has).toBe(false);
        expect(r.before.code).toBe('GOODS_LEXICON_NOT_LOADED');
        // The message names the import to add, and holds nothing of the description.
        expect(r.before.message).toContain("import 'waybill-shield/goods'");
        expect(r.before.message).not.toMatch(/iphone|256/i);
        expect(r.before.label).toBe('Điện tử');
        expect(r.before.acceptance).toBe('road-only');
        expect(r.after.has).toBe(true);
        expect(r.after.classes).toStrictEqual(reference);
        if (entries.includes('goods')) expect(r.after.lexicon).toBeGreaterThan(100);
      });
    }
  }
});

/** Lowercase and uppercase Vietnamese letters beyond ASCII. */
const VI_LETTERS_LOWER = 'àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ';
const VI_LETTERS = VI_LETTERS_LOWER + VI_LETTERS_LOWER.toUpperCase();

describe('the goods seam on the sources (reset module registry)', () => {
  const waybill = (description: string) => ({
    id: 'G1',
    recipient: { name: 'Lê Thị Lan', phone: '0901234567', address: '12 Ngõ 5 Láng Hạ, Phường Láng, Hà Nội' },
    sender: { name: 'Shop Hoa', phone: '0912345678', address: 'Phường Bến Thành, TP Hồ Chí Minh' },
    goods: { description },
  });

  async function coreWithGazetteerOnly() {
    vi.resetModules();
    const core = await import('../../src/index.js');
    // The address reader and the gazetteer, installed and registered the way the gazetteer entry
    // does, but not the goods lexicon.
    const { installAddressReader } = await import('../../src/address/_install.js');
    const { registerDefaultGazetteerData } = await import('../../src/address/register-data.js');
    const { GAZETTEER_DATA } = await import('../../src/address/gazetteer-data.js');
    installAddressReader();
    registerDefaultGazetteerData(GAZETTEER_DATA);
    return core;
  }

  it('protect() and classifyGoods refuse with GOODS_LEXICON_NOT_LOADED and no input in the error; goodsLabel and acceptanceOf still work', async () => {
    const core = await coreWithGazetteerOnly();
    expect(core.hasDefaultGazetteer()).toBe(true);
    expect(core.hasGoodsLexicon()).toBe(false);
    const keyring = core.Keyring.generate();
    // The address step works (the gazetteer is there); the goods step is what refuses.
    expect(core.parseAddress('Phường Láng, Hà Nội').ward).not.toBeNull();
    fc.assert(
      // Vietnamese letters spelled out: the range `À-ỹ` also holds Arabic, Hebrew and bidi marks
      // (U+061C), which the waybill schema refuses before the goods step is reached.
      fc.property(fc.stringMatching(new RegExp(`^[A-Za-z${VI_LETTERS} ]{0,20}0\\d{9}[A-Za-z${VI_LETTERS} ]{0,20}$`)), (description) => {
        for (const run of [() => core.classifyGoods(description), () => core.protect(waybill(description), { keyring })]) {
          let err: unknown;
          try {
            run();
          } catch (e) {
            err = e;
          }
          expect(core.isWaybillShieldError(err, 'GOODS_LEXICON_NOT_LOADED')).toBe(true);
          const text = `${(err as Error).message} ${JSON.stringify(err)} ${String((err as Error).stack)}`;
          expect(text).toContain('waybill-shield/goods');
          for (const pii of [description.match(/0\d{9}/)![0], '0901234567', '0912345678', 'Lê Thị Lan', 'Láng Hạ']) {
            expect(text).not.toContain(pii);
          }
        }
      }),
      { numRuns: 50 },
    );
    expect(core.goodsLabel({ category: 'medicine' })).toBe(core.NEUTRAL_GOODS_LABEL);
    expect(core.acceptanceOf({ category: 'other', flags: ['restricted'] }).decision).toBe('refuse');
    expect(Object.keys(core.GOODS_CATEGORIES)).toContain('electronics');
  });

  it('a failed first call caches nothing: importing the goods entry afterwards makes the same module graph classify', async () => {
    const core = await coreWithGazetteerOnly();
    expect(() => core.classifyGoods('Son môi')).toThrow(/GOODS_LEXICON_NOT_LOADED/);
    const goods = await import('../../src/goods.js');
    expect(core.hasGoodsLexicon()).toBe(true);
    expect(core.classifyGoods('Son môi').category).toBe('cosmetics');
    expect(goods.GOODS_LEXICON.some((e) => e.id === 'co.lipstick')).toBe(true);
    expect(Object.isFrozen(goods.GOODS_LEXICON)).toBe(true);
    const p = core.protect(waybill('Bao cao su Durex'), { keyring: core.Keyring.generate() });
    expect(p.label.goods).toBe(core.NEUTRAL_GOODS_LABEL);
    expect(p.goods.category).toBe('other');
  });
});
