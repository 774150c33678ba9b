/**
 * Options of `renderLabel`, validated once at the boundary. A bad option is a
 * `WaybillShieldError('RENDER_FAILED')` whose issues name the option and the rule, never the value.
 * @module
 * @internal
 */
import { z } from 'zod';
import { WaybillShieldError } from '../errors.js';
import { toIssues } from '../_issues.js';
import { canonicalToken } from './qr.js';
import type { LabelNameStyle } from './_checks.js';

/** Output formats. */
export type LabelFormat = 'text' | 'zpl' | 'svg';
/** Label stock: 100×150 mm (4×6 in class) or A6 (105×148 mm). */
export type LabelSize = '100x150' | 'A6';
/** Printer resolution in dots per inch. */
export type LabelDpi = 203 | 300;

/**
 * The resident Unicode TrueType font of current Zebra (Link-OS) firmware, called with `^A@`.
 * Zebra's ZPL II Programming Guide describes `^A@` (font by name) and `^CI28` (UTF-8); the file
 * name `E:TT0003M_.TTF` is what Link-OS printers list for it on drive E: (`^XA^WDE:*.*^XZ`), and
 * public label code pairs it with `^CI28` for non-Latin-1 text (checked through a code search of
 * public repositories, e.g. `^A@N,…,E:TT0003M_.FNT` / `.TTF` with `^CI28`). Printers that lack it
 * take another name through `font`, or `fold: true`.
 */
export const DEFAULT_ZPL_FONT = 'E:TT0003M_.TTF';

/** Options for `renderLabel`. */
export interface RenderLabelOptions {
  /** `text` (fixed-width, for logs and terminals), `zpl` (ZPL II for Zebra printers) or `svg` (preview). */
  format: LabelFormat;
  /** A reveal token to put in the QR code next to the waybill id. It is not printed as text. */
  token?: string;
  /** Label stock; default `100x150`. */
  size?: LabelSize;
  /** Printer resolution; default 203. Sets ZPL dot positions and the SVG's coordinate grid. */
  dpi?: LabelDpi;
  /**
   * ZPL only: the scalable font `^A@` calls, as `drive:NAME.EXT` (e.g. `E:TT0003M_.TTF`,
   * `R:ARIALUNI.TTF`). Default {@link DEFAULT_ZPL_FONT}.
   */
  font?: string;
  /**
   * Print unaccented Vietnamese (`Phuong Thuong Dinh`, `32.000.000 VND`) for printers without a
   * Unicode font. In ZPL, when no `font` is named, text then uses the built-in `^A0` font.
   */
  fold?: boolean;
  /**
   * Which name masks the records may carry. Default `initials`: every word of a name must print as
   * one letter and `**` (or `***`). Records protected under a `given-name` policy pass
   * `'given-name'`, which also lets the last word be a name written in letters. A record whose
   * label shows more is refused with `INVALID_INPUT` (rule `name_mask`).
   */
  names?: LabelNameStyle;
  /**
   * Label a parcel whose stored acceptance decision is `refuse` (default false). Without it such a
   * record is refused with `RENDER_FAILED` (rule `refused_goods`): refused goods must not be
   * labelled for carriage. With it the label carries the mark `TỪ CHỐI/REFUSED`, e.g. for a
   * return-to-sender label.
   */
  allowRefused?: boolean;
}

/** Options after validation, defaults filled in. */
export interface ResolvedLabelOptions {
  format: LabelFormat;
  token: string | undefined;
  size: LabelSize;
  dpi: LabelDpi;
  /** `undefined` when fold is on and no font was named: use the built-in `^A0`. */
  font: string | undefined;
  fold: boolean;
  names: LabelNameStyle;
  allowRefused: boolean;
}

// Drive letter, name, extension: nothing that could close the command or start another.
const FONT_RE = /^[A-Z]:[A-Za-z0-9_\-]{1,16}\.(?:TTF|TTE|FNT|ttf|tte|fnt)$/;

const OptionsSchema = z.strictObject({
  format: z.enum(['text', 'zpl', 'svg']),
  token: z.string().optional(),
  size: z.enum(['100x150', 'A6']).optional(),
  dpi: z.union([z.literal(203), z.literal(300)]).optional(),
  font: z.string().max(24).regex(FONT_RE).optional(),
  fold: z.boolean().optional(),
  names: z.enum(['initials', 'given-name']).optional(),
  allowRefused: z.boolean().optional(),
});

/**
 * Validate label options.
 * @param opts - untrusted options
 * @returns resolved options
 * @throws WaybillShieldError `RENDER_FAILED` with issues such as `{ path: 'dpi', rule: 'enum' }`
 */
export function resolveLabelOptions(opts: unknown): ResolvedLabelOptions {
  if (typeof opts !== 'object' || opts === null) throw new WaybillShieldError('RENDER_FAILED', 'options must be an object with a format');
  let r;
  try {
    r = OptionsSchema.safeParse(opts);
  } catch {
    throw new WaybillShieldError('RENDER_FAILED', 'options could not be read');
  }
  if (!r.success) throw new WaybillShieldError('RENDER_FAILED', undefined, { issues: toIssues(r.error.issues as never) });
  const o = r.data;
  let token: string | undefined;
  if (o.token !== undefined) {
    token = canonicalToken(o.token);
    if (token === undefined) throw new WaybillShieldError('RENDER_FAILED', undefined, { issues: [{ path: 'token', rule: 'format' }] });
  }
  const fold = o.fold ?? false;
  return {
    format: o.format,
    token,
    size: o.size ?? '100x150',
    dpi: o.dpi ?? 203,
    font: o.font ?? (fold ? undefined : DEFAULT_ZPL_FONT),
    fold,
    names: o.names ?? 'initials',
    allowRefused: o.allowRefused ?? false,
  };
}
