/**
 * Label geometry shared by the ZPL and SVG renderers, so the SVG preview is drawn on the same
 * dot grid the printer uses. Everything is placed in millimetres and converted to dots from the
 * label size and the printer resolution (8 dots/mm at 203 dpi, 12 at 300 dpi).
 *
 * Zones, top to bottom: waybill barcode and id; sort/routing; recipient; sender; then goods,
 * COD and weight on the left with the QR code on the right.
 * @module
 * @internal
 */
import { glyphWidth, truncate, wrap } from './_format.js';
import type { Captions, LabelView } from './_view.js';
import type { LabelDpi, LabelSize } from './_options.js';

/** Label stock in millimetres. */
export const LABEL_SIZES_MM: Readonly<Record<LabelSize, { w: number; h: number }>> = {
  '100x150': { w: 100, h: 150 },
  A6: { w: 105, h: 148 },
};

/** Dots per millimetre for each supported resolution. */
export const DOTS_PER_MM: Readonly<Record<LabelDpi, number>> = { 203: 8, 300: 12 };

/** Zones every label has; tests check each is inked. */
export type ZoneName = 'barcode' | 'routing' | 'recipient' | 'sender' | 'goods' | 'cod' | 'weight' | 'qr';

/** A rectangle in dots. */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** One drawing instruction, in dots. Text `y` is the top of the character cell. */
export type LabelElement =
  | { kind: 'text'; zone: ZoneName | 'caption'; x: number; y: number; h: number; text: string }
  | { kind: 'barcode'; zone: 'barcode'; x: number; y: number; h: number; module: number; width: number; data: string }
  | { kind: 'qr'; zone: 'qr'; x: number; y: number; module: number; size: number; data: string }
  | { kind: 'rule'; x: number; y: number; w: number; t: number };

/** A laid-out label. */
export interface LabelLayout {
  widthMm: number;
  heightMm: number;
  dpmm: number;
  width: number;
  height: number;
  elements: LabelElement[];
  zones: Record<ZoneName, Rect>;
}

/** Average advance of a glyph as a share of its height, used to wrap proportional and monospace fonts alike. */
const ADVANCE = 0.62;
/** Byte capacity of QR versions 1–10 at error-correction level M. */
const QR_BYTES_M = [14, 26, 42, 62, 84, 106, 122, 152, 180, 213];

/**
 * Modules across a QR symbol for a payload of `bytes` at level M (byte mode, the worst case).
 * @param bytes - payload length in bytes
 * @returns modules per side
 */
export function qrModules(bytes: number): number {
  const v = QR_BYTES_M.findIndex((cap) => bytes <= cap);
  return 17 + 4 * (v < 0 ? QR_BYTES_M.length : v + 1);
}

/**
 * Modules of a Code 128 symbol in subset B, quiet zones excluded: start, data, check and stop.
 * @param chars - number of data characters
 * @returns the module count
 */
export function code128Modules(chars: number): number {
  return 11 * chars + 35;
}

/**
 * Lay a label out.
 * @param view - the label view
 * @param captions - fixed captions (folded or not)
 * @param size - label stock
 * @param dpi - printer resolution
 * @returns elements and zone rectangles in dots
 */
