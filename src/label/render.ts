/**
 * `renderLabel`: a protected waybill in, a printable label out, as fixed-width text, ZPL II or
 * an SVG preview. The label shows only what the `label` audience may see: the waybill id
 * (Code 128 and text), the sort/routing units with their codes, the masked recipient and sender,
 * the goods category and handling marks (`ĐƯỜNG BỘ/ROAD ONLY`, `DỄ VỠ/FRAGILE`, …, from the stored
 * goods summary only), the COD amount in VND, the weight, and a QR code
 * holding the waybill id and, when given, the reveal token. Never a sealed value.
 *
 * The record is not trusted to have come from `protect()`: the masks' rules are re-applied to
 * every printed field first (`_checks.ts`), and a record that fails them is refused whole.
 * @module
 */
import { WaybillShieldError } from '../errors.js';
import { layoutLabel } from './_layout.js';
import { resolveLabelOptions, type RenderLabelOptions } from './_options.js';
import { buildView } from './_view.js';
import { drawSvg } from './svg.js';
import { drawText } from './text.js';
import { drawZpl } from './zpl.js';
import type { ProtectedWaybill } from '../protect.js';

/**
 * Render one label.
 *
 * @param p - a protected waybill (as returned by `protect()`, or read back from storage)
 * @param opts - format, and optionally the reveal token for the QR, label size, dpi, ZPL font and folding
 * @returns the label: text, one `^XA…^XZ` ZPL format, or an SVG document
 * @throws WaybillShieldError `RENDER_FAILED` for bad options (issues name the option, never the value);
 *   `INVALID_INPUT` when `p` is not a protected waybill, or when its label shows more than the masks
 *   allow: a name that is not initials (`name_mask`), a phone keeping more than 3 digits at an end
 *   or hiding fewer than 4 (`phone_mask`), 4+ digits in an address, goods or routing name
 *   (`digit_run`). Issues name the field and the rule, never the value. `RENDER_FAILED` with rule
 *   `refused_goods` when the record's acceptance decision is `refuse` and `allowRefused` is not set.
 * @example
 * ```ts
 * import { renderLabel } from 'waybill-shield/label';
 * const zpl = renderLabel(record, { format: 'zpl', token, dpi: 203 });
 * socket.write(zpl);
 * ```
 */
export function renderLabel(p: ProtectedWaybill, opts: RenderLabelOptions): string {
  const o = resolveLabelOptions(opts);
  const { view, captions } = buildView(p, o.token, o.fold, o.names, o.allowRefused);
  try {
    if (o.format === 'text') return drawText(view);
    const layout = layoutLabel(view, captions, o.size, o.dpi);
    return o.format === 'zpl' ? drawZpl(layout, o.font) : drawSvg(layout, view.id);
  } catch (e) {
    if (e instanceof WaybillShieldError) throw e;
    throw new WaybillShieldError('RENDER_FAILED', 'the label could not be rendered');
  }
}
