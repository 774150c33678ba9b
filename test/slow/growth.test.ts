/**
 * Growth: each parser's time on a 10× longer input stays within 15× (linear with noise headroom;
 * quadratic growth would show ~100×). Time ratios measured in the same process, medians of
 * interleaved repetitions; no absolute time is asserted.
 */
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';
import { sampleWaybill } from '../helpers/fixtures.js';
import { GROWTH_TARGETS } from './growth-targets.js';

function timeOnce(fn: () => void, reps: number): number {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < reps; i++) fn();
  return Number(process.hrtime.bigint() - t0) / reps;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

/** Median per-call time ratio large/small over interleaved rounds. */
export function growthRatio(small: () => void, large: () => void): number {
  for (let i = 0; i < 50; i++) {
    small();
    large();
  }
  // Enough repetitions that one measurement of the small input lasts a few milliseconds.
  let reps = 1;
  while (timeOnce(small, reps) * reps < 3e6 && reps < 1e6) reps *= 2;
  const ratios: number[] = [];
  for (let r = 0; r < 9; r++) {
    const a = timeOnce(small, reps);
    const b = timeOnce(large, Math.max(1, reps >> 3));
    ratios.push(b / a);
  }
  return median(ratios);
}

describe('the growth check itself', () => {
  it('flags a quadratic function (so a pass below means something)', () => {
    const quadratic = (s: string) => {
      let n = 0;
      for (let i = 0; i < s.length; i++) for (let j = 0; j < s.length; j++) n += s.charCodeAt(j) & 1;
      return n;
    };
    expect(growthRatio(() => quadratic('x'.repeat(200)), () => quadratic('x'.repeat(2000)))).toBeGreaterThan(30);
  });
});

describe('parsers grow linearly with input length', () => {
  for (const [name, { fn, fragment, small, limitNote }] of Object.entries(GROWTH_TARGETS)) {
    it(`${name}: 10× input costs ≤ 15× ${limitNote ?? ''}`, () => {
      const a = fragment.repeat(small);
      const b = fragment.repeat(small * 10);
      const ratio = growthRatio(() => fn(a), () => fn(b));
      expect(ratio).toBeLessThanOrEqual(15);
    });
  }

  it('parseWaybill: a 10× longer goods description and notes cost ≤ 15×', () => {
    const mk = (n: number) => sampleWaybill({ goods: { description: 'áo thun + quần jean; '.repeat(n) }, notes: 'Gọi trước 0912 345 678. '.repeat(n) });
    const a = mk(4);
    const b = mk(40);
    expect(growthRatio(() => api.safeParseWaybill(a), () => api.safeParseWaybill(b))).toBeLessThanOrEqual(15);
  });
});
