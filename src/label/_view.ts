/**
 * The label view: what a printed label may show, taken from a `ProtectedWaybill` that is checked
 * first (a record read back from a file or a queue is untrusted input), cleaned and formatted
 * once, and then drawn by each renderer.
 *
 * Only the label part of the record, the routing units and the goods flags are read. Sealed
 * envelopes and blind indexes are never looked at, so they can never reach a label.
 * @module
 * @internal
 */
import { z } from 'zod';
import { WaybillShieldError } from '../errors.js';
import { LIMITS } from '../_limits.js';
import { toIssues } from '../_issues.js';
import { cleanText, foldVietnamese, formatVnd, formatWeight } from './_format.js';
import { labelQrPayload } from './qr.js';
import { checkLabelMasks, type LabelNameStyle } from './_checks.js';
import { handlingMarks } from './_marks.js';
import { TYPE_WORD } from '../address/type-words.js';

//#region record check

const ID_RE = /^[A-Za-z0-9][A-Za-z0-9._\-]*$/;
// Masked strings are short; the bound only keeps a hostile record from costing much to lay out.
const str = (max: number) => z.string().max(max);

const party = z.object({ name: str(1_000), phone: str(200), address: str(2_000) });

const unit = z
  .object({
    code: str(32).optional(),
    name: str(200).optional(),
    fullName: str(250).optional(),
    type: str(32).optional(),
    scheme: str(16).optional(),
  })
  .nullable()
  .optional();

const routing = z
  .object({
    scheme: str(16).nullable().optional(),
    province: unit,
    district: unit,
    ward: unit,
    in2025: z.object({ province: unit, ward: unit }).nullable().optional(),
  })
  .nullable()
  .optional();

/** The parts of a `ProtectedWaybill` a label reads. Extra fields are allowed and ignored. */
const LabelRecordSchema = z.object({
  v: z.literal(1),
  id: z.string().min(1).max(LIMITS.id).regex(ID_RE),
  label: z.object({
    recipient: party,
    sender: party,
    goods: str(500),
    codAmount: z.number().int().min(0).max(LIMITS.maxMoney).optional(),
    weightGrams: z.number().int().min(1).max(LIMITS.maxWeightGrams).optional(),
  }),
  routing: z.object({ recipient: routing, sender: routing }).optional(),
  goods: z
    .object({
      flags: z.array(str(32)).max(32).optional(),
      acceptance: z.object({ decision: z.enum(['accept', 'inspect', 'road-only', 'refuse']) }).optional(),
    })
    .optional(),
});

type LabelRecord = z.output<typeof LabelRecordSchema>;
type RoutingUnitLike = NonNullable<z.output<typeof unit>>;
type RoutingLike = NonNullable<z.output<typeof routing>>;

function checkRecord(p: unknown): LabelRecord {
  let r;
  try {
    r = LabelRecordSchema.safeParse(p);
  } catch {
    throw new WaybillShieldError('INVALID_INPUT', 'not a ProtectedWaybill');
  }
  if (!r.success) {
    throw new WaybillShieldError('INVALID_INPUT', 'not a ProtectedWaybill', { issues: toIssues(r.error.issues as never) });
  }
  return r.data;
}

//#endregion

//#region view

/** Everything a renderer draws, already cleaned, formatted and (when asked) folded. */
export interface LabelView {
  /** Waybill id: ASCII, safe for Code 128. */
  id: string;
  /** Sort lines with codes: province, ward, legacy district when given, 2025 equivalent of a legacy address. */
  routing: string[];
  recipient: { name: string; phone: string; address: string };
  sender: { name: string; phone: string; address: string };
  /** Goods category label, possibly empty. */
  goods: string;
  /** Handling marks as printed words (`_marks.ts`): decision first, then flags. */
  flags: string[];
  /** COD line value, e.g. `32.000.000 ₫`; `-` when the record carries no amount (none, or hidden by policy). */
  cod: string;
  /** Weight, e.g. `1,25 kg`, or `''` when unknown. */
  weight: string;
  /** The QR payload: waybill id and, when given, the reveal token. Nothing else. */
  qr: string;
  /** Whether a token is in the QR. */
  hasToken: boolean;
}

/** Fixed captions, in Vietnamese with the English word. */
export interface Captions {
  sort: string;
  to: string;
  from: string;
  goods: string;
  cod: string;
  weight: string;
  noRouting: string;
  qrToken: string;
  qrPlain: string;
}

