/**
 * Fixed-width text label, for logs and terminals: 50 columns, ASCII box lines, one zone per
 * block. Text was cleaned when the view was built, so no control character or escape sequence
 * reaches the terminal.
 *
 * The reveal token is not written out: text labels end up in logs, and the QR line only says
 * that the printed QR carries one.
 * @module
 */
import { columns, truncate, wrap } from './_format.js';
import type { LabelView } from './_view.js';

/** Columns between the box edges. */
export const TEXT_LABEL_WIDTH = 48;
const KEY = 8;
const VALUE = TEXT_LABEL_WIDTH - 2 - KEY;

/**
 * Draw a label view as fixed-width text.
 * @param view - the label view
 * @returns the text label, lines joined with `\n`, ending with a newline
 * @internal
 */
export function drawText(view: LabelView): string {
  const border = `+${'-'.repeat(TEXT_LABEL_WIDTH)}+`;
  const sep = `|${'-'.repeat(TEXT_LABEL_WIDTH)}|`;
  const out: string[] = [border];
  const row = (s: string) => {
    const cut = truncate(s, TEXT_LABEL_WIDTH - 2);
    out.push(`| ${cut}${' '.repeat(TEXT_LABEL_WIDTH - 2 - columns(cut))} |`);
  };
  const field = (key: string, values: string[]) => {
    values.forEach((v, i) => row(`${(i === 0 ? key : '').padEnd(KEY)}${v}`));
  };
  const block = (key: string, parts: { text: string; lines: number }[]) => {
    const values = parts.flatMap((p) => (p.text ? wrap(p.text, VALUE, p.lines) : []));
    field(key, values.length > 0 ? values : ['-']);
  };

  const tag = 'Code 128';
  const id = truncate(view.id, TEXT_LABEL_WIDTH - 3 - tag.length);
  row(`${id}${' '.repeat(TEXT_LABEL_WIDTH - 2 - columns(id) - tag.length)}${tag}`);
  out.push(sep);
  block('SORT', (view.routing.length > 0 ? view.routing : ['not routed']).slice(0, 4).map((text) => ({ text, lines: 1 })));
  out.push(sep);
  block('TO', [
    { text: view.recipient.name, lines: 1 },
    { text: view.recipient.phone, lines: 1 },
    { text: view.recipient.address, lines: 3 },
  ]);
  out.push(sep);
  block('FROM', [
    { text: [view.sender.name, view.sender.phone].filter((s) => s).join('  '), lines: 1 },
    { text: view.sender.address, lines: 2 },
  ]);
  out.push(sep);
  // Handling marks are packed whole onto lines, so no mark is split between two lines.
  const marks: string[] = [];
  for (const m of view.flags.map((f) => truncate(`[${f}]`, VALUE))) {
    const last = marks.length - 1;
    if (last >= 0 && columns(`${marks[last]!} ${m}`) <= VALUE) marks[last] = `${marks[last]!} ${m}`;
    else marks.push(m);
  }
  field('GOODS', [...wrap(view.goods || '-', VALUE, 2), ...marks]);
  field('COD', [view.cod]);
  field('WEIGHT', [view.weight || '-']);
  field('QR', [view.hasToken ? 'waybill id + reveal token' : 'waybill id']);
  out.push(border);
  return `${out.join('\n')}\n`;
}