export function layoutLabel(view: LabelView, captions: Captions, size: LabelSize, dpi: LabelDpi): LabelLayout {
  const { w: W, h: H } = LABEL_SIZES_MM[size];
  const dpmm = DOTS_PER_MM[dpi];
  const d = (mm: number) => Math.round(mm * dpmm);
  const M = 3;
  const inner = W - 2 * M;
  const els: LabelElement[] = [];
  const zones = {} as Record<ZoneName, Rect>;
  const zone = (name: ZoneName, y0: number, y1: number, x0 = M, x1 = W - M) => {
    zones[name] = { x: d(x0), y: d(y0), w: d(x1) - d(x0), h: d(y1) - d(y0) };
  };
  const cols = (widthMm: number, hMm: number) => Math.max(2, Math.floor(widthMm / (hMm * ADVANCE)));
  const text = (z: ZoneName | 'caption', xMm: number, yMm: number, hMm: number, s: string) => {
    if (s) els.push({ kind: 'text', zone: z, x: d(xMm), y: d(yMm), h: d(hMm), text: s });
  };
  /** Wrapped lines; returns the y below the last line. */
  const lines = (z: ZoneName | 'caption', xMm: number, yMm: number, hMm: number, widthMm: number, s: string, max: number, gap = 1.15) => {
    let y = yMm;
    for (const l of wrap(s, cols(widthMm, hMm), max, glyphWidth)) {
      text(z, xMm, y, hMm, l);
      y += hMm * gap;
    }
    return y;
  };
  const rule = (yMm: number) => els.push({ kind: 'rule', x: d(M), y: d(yMm), w: d(W - M) - d(M), t: Math.max(2, Math.round(dpmm / 4)) });

  // Zone 1: Code 128 of the waybill id with the widest module that fits (worst case, subset B)
  // after a 10-module quiet zone, and the id in text.
  const modules = code128Modules(view.id.length);
  const module = Math.max(1, Math.min(Math.floor(dpmm / 2), Math.floor(d(inner) / (modules + 20))));
  const bw = modules * module;
  els.push({ kind: 'barcode', zone: 'barcode', x: d(M) + 10 * module, y: d(4), h: d(14), module, width: bw, data: view.id });
  text('barcode', M + 1, 19.5, 4.5, view.id);
  zone('barcode', 3, 25);
  rule(26);

  // Zone 2: sort / routing line.
  text('caption', M, 27.5, 2.5, captions.sort);
  let y = 30.5;
  if (view.routing.length === 0) lines('routing', M, y, 4, inner, captions.noRouting, 1);
  view.routing.slice(0, 3).forEach((line, i) => {
    const h = i === 0 ? 6 : 3.8;
    y = lines('routing', M, y, h, inner, line, 1, 1.1);
  });
  zone('routing', 27, 45);
  rule(46);

  // Zone 3: recipient.
  text('caption', M, 47.5, 2.5, captions.to);
  lines('recipient', M, 50.5, 5, inner, view.recipient.name, 1);
  lines('recipient', M, 56.5, 5, inner, view.recipient.phone, 1);
  lines('recipient', M, 62.5, 3.8, inner, view.recipient.address, 3, 1.18);
  zone('recipient', 47, 77);
  rule(78);

  // Zone 4: sender.
  text('caption', M, 79.5, 2.5, captions.from);
  lines('sender', M, 82.5, 3.5, inner, `${view.sender.name}  ${view.sender.phone}`, 1);
  lines('sender', M, 87, 3.2, inner, view.sender.address, 3, 1.2);
  zone('sender', 79, 98.5);
  rule(99);

  // Zone 5: goods, COD and weight on the left; QR on the right.
  const qrBox = 31;
  const qrX = W - M - qrBox;
  const left = qrX - M - 2;
  text('caption', M, 100.5, 2.5, captions.goods);
  // With handling marks the category keeps one line, a little smaller, and the marks get three;
  // marks come decision first, so a cut (with …) only ever drops the least important ones.
  const marked = view.flags.length > 0;
  lines('goods', M, marked ? 103 : 103.3, marked ? 3 : 3.3, left, view.goods || '-', marked ? 1 : 2, 1.15);
  if (marked) {
    // Marks are packed whole onto at most three lines; what does not fit ends the last line with `…`.
    const MH = 2.5;
    const width = cols(left, MH);
    const packed: string[] = [];
    for (const m of view.flags.map((f) => truncate(`[${f}]`, width, glyphWidth))) {
      const last = packed.length - 1;
      if (last >= 0 && glyphWidth(`${packed[last]!} ${m}`) <= width) packed[last] = `${packed[last]!} ${m}`;
      else packed.push(m);
    }
    if (packed.length > 3) packed.splice(2, packed.length, truncate(packed.slice(2).join(' '), width, glyphWidth));
    packed.forEach((l, i) => text('goods', M, 106.3 + i * MH * 1.08, MH, l));
  }
  zone('goods', 100, 114.5, M, M + left);
  text('caption', M, 115, 2.5, captions.cod);
  lines('cod', M, 118, 6, left, view.cod, 1);
  zone('cod', 114.5, 124.5, M, M + left);
  text('caption', M, 125.5, 2.5, captions.weight);
  lines('weight', M, 128.5, 4.5, left, view.weight || '-', 1);
  zone('weight', 125, 134, M, M + left);

  const qrMods = qrModules(new TextEncoder().encode(view.qr).length);
  const qrModule = Math.max(1, Math.min(10, Math.floor(d(qrBox - 2) / qrMods)));
  const qrSize = qrMods * qrModule;
  const qrTop = 101;
  els.push({ kind: 'qr', zone: 'qr', x: d(qrX) + Math.round((d(qrBox) - qrSize) / 2), y: d(qrTop), module: qrModule, size: qrSize, data: view.qr });
  zone('qr', qrTop, qrTop + qrBox, qrX, qrX + qrBox);
  lines('caption', M, H - M - 6, 2.4, inner, view.hasToken ? captions.qrToken : captions.qrPlain, 2, 1.2);

  return { widthMm: W, heightMm: H, dpmm, width: d(W), height: d(H), elements: els, zones };
}
