import type { Measured } from './_harness.js';

/** One comparison row of the benchmark table. */
export interface SuiteResult {
  id: string;
  title: string;
  ours: Measured;
  peer?: Measured;
  /** The reported ratio (direction documented in the title). */
  ratio?: number;
  /** CI gate on the ratio, when there is one. */
  bound?: { min?: number; max?: number };
}
