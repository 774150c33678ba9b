/**
 * ZPL II label renderer for Zebra-compatible thermal printers.
 *
 * Follows Zebra's ZPL II Programming Guide: one `^XA…^XZ` format per label, `^CI28` (UTF-8),
 * `^PW`/`^LL` from the label size in dots, text through `^A@` with a named scalable font (or
 * the built-in `^A0` for folded text), `^BC` for Code 128 and `^BQ` (model 2) for the QR code.
 *
 * Every field goes through `^FH` with `_` as the hex indicator, and every character outside a
 * small inert set is written as `_XX` UTF-8 hex bytes, so no field can contain `^`, `~`, `\`,
 * `_` or `>` (the Code 128 invocation character) as a raw byte. No input can end a field, start
 * a command or change the command prefix.
 * @module
 */
import type { LabelLayout } from './_layout.js';

// Characters that are never special in a ZPL field and print as themselves.
const INERT = /^[A-Za-z0-9 .,:/()*+\-[\]]$/;
const UTF8 = new TextEncoder();

/**
 * Escape field data for `^FH`: inert ASCII as is, every other character as `_XX` bytes of UTF-8.
 *
 * @param s - field text
 * @returns text safe inside `^FH^FD…^FS`
 * @throws never
 * @example
 * ```ts
 * zplHex('^XZ Đ'); // '_5EXZ _C4_90'
 * ```
 */
export function zplHex(s: string): string {
  let out = '';
  for (const ch of s) {
    if (INERT.test(ch)) out += ch;
    else for (const b of UTF8.encode(ch)) out += `_${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/**
 * Draw a laid-out label as one ZPL format.
 * @param layout - elements in dots
 * @param font - the `^A@` font name, or `undefined` for the built-in `^A0`
 * @returns `^XA` … `^XZ`, newline-separated commands, ending with a newline
 * @internal
 */
export function drawZpl(layout: LabelLayout, font: string | undefined): string {
  const out: string[] = ['^XA', '^CI28', `^PW${layout.width}`, `^LL${layout.height}`, '^LH0,0'];
  const fontCmd = (h: number) => (font === undefined ? `^A0N,${h},0` : `^A@N,${h},0,${font}`);
  for (const e of layout.elements) {
    switch (e.kind) {
      case 'rule':
        out.push(`^FO${e.x},${e.y}^GB${e.w},${e.t},${e.t}^FS`);
        break;
      case 'text':
        out.push(`^FO${e.x},${e.y}${fontCmd(e.h)}^FH^FD${zplHex(e.text)}^FS`);
        break;
      case 'barcode':
        // No interpretation line (the id is its own, larger text field); mode A lets the printer pick the
        // shortest Code 128 subsets, as bwip-js does for the SVG preview.
        out.push(`^FO${e.x},${e.y}^BY${e.module}^BCN,${e.h},N,N,N,A^FH^FD${zplHex(e.data)}^FS`);
        break;
      case 'qr':
        // `MA,`: error correction M, automatic data mode; the payload follows.
        out.push(`^FO${e.x},${e.y}^BQN,2,${e.module},M^FH^FDMA,${zplHex(e.data)}^FS`);
        break;
    }
  }
  out.push('^PQ1', '^XZ');
  return `${out.join('\n')}\n`;
}
