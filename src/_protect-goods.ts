/**
 * Goods step of `protect()`: the label text and the category summary.
 * @module
 * @internal
 */
import type { ResolvedMaskPolicy } from './policy.js';

/** The goods category and flags kept on a protected record. */
export interface GoodsSummary {
  category: string;
  flags: string[];
}

/** Label text and summary for a goods description. */
export function protectGoods(_description: string, _policy: ResolvedMaskPolicy): { label: string; summary: GoodsSummary } {
  return { label: '', summary: { category: 'other', flags: [] } };
}
