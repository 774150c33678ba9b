import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { renderLabel, type RenderLabelOptions } from '../../src/label/index.js';
import { layoutLabel } from '../../src/label/_layout.js';
import { buildView } from '../../src/label/_view.js';
import { DECISION_MARKS, FLAG_MARKS } from '../../src/label/_marks.js';
import { acceptanceOf } from '../../src/mask/acceptance.js';
import { protect, type ProtectedWaybill } from '../../src/protect.js';
import { WaybillShieldError } from '../../src/errors.js';
import { sampleWaybill, testKeyring } from '../helpers/fixtures.js';
import { fhDecode, fixture, zplFields } from './_helpers.js';

const keyring = testKeyring();
const protectGoods = (description: string): ProtectedWaybill => protect(sampleWaybill({ goods: { description } }), { keyring });

type Decision = 'accept' | 'inspect' | 'road-only' | 'refuse';
function withGoods(flags: string[], decision?: Decision): ProtectedWaybill {
  const p = fixture();
  (p as { goods: unknown }).goods = { category: 'electronics', flags, ...(decision ? { acceptance: { decision, reasons: [] } } : {}) };
  return p;
}

/** The GOODS block of a text label, from its caption up to the COD line. */
function goodsBlock(text: string): string {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.startsWith('| GOODS'));
  const j = lines.findIndex((l) => l.startsWith('| COD'));
  return lines.slice(i, j).join('\n');
}

function zplText(zpl: string): string {
  return zplFields(zpl).map((f) => fhDecode(f.data)).join('\n');
}

