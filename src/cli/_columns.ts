/**
 * CSV columns to waybill fields. A header cell names a field by its dotted path
 * (`recipient.phone`) or its snake_case form (`recipient_phone`, `cod_amount`); case, spaces and
 * separators are ignored. Numeric fields are parsed from their text; thousands separators
 * (`32.000.000`, `32,000,000`, `32 000 000`) are accepted, decimals are not.
 *
 * Header cells are never echoed back: a file without a header would have a customer's data
 * in its first row.
 * @module
 * @internal
 */
import { usage } from './_errors.js';

/** Every waybill field a CSV column can fill, as dotted paths. */
export const WAYBILL_COLUMNS = [
  'id',
  'recipient.name',
  'recipient.phone',
  'recipient.address',
  'sender.name',
  'sender.phone',
  'sender.address',
  'goods.description',
  'goods.declaredValue',
  'goods.quantity',
  'codAmount',
  'weightGrams',
  'notes',
  'assignment.courierId',
  'assignment.number',
] as const;

type Column = (typeof WAYBILL_COLUMNS)[number];

const NUMERIC: ReadonlySet<Column> = new Set(['goods.declaredValue', 'goods.quantity', 'codAmount', 'weightGrams', 'assignment.number']);
const OPTIONAL: ReadonlySet<Column> = new Set(['goods.declaredValue', 'goods.quantity', 'codAmount', 'weightGrams', 'notes', 'assignment.courierId', 'assignment.number']);
const REQUIRED: readonly Column[] = WAYBILL_COLUMNS.filter((c) => !OPTIONAL.has(c));

const key = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[^a-z0-9]/g, '');
const BY_KEY: ReadonlyMap<string, Column> = new Map(WAYBILL_COLUMNS.map((c) => [key(c), c]));

/** How CSV cells map to fields, built once from the header. */
export interface ColumnMap {
  /** Field for each column index, or `undefined` for an ignored column. */
  fields: (Column | undefined)[];
  /** 1-based indexes of columns that name no field. */
  ignored: number[];
}

/**
 * Build the column map from a header row.
 * @param header - the header cells
 * @returns the map
 * @throws CliError `USAGE` when a required field has no column, or a field has two
 */
export function mapColumns(header: readonly string[]): ColumnMap {
  const fields: (Column | undefined)[] = [];
  const ignored: number[] = [];
  const seen = new Set<Column>();
  header.forEach((cell, i) => {
    const col = BY_KEY.get(key(cell));
    if (col === undefined) {
      ignored.push(i + 1);
      fields.push(undefined);
      return;
    }
    if (seen.has(col)) throw usage(`the CSV header names the field ${col} twice`);
    seen.add(col);
    fields.push(col);
  });
  const missing = REQUIRED.filter((c) => !seen.has(c));
  if (missing.length > 0) {
    throw usage(
      `the CSV header has no column for ${missing.join(', ')}`,
      'the first CSV row must name the fields: id, recipient.name (or recipient_name), recipient.phone, …',
    );
  }
  return { fields, ignored };
}

const GROUPED = /^\d{1,3}(?:([.,\u00a0 ])\d{3})(?:\1\d{3})*$/;

/**
 * A number from a CSV cell: plain digits, or digits grouped by thousands with one consistent
 * separator. Anything else is passed through as text so validation reports the field as the
 * wrong type.
 * @param cell - the cell text
 * @returns a number, or the trimmed text when it is not a whole number
 */
export function parseNumberCell(cell: string): number | string {
  const s = cell.trim();
  if (/^\d{1,15}$/.test(s)) return Number(s);
  if (GROUPED.test(s)) return Number(s.replace(/[.,\u00a0 ]/g, ''));
  return s;
}

/**
 * Build a waybill input object from one CSV record.
 * @param map - the column map
 * @param cells - the record's cells
 * @returns a plain object for `protect()` to validate
 */
export function rowToWaybill(map: ColumnMap, cells: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  map.fields.forEach((col, i) => {
    if (col === undefined) return;
    const cell = cells[i];
    // A missing or empty cell of an optional field means "not given"; of a required field it is
    // kept as '' so validation names the field.
    if (cell === undefined || cell.trim() === '') {
      if (OPTIONAL.has(col)) return;
    }
    const value = NUMERIC.has(col) ? parseNumberCell(cell ?? '') : (cell ?? '');
    const dot = col.indexOf('.');
    if (dot < 0) {
      out[col] = value;
    } else {
      const head = col.slice(0, dot);
      const obj = (out[head] ??= {}) as Record<string, unknown>;
      obj[col.slice(dot + 1)] = value;
    }
  });
  return out;
}
