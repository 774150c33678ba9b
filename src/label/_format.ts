/**
 * Text helpers shared by the three label renderers: Vietnamese money and weight formatting,
 * diacritic folding for printers without a Unicode font, cleaning of printable text, and
 * width-aware wrapping.
 *
 * Money follows Vietnamese convention: `.` groups thousands and the dong sign follows after a
 * space (`32.000.000 ₫`); folded labels write `32.000.000 VND`. Weights use a decimal comma
 * (`1,25 kg`).
 * @module
 * @internal
 */

// Controls, format characters (bidi overrides, zero-width joiners) and lone surrogates. A
// protected record read from a file may hold anything; none of these may reach a terminal,
// a printer or an XML document, where they would reorder text or inject escape sequences.
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\u2028\u2029]/gu;
const SPACES = /\s+/gu;

/**
 * Make a string safe to lay out: NFC, unprintable characters replaced by spaces, runs of
 * whitespace collapsed, trimmed.
 *
 * @param s - any string
 * @returns one printable line
 */
export function cleanText(s: string): string {
  return s.normalize('NFC').replace(UNPRINTABLE, ' ').replace(SPACES, ' ').trim();
}

/**
 * Unaccented Vietnamese for printers whose fonts lack Vietnamese glyphs: combining marks are
 * dropped, `Đ`/`đ` become `D`/`d`, `₫` becomes `VND`, and anything else outside printable ASCII
 * becomes `?`. Case is kept: `Phường Thượng Đình` → `Phuong Thuong Dinh`.
 *
 * @param s - a cleaned string
 * @returns printable ASCII
 */
export function foldVietnamese(s: string): string {
  return s
    .replace(/\s?₫/gu, ' VND')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[ĐƉ]/g, 'D')
    .replace(/[đɖ]/g, 'd')
    .replace(/[^\x20-\x7e]/g, '?');
}

/**
 * Group an integer's digits by thousands with `.`, Vietnamese style.
 * @param n - a non-negative safe integer
 * @returns e.g. `32.000.000`
 */
export function groupThousands(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/**
 * A VND amount as printed on the label.
 * @param amount - whole dong
 * @returns e.g. `32.000.000 ₫`
 */
export function formatVnd(amount: number): string {
  return `${groupThousands(amount)} ₫`;
}

/**
 * A weight in grams as printed: grams below 1 kg, otherwise kilograms with up to two decimals
 * and a decimal comma.
 * @param grams - whole grams
 * @returns e.g. `850 g`, `1,25 kg`, `12 kg`
 */
export function formatWeight(grams: number): string {
  if (grams < 1000) return `${grams} g`;
  const hundredths = Math.round(grams / 10);
  const whole = Math.floor(hundredths / 100);
  const frac = String(hundredths % 100).padStart(2, '0').replace(/0+$/, '');
  return `${groupThousands(whole)}${frac ? `,${frac}` : ''} kg`;
}

/**
 * Display width in terminal columns: code points, with combining marks counted as zero. NFC
 * Vietnamese is one column per letter.
 * @param s - a cleaned string
 * @returns the column count
 */
export function columns(s: string): number {
  let n = 0;
  for (const ch of s) if (!/\p{M}/u.test(ch)) n++;
  return n;
}

/**
 * Width of a string in "average glyphs" for a printer or preview font, counted on its NFD form:
 * a base character is 1 and a combining mark 0.75. Some printer fonts and ZPL renderers place
 * Vietnamese tone and vowel marks as separate glyphs with their own advance, so a line that
 * must fit is measured as if they did.
 * @param s - a cleaned string
 * @returns the width in average glyphs
 */
export function glyphWidth(s: string): number {
  let n = 0;
  for (const ch of s.normalize('NFD')) n += /\p{M}/u.test(ch) ? 0.75 : 1;
  return n;
}

/** A width measure: {@link columns} for terminals, {@link glyphWidth} for printed labels. */
export type Measure = (s: string) => number;

/**
 * Cut a string to at most `max` width units, ending in `…` when cut.
 * @param s - a cleaned string
 * @param max - width available, at least 1
 * @param measure - how width is counted; terminal columns by default
 * @returns the string or its truncation
 */
export function truncate(s: string, max: number, measure: Measure = columns): string {
  if (measure(s) <= max) return s;
  let out = '';
  for (const ch of s) {
    if (measure(out + ch) > max - 1) break;
    out += ch;
  }
  return `${out.trimEnd()}…`;
}

/**
 * Greedy word wrap to `width` columns and at most `maxLines` lines. Words longer than a line are
 * broken; text beyond the last line is cut with `…`.
 *
 * @param s - a cleaned string
 * @param width - columns per line, at least 2
 * @param maxLines - lines available, at least 1
 * @param measure - how width is counted; terminal columns by default
 * @returns the lines (empty when `s` is empty)
 */
export function wrap(s: string, width: number, maxLines: number, measure: Measure = columns): string[] {
  const lines: string[] = [];
  let line = '';
  const words = s.split(' ').filter((w) => w.length > 0);
  for (let i = 0; i < words.length; i++) {
    let word = words[i]!;
    while (measure(word) > width) {
      // A word longer than the line (an unbroken address run): break it hard.
      if (line) {
        lines.push(line);
        line = '';
      }
      const chars = [...word];
      let cut = 1;
      while (cut < chars.length && measure(chars.slice(0, cut + 1).join('')) <= width) cut++;
      lines.push(chars.slice(0, cut).join(''));
      word = chars.slice(cut).join('');
    }
    if (!line) line = word;
    else if (measure(`${line} ${word}`) <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = truncate(`${kept[maxLines - 1]!} ${lines[maxLines]!}`, width, measure);
  return kept;
}