describe('handling marks from the stored goods summary', () => {
  it('prints the decision of protect() and the flags of real goods, in Vietnamese then English', () => {
    const bank = protectGoods('Sạc dự phòng Anker 20000mAh');
    expect(bank.goods.acceptance.decision).toBe('road-only');
    const t = goodsBlock(renderLabel(bank, { format: 'text' }));
    expect(t).toContain('[ĐƯỜNG BỘ/ROAD ONLY] [NGUY HIỂM/DG]');
    expect(t).toContain('[PIN LITHIUM]');
    const seeds = protectGoods('Hạt giống rau cải');
    const st = goodsBlock(renderLabel(seeds, { format: 'text' }));
    expect(st.indexOf('[KIỂM TRA/INSPECT]')).toBeGreaterThan(0);
    expect(st.indexOf('[KIỂM DỊCH/QUARANTINE]')).toBeGreaterThan(st.indexOf('[KIỂM TRA/INSPECT]'));
    const plain = protectGoods('Bưu phẩm');
    expect(plain.goods.acceptance.decision).toBe('accept');
    expect(goodsBlock(renderLabel(plain, { format: 'text' }))).not.toContain('[');
  });

  it('alcohol is not printed as a word; its liquid flag and decision are', () => {
    const wine = protectGoods('Rượu vang đỏ Chile');
    expect(wine.goods.flags).toContain('alcohol');
    const t = goodsBlock(renderLabel(wine, { format: 'text' }));
    expect(t).toContain('[KIỂM TRA/INSPECT] [CHẤT LỎNG/LIQUID]');
    expect(t).not.toMatch(/RƯỢU|CỒN|ALCOHOL/i);
  });

  it('decision first, then flags in a fixed order, in every format', () => {
    const p = withGoods(['fragile', 'battery', 'dangerous-goods'], 'road-only');
    const expected = ['ĐƯỜNG BỘ/ROAD ONLY', 'NGUY HIỂM/DG', 'PIN LITHIUM', 'DỄ VỠ/FRAGILE'];
    expect(buildView(p, undefined, false).view.flags).toEqual(expected);
    const zpl = zplText(renderLabel(p, { format: 'zpl' }));
    for (const m of expected) expect(zpl).toContain(`[${m}]`);
    const svg = renderLabel(p, { format: 'svg' });
    for (const m of expected) expect(svg).toContain(`[${m}]`);
    const folded = zplText(renderLabel(p, { format: 'zpl', fold: true }));
    expect(folded).toContain('[DUONG BO/ROAD ONLY]');
  });

  it('no mark is split between lines, and the marks stay inside the goods zone, at every size and dpi', () => {
    const all = withGoods(FLAG_MARKS.map(([f]) => f), 'road-only');
    for (const [size, dpi] of [['100x150', 203], ['100x150', 300], ['A6', 203], ['A6', 300]] as const) {
      for (const fold of [false, true]) {
        const { view, captions } = buildView(all, undefined, fold);
        const layout = layoutLabel(view, captions, size, dpi);
        const goods = layout.elements.filter((e) => e.kind === 'text' && e.zone === 'goods');
        const zone = layout.zones.goods;
        for (const e of goods) if (e.kind === 'text') expect(e.y + e.h).toBeLessThanOrEqual(zone.y + zone.h);
        // Every printed mark line is whole marks, possibly ending in a cut (…).
        for (const e of goods.slice(1)) if (e.kind === 'text') expect(e.text).toMatch(/^(\[[^\]]+\] ?)+(…|[^\]]*…)?$|^(\[[^\]]+\])( \[[^\]]+\])*$/);
        expect(goods[1]!.kind === 'text' && goods[1]!.text.startsWith(fold ? '[DUONG BO/ROAD ONLY]' : '[ĐƯỜNG BỘ/ROAD ONLY]')).toBe(true);
      }
    }
  });

  it('when the policy hides the goods, the decision mark stays and the flag marks go', () => {
    const p = withGoods(['fragile', 'dangerous-goods'], 'road-only');
    p.label.goods = '';
    const t = goodsBlock(renderLabel(p, { format: 'text' }));
    expect(t).toContain('[ĐƯỜNG BỘ/ROAD ONLY]');
    expect(t).not.toMatch(/FRAGILE|DG\]/);
  });

  it('a record from before acceptance was stored gets flag marks only; a bad decision is refused', () => {
    expect(buildView(withGoods(['fragile']), undefined, false).view.flags).toEqual(['DỄ VỠ/FRAGILE']);
    expect(() => renderLabel(withGoods(['fragile'], 'ship-by-air' as Decision), { format: 'text' })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

describe('refused goods', () => {
  const formats: RenderLabelOptions['format'][] = ['text', 'zpl', 'svg'];

  it('are not labelled: RENDER_FAILED with rule refused_goods, in every format', () => {
    const vape = protectGoods('Pod vape vị bạc hà 2ml');
    expect(vape.goods.acceptance.decision).toBe('refuse');
    for (const format of formats) {
      let err: unknown;
      try {
        renderLabel(vape, { format });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(WaybillShieldError);
      expect(err).toMatchObject({ code: 'RENDER_FAILED', issues: [{ path: 'goods.acceptance.decision', rule: 'refused_goods' }] });
      expect(JSON.stringify({ ...(err as object), message: (err as Error).message })).not.toMatch(/vape|901|567|Nguyễn/i);
    }
  });

  it('are labelled with TỪ CHỐI/REFUSED only when allowRefused is set; the option is validated', () => {
    const p = withGoods(['restricted'], 'refuse');
    for (const format of formats) expect(renderLabel(p, { format, allowRefused: true })).toContain(format === 'zpl' ? 'REFUSED' : '[TỪ CHỐI/REFUSED]');
    expect(zplText(renderLabel(p, { format: 'zpl', allowRefused: true }))).toContain('[TỪ CHỐI/REFUSED]');
    expect(() => renderLabel(p, { format: 'text', allowRefused: false })).toThrow(expect.objectContaining({ code: 'RENDER_FAILED' }));
    expect(() => renderLabel(p, { format: 'text', allowRefused: 'yes' as never })).toThrow(expect.objectContaining({ code: 'RENDER_FAILED', issues: [expect.objectContaining({ path: 'allowRefused' })] }));
  });
});

describe('sensitive goods get the marks of neutral goods', () => {
  it('a sensitive record renders the same goods block as a neutral record with the same handling flags', () => {
    const descriptions = ['Gel bôi trơn Durex 50ml', 'Bao cao su Durex Invisible', 'Que thử thai Quickstick', 'Siro ho Prospan 100ml', 'Thuốc nhỏ mắt V.Rohto 13ml'];
    let withMarks = 0;
    for (const d of descriptions) {
      const s = protectGoods(d);
      expect(s.label.goods).toBe('Hàng hóa');
      const n = protectGoods('Bưu phẩm');
      n.goods.flags = [...s.goods.flags];
      // The neutral record's decision is computed from scratch for the neutral category and the same flags.
      n.goods.acceptance = acceptanceOf({ category: 'other', flags: n.goods.flags });
      expect(s.goods.acceptance).toEqual(n.goods.acceptance);
      for (const format of ['text', 'zpl', 'svg'] as const) {
        const a = renderLabel(s, { format });
        const b = renderLabel(n, { format });
        if (format === 'text') expect(goodsBlock(a)).toBe(goodsBlock(b));
        else expect(a).toBe(b); // the fixtures differ only in the goods description, which is sealed
      }
      if (buildView(s, undefined, false).view.flags.length > 0) withMarks++;
    }
    expect(withMarks).toBeGreaterThan(0);
  });

  it('no flag set or decision prints a sensitive word (property)', () => {
    const flagArb = fc.subarray(['sensitive', 'restricted', 'alcohol', 'made-up', ...FLAG_MARKS.map(([f]) => f)]);
    fc.assert(
      fc.property(flagArb, fc.constantFrom<Decision | undefined>('accept', 'inspect', 'road-only', undefined), (flags, decision) => {
        const marks = buildView(withGoods(flags, decision), undefined, false).view.flags;
        const allowed = new Set<string>([...Object.values(DECISION_MARKS), ...FLAG_MARKS.map(([, m]) => m)]);
        for (const m of marks) expect(allowed.has(m)).toBe(true);
        expect(marks.join(' ')).not.toMatch(/NHẠY CẢM|SENSITIVE|RESTRICTED|ALCOHOL|made-up/i);
        expect(marks.length).toBe(new Set(marks).size);
      }),
    );
  });
});
