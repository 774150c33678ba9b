import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WaybillShieldError } from '../../src/errors.js';
import { acceptanceOf, resolveAcceptancePolicy, VN_ACCEPTANCE_POLICY, type AcceptancePolicy } from '../../src/mask/acceptance.js';
import { classifyGoods } from '../../src/mask/goods.js';
import { GOODS_CATEGORIES, GOODS_FLAGS, type GoodsCategory, type GoodsFlag } from '../../src/mask/goods-lexicon.js';

const decide = (text: string, policy?: AcceptancePolicy) => acceptanceOf(classifyGoods(text), policy);

describe('acceptanceOf: the default Vietnamese policy', () => {
  it.each([
    ['Áo thun nam cotton', 'accept', []],
    ['iPhone 15 Pro Max 256GB', 'inspect', ['high-value']],
    ['Sạc dự phòng Xiaomi 20000mAh', 'road-only', ['dangerous-goods']],
    ['Pin 18650 Samsung 3000mAh', 'road-only', ['dangerous-goods']],
    ['Nước hoa Chanel 100ml', 'road-only', ['dangerous-goods']],
    ['Bia Heineken thùng 24 lon', 'inspect', ['alcohol']],
    ['Hạt giống rau muống', 'inspect', ['plant-animal-quarantine']],
    ['Pháo hoa bắn cầu 36 ống', 'refuse', ['restricted']],
    ['Pod vape vị bạc hà', 'refuse', ['restricted']],
    ['Bao cao su Durex', 'accept', []],
  ])('%s → %s %j', (text, decision, reasons) => {
    expect(decide(text)).toEqual({ decision, reasons });
  });

  it('the most severe rule wins and every rule at that level is a reason', () => {
    // Lithium cells that are also a lighter's fuel are still refused; reasons list the refusal only.
    expect(acceptanceOf({ category: 'other', flags: ['restricted', 'dangerous-goods', 'high-value'] })).toEqual({
      decision: 'refuse',
      reasons: ['restricted'],
    });
    expect(acceptanceOf({ category: 'food', flags: ['alcohol', 'plant-animal-quarantine'] })).toEqual({
      decision: 'inspect',
      reasons: ['alcohol', 'plant-animal-quarantine'],
    });
  });

  it('works on the goods summary of a protected record (category and flags only)', () => {
    expect(acceptanceOf({ category: 'electronics', flags: ['battery', 'dangerous-goods'] }).decision).toBe('road-only');
  });
});

describe('acceptanceOf: carrier policies', () => {
  it('overrides the default rules, or starts from none', () => {
    expect(decide('Bộ dao làm bếp inox', { flags: { restricted: 'inspect' } })).toEqual({ decision: 'inspect', reasons: ['restricted'] });
    expect(decide('Bia Tiger', { flags: { alcohol: 'refuse' } }).decision).toBe('refuse');
    expect(decide('Sạc dự phòng 10000mAh', { base: 'none' })).toEqual({ decision: 'accept', reasons: [] });
    expect(decide('Lốp xe máy Michelin', { categories: { 'vehicle-parts': 'road-only' } })).toEqual({
      decision: 'road-only',
      reasons: ['vehicle-parts'],
    });
    expect(decide('Áo thun', { base: 'none', otherwise: 'inspect' })).toEqual({ decision: 'inspect', reasons: [] });
  });

  it('a policy changed after first use takes effect', () => {
    const policy: AcceptancePolicy = { flags: { alcohol: 'inspect' } };
    expect(decide('Bia Tiger', policy).decision).toBe('inspect');
    policy.flags!.alcohol = 'refuse';
    expect(decide('Bia Tiger', policy).decision).toBe('refuse');
  });

  it.each([
    [{ flags: { restricted: 'ban' } }, 'flags.restricted'],
    [{ flags: { sensitive: 'refuse' } }, 'flags'],
    [{ categories: { medicine: 'refuse' } }, 'categories'],
    [{ categories: { intimate: 'inspect' } }, 'categories'],
    [{ base: 'eu' }, 'base'],
    [{ rules: [] }, ''],
  ])('refuses %j with INVALID_POLICY and PII-free issues', (policy, path) => {
    try {
      resolveAcceptancePolicy(policy as never);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(WaybillShieldError);
      expect((e as WaybillShieldError).code).toBe('INVALID_POLICY');
      expect((e as WaybillShieldError).issues?.[0]?.path.startsWith(path)).toBe(true);
    }
  });

  it('refuses goods without a known category or with unknown flags', () => {
    expect(() => acceptanceOf({ category: 'guns' as GoodsCategory, flags: [] })).toThrow(/INVALID_INPUT/);
    expect(() => acceptanceOf({ category: 'other', flags: ['0901234567' as GoodsFlag] })).toThrow(/INVALID_INPUT/);
    expect(() => acceptanceOf(null as never)).toThrow(/INVALID_INPUT/);
    const hostile = new Proxy({}, { get: () => { throw new Error('Nguyễn 0901234567'); } });
    try {
      acceptanceOf(hostile as never);
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).not.toMatch(/Nguyễn|0901/);
    }
  });

  it('the default policy is frozen', () => {
    expect(Object.isFrozen(VN_ACCEPTANCE_POLICY)).toBe(true);
    expect(Object.isFrozen(VN_ACCEPTANCE_POLICY.flags)).toBe(true);
  });
});

describe('acceptanceOf: sensitive goods are never named', () => {
  const sensitive = (Object.keys(GOODS_CATEGORIES) as GoodsCategory[]).filter((c) => GOODS_CATEGORIES[c].sensitive);
  const decisions = ['accept', 'inspect', 'road-only', 'refuse'] as const;
  it('no policy and no flag set makes a reason name a sensitive category or the sensitive flag (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...sensitive),
        fc.subarray([...GOODS_FLAGS]),
        fc.dictionary(fc.constantFrom(...GOODS_FLAGS.filter((f) => f !== 'sensitive')), fc.constantFrom(...decisions)),
        fc.constantFrom(...decisions),
        (category, flags, ruleFlags, otherwise) => {
          const r = acceptanceOf({ category, flags }, { base: 'none', flags: ruleFlags, otherwise });
          for (const reason of r.reasons) {
            expect(sensitive).not.toContain(reason);
            expect(reason).not.toBe('sensitive');
          }
        },
      ),
    );
  });
});
