import type { Measured } from './_harness.js';

/** One comparison row of the benchmark table. */
export interface SuiteResult {
  id: string;
  title: string;
  ours: Measured;
  peer?: Measured;
  /** The reported ratio (direction documented in the title). */
  ratio?: number;
  /** Every paired per-round ratio behind `ratio` (sorted), when it is a paired ratio. */
  ratios?: number[];
  /** CI gate on the ratio, when there is one. */
  bound?: { min?: number; max?: number };
}