const CAPTIONS: Captions = {
  sort: 'PHÂN LOẠI / SORT',
  to: 'NGƯỜI NHẬN / TO',
  from: 'NGƯỜI GỬI / FROM',
  goods: 'HÀNG HÓA / GOODS',
  cod: 'THU HỘ / COD',
  weight: 'KHỐI LƯỢNG / WEIGHT',
  noRouting: 'Chưa định tuyến / not routed',
  qrToken: 'Mã QR: mã vận đơn + mã xem của bưu tá',
  qrPlain: 'Mã QR: mã vận đơn',
};

function unitText(u: RoutingUnitLike | null | undefined, withUnitWord: boolean): string {
  if (!u) return '';
  const name = cleanText(u.name ?? '');
  let shown = cleanText(u.fullName ?? '');
  if (!shown) {
    const word = withUnitWord && u.type !== undefined ? (TYPE_WORD as Readonly<Record<string, string>>)[u.type] : undefined;
    shown = word && name ? `${word} ${name}` : name;
  } else if (!withUnitWord && name) {
    shown = name;
  }
  const code = cleanText(u.code ?? '');
  if (!shown && !code) return '';
  return code ? `${shown}${shown ? ' ' : ''}[${code}]` : shown;
}

function routingLines(r: RoutingLike | null | undefined): string[] {
  if (!r) return [];
  const lines: string[] = [];
  const province = unitText(r.province, false);
  if (province) lines.push(province);
  const ward = unitText(r.ward, true);
  if (ward) lines.push(ward);
  const district = unitText(r.district, true);
  if (district) lines.push(district);
  if (r.scheme === 'legacy' && r.in2025) {
    // The province is named again only when the 2025 one differs from the legacy one.
    const sameProvince = r.in2025.province?.code !== undefined && r.in2025.province.code === r.province?.code;
    const next = [unitText(r.in2025.ward, true), sameProvince ? '' : unitText(r.in2025.province, false)].filter((s) => s.length > 0).join(', ');
    if (next) lines.push(`2025: ${next}`);
  }
  return lines;
}

/**
 * Check a record, re-apply the masks' rules to what it would print, and build its label view.
 *
 * @param p - a `ProtectedWaybill` (untrusted)
 * @param token - a reveal token already checked by the options validator, or undefined
 * @param fold - print unaccented text
 * @param names - the name masks the label may carry (`initials` unless the records were protected with `given-name`)
 * @param allowRefused - label a parcel whose stored acceptance decision is `refuse`
 * @returns the view
 * @throws WaybillShieldError `INVALID_INPUT` with issues (paths and rules, never values);
 *   `RENDER_FAILED` (rule `refused_goods`) for refused goods unless `allowRefused`
 */
export function buildView(p: unknown, token: string | undefined, fold: boolean, names: LabelNameStyle = 'initials', allowRefused = false): { view: LabelView; captions: Captions } {
  const rec = checkRecord(p);
  checkLabelMasks(rec, names);
  const f = fold ? foldVietnamese : (s: string) => s;
  const t = (s: string) => f(cleanText(s));
  const goods = t(rec.label.goods);
  const flags = handlingMarks(rec.goods?.flags ?? [], rec.goods?.acceptance?.decision, goods.length > 0, allowRefused).map(f);
  const view: LabelView = {
    id: rec.id,
    routing: routingLines(rec.routing?.recipient).map(f),
    recipient: { name: t(rec.label.recipient.name), phone: t(rec.label.recipient.phone), address: t(rec.label.recipient.address) },
    sender: { name: t(rec.label.sender.name), phone: t(rec.label.sender.phone), address: t(rec.label.sender.address) },
    goods,
    flags,
    cod: rec.label.codAmount === undefined ? '-' : f(formatVnd(rec.label.codAmount)),
    weight: rec.label.weightGrams === undefined ? '' : formatWeight(rec.label.weightGrams),
    qr: labelQrPayload(rec.id, token),
    hasToken: token !== undefined,
  };
  const captions = fold
    ? (Object.fromEntries(Object.entries(CAPTIONS).map(([k, v]) => [k, foldVietnamese(v)])) as unknown as Captions)
    : CAPTIONS;
  return { view, captions };
}

//#endregion
