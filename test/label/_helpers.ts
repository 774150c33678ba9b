/**
 * Test helpers for labels: the fixed protected-waybill fixture, ZPL field extraction and `^FH`
 * decoding, and PNG pixel access through resvg (a maintained renderer that decodes embedded PNGs).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import type { ProtectedWaybill } from '../../src/protect.js';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** The fixed record every golden label is drawn from. */
export function fixture(): ProtectedWaybill {
  return JSON.parse(readFileSync(here('./fixtures/protected.json'), 'utf8')) as ProtectedWaybill;
}

/** A fixed reveal-token-shaped string for goldens (the label does not check tokens cryptographically). */
export const TOKEN = '7K3M-9QXW-2DHT-5VBN';

/** Every `^FD…^FS` field: the command that precedes it (up to the previous `^FO`) and its raw data. */
export function zplFields(zpl: string): { cmd: string; data: string }[] {
  const out: { cmd: string; data: string }[] = [];
  const re = /\^FO[^\n]*?\^FD([^\n]*?)\^FS/g;
  for (const m of zpl.matchAll(re)) out.push({ cmd: m[0].slice(0, m[0].indexOf('^FD')), data: m[1]! });
  return out;
}

/** Decode `^FH` `_XX` escapes (UTF-8 bytes) back to text. */
export function fhDecode(s: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '_') {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(s.charCodeAt(i));
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
}

/** RGBA pixels of an SVG document, rendered by resvg at its own size. */
export function svgPixels(svg: string, width: number): { width: number; height: number; pixels: Uint8Array } {
  const img = new Resvg(svg, { fitTo: { mode: 'width', value: width }, font: { loadSystemFonts: true }, background: '#ffffff' }).render();
  return { width: img.width, height: img.height, pixels: new Uint8Array(img.pixels) };
}

/** RGBA pixels of a PNG, decoded by embedding it in an SVG image element. */
export function pngPixels(png: Uint8Array, width: number, height: number): { width: number; height: number; pixels: Uint8Array } {
  const b64 = Buffer.from(png).toString('base64');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><image href="data:image/png;base64,${b64}" x="0" y="0" width="${width}" height="${height}"/></svg>`;
  return svgPixels(svg, width);
}

/** Dark pixels (luma < 128) inside a rectangle. */
export function inkIn(img: { width: number; pixels: Uint8Array }, r: { x: number; y: number; w: number; h: number }): number {
  let n = 0;
  for (let y = r.y; y < r.y + r.h; y++) {
    for (let x = r.x; x < r.x + r.w; x++) {
      const i = (y * img.width + x) * 4;
      const luma = 0.299 * img.pixels[i]! + 0.587 * img.pixels[i + 1]! + 0.114 * img.pixels[i + 2]!;
      if (luma < 128) n++;
    }
  }
  return n;
}
