/**
 * Handling marks: the short bilingual words a label prints so the hub sorts and carries a parcel
 * correctly, e.g. `ĐƯỜNG BỘ/ROAD ONLY` or `DỄ VỠ/FRAGILE`. They are derived from the stored,
 * non-sensitive goods summary only (`record.goods.flags` and `record.goods.acceptance.decision`),
 * never from a sealed field, so a sensitive parcel gets exactly the marks of a neutral parcel with
 * the same handling flags.
 *
 * Each mark is Vietnamese first, then the short English form after `/` (`PIN LITHIUM` reads the
 * same in both). Decision marks come first,
 * then flag marks, in a fixed order of importance for sorting.
 * @module
 * @internal
 */
import { WaybillShieldError } from '../errors.js';

/** The acceptance decisions a stored record may carry. */
export type StoredDecision = 'accept' | 'inspect' | 'road-only' | 'refuse';

/**
 * Marks for the acceptance decision. `accept` needs none. `refuse` is printed only when the caller
 * explicitly allows labelling a refused parcel (`allowRefused`), e.g. for a return-to-sender label.
 */
export const DECISION_MARKS: Readonly<Record<Exclude<StoredDecision, 'accept'>, string>> = Object.freeze({
  refuse: 'TỪ CHỐI/REFUSED',
  'road-only': 'ĐƯỜNG BỘ/ROAD ONLY',
  inspect: 'KIỂM TRA/INSPECT',
});

/**
 * Marks for handling flags, in print order. Not printed:
 * - `sensitive`: the label shows a neutral category for sensitive goods, and a mark would undo that;
 * - `restricted`: acceptance control, expressed by the decision mark, not a handling instruction;
 * - `alcohol`: its handling is already in `CHẤT LỎNG/LIQUID` and the decision mark, and the word
 *   only makes the parcel a target for theft.
 * Unknown flags are not printed.
 */
export const FLAG_MARKS: ReadonlyArray<readonly [flag: string, mark: string]> = Object.freeze([
  ['dangerous-goods', 'NGUY HIỂM/DG'],
  ['battery', 'PIN LITHIUM'],
  ['plant-animal-quarantine', 'KIỂM DỊCH/QUARANTINE'],
  ['fragile', 'DỄ VỠ/FRAGILE'],
  ['liquid', 'CHẤT LỎNG/LIQUID'],
  ['perishable', 'DỄ HỎNG/PERISHABLE'],
  ['high-value', 'GIÁ TRỊ CAO/VALUABLE'],
  ['documents', 'TÀI LIỆU/DOCS'],
] as const);

/**
 * The handling marks of a stored goods summary.
 *
 * @param flags - `record.goods.flags` (untrusted strings; unknown ones are ignored)
 * @param decision - `record.goods.acceptance.decision`, undefined for records made before it existed
 * @param goodsShown - false when the policy hides the goods: flag marks are then left off too, but the
 *   decision mark stays, because carriage depends on it and it names no goods
 * @param allowRefused - label a parcel whose decision is `refuse` (printing `TỪ CHỐI/REFUSED`)
 * @returns the marks, decision first
 * @throws WaybillShieldError `RENDER_FAILED` (issue `{ path: 'goods.acceptance.decision', rule: 'refused_goods' }`)
 *   when the decision is `refuse` and `allowRefused` is not set: such a parcel must not be labelled for carriage
 * @example
 * ```ts
 * handlingMarks(['battery', 'dangerous-goods'], 'road-only', true, false);
 * // ['ĐƯỜNG BỘ/ROAD ONLY', 'NGUY HIỂM/DG', 'PIN LITHIUM']
 * ```
 */
export function handlingMarks(flags: readonly string[], decision: StoredDecision | undefined, goodsShown: boolean, allowRefused: boolean): string[] {
  if (decision === 'refuse' && !allowRefused) {
    throw new WaybillShieldError('RENDER_FAILED', 'the goods are refused for carriage; the parcel must not be labelled', {
      issues: [{ path: 'goods.acceptance.decision', rule: 'refused_goods' }],
    });
  }
  const out: string[] = [];
  if (decision !== undefined && decision !== 'accept') out.push(DECISION_MARKS[decision]);
  if (goodsShown) for (const [flag, mark] of FLAG_MARKS) if (flags.includes(flag)) out.push(mark);
  return out;
}
