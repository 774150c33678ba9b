/**
 * `waybill-shield/label`: render protected waybills as labels: fixed-width text, ZPL II for
 * Zebra-compatible thermal printers, or an SVG preview; and read the label's QR payload.
 * @module
 */

export { renderLabel } from './render.js';
export { DEFAULT_ZPL_FONT } from './_options.js';
export type { RenderLabelOptions, LabelFormat, LabelSize, LabelDpi } from './_options.js';
export type { LabelNameStyle } from './_checks.js';
export { labelQrPayload, parseLabelQr, LABEL_QR_PREFIX } from './qr.js';
export type { LabelQr } from './qr.js';
export { zplHex } from './zpl.js';
export { xmlEscape } from './svg.js';
