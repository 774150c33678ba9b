/**
 * SVG label renderer: a faithful preview of the printed label, drawn on the printer's dot grid
 * (the `viewBox` is in dots, the document size in millimetres). The Code 128 and QR symbols are
 * drawn by bwip-js (`toSVG`, the Barcode Writer in Pure PostScript port) and nested in place.
 *
 * Every text node is XML-escaped (`&`, `<`, `>`, `"`, `'`), and characters XML cannot hold were
 * already removed when the view was built, so no input can inject markup or break the document.
 * @module
 */
import { toSVG } from 'bwip-js';
import { WaybillShieldError } from '../errors.js';
import type { LabelLayout } from './_layout.js';

const XML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escape text for an XML text node or attribute value.
 * @param s - text
 * @returns escaped text
 * @throws never
 * @example
 * ```ts
 * xmlEscape('</text><script>'); // '&lt;/text&gt;&lt;script&gt;'
 * ```
 */
export function xmlEscape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}

/** Share of the cell height from its top to the baseline, for the fonts a preview uses. */
const BASELINE = 0.8;
const VIEWBOX_RE = /^<svg viewBox="0 0 (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)"[^>]*>([\s\S]*)<\/svg>\s*$/;

/**
 * Draw a symbol with bwip-js and return its inner markup and viewBox size.
 * @internal
 */
function symbol(bcid: 'code128' | 'qrcode', text: string): { w: number; h: number; body: string } {
  let svg: string;
  try {
    svg = bcid === 'qrcode' ? toSVG({ bcid, text, scale: 1, eclevel: 'M' }) : toSVG({ bcid, text, scale: 1, height: 10, includetext: false });
  } catch {
    // bwip-js messages can quote the data; keep them out.
    throw new WaybillShieldError('RENDER_FAILED', `the ${bcid === 'qrcode' ? 'QR code' : 'barcode'} could not be drawn`);
  }
  const m = VIEWBOX_RE.exec(svg.trim());
  if (!m) throw new WaybillShieldError('RENDER_FAILED', 'unexpected barcode renderer output');
  return { w: Number(m[1]), h: Number(m[2]), body: m[3]!.trim() };
}

/**
 * Draw a laid-out label as an SVG document.
 * @param layout - elements in dots
 * @param title - document title (the waybill id)
 * @returns a standalone SVG document
 * @internal
 */
export function drawSvg(layout: LabelLayout, title: string): string {
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${layout.widthMm}mm" height="${layout.heightMm}mm" viewBox="0 0 ${layout.width} ${layout.height}" font-family="DejaVu Sans, Arial, Helvetica, sans-serif">`,
    `<title>${xmlEscape(title)}</title>`,
    `<rect width="${layout.width}" height="${layout.height}" fill="#fff"/>`,
  ];
  for (const e of layout.elements) {
    switch (e.kind) {
      case 'rule':
        out.push(`<rect x="${e.x}" y="${e.y}" width="${e.w}" height="${e.t}" fill="#000"/>`);
        break;
      case 'text':
        out.push(`<text x="${e.x}" y="${e.y + Math.round(e.h * BASELINE)}" font-size="${e.h}" fill="#000">${xmlEscape(e.text)}</text>`);
        break;
      case 'barcode': {
        const s = symbol('code128', e.data);
        // bwip-js picks the shortest Code 128 encoding, as the printer does in mode A; both start at e.x.
        const w = Math.round(s.w * e.module);
        out.push(`<svg x="${e.x}" y="${e.y}" width="${w}" height="${e.h}" viewBox="0 0 ${s.w} ${s.h}" preserveAspectRatio="none">${s.body}</svg>`);
        break;
      }
      case 'qr': {
        const s = symbol('qrcode', e.data);
        out.push(`<svg x="${e.x}" y="${e.y}" width="${e.size}" height="${e.size}" viewBox="0 0 ${s.w} ${s.h}">${s.body}</svg>`);
        break;
      }
    }
  }
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
