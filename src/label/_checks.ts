/**
 * The masks' own rules, re-applied to a record before it is drawn. A `ProtectedWaybill` may have
 * been built by hand, edited in a database or read from an untrusted file, so `renderLabel` does
 * not trust that its `label.*` strings came out of `maskName` and `maskPhone`. It checks the text
 * that would actually be printed (after cleaning), and refuses the whole label when any field
 * shows more than a mask could:
 *
 * | field | rule id | what is allowed |
 * |---|---|---|
 * | `label.*.name` | `name_mask` | initials only: words `X**` (one letter and `**`) or `***`; with `names: 'given-name'`, the last word may also be a name written in letters |
 * | `label.*.phone` | `phone_mask` | an optional `+CC ` calling code, then at most {@link MAX_KEPT_RUN} digits, at least {@link MIN_HIDDEN_DIGITS} `*`, at most {@link MAX_KEPT_RUN} digits |
 * | `label.*.address`, `label.goods`, routing names | `digit_run` | no 4 or more digits in a stretch without letters (`0901 234-567`, full-width digits included) |
 * | routing `code` | `format` | 1 to 5 ASCII digits, as administrative unit codes are |
 *
 * Errors carry the field path and the rule id, never the value.
 * @module
 * @internal
 */
import { WaybillShieldError, type Issue } from '../errors.js';
import { MAX_KEPT_RUN, MIN_HIDDEN_DIGITS } from '../mask/phone.js';
import { cleanText } from './_format.js';

/** Which name masks a label may carry. */
export type LabelNameStyle = 'initials' | 'given-name';

// One letter (or `*` for a letterless word) followed by the fixed `**` of maskName.
const INITIAL_WORD = /^[\p{L}*]\*\*$/u;
// maskName keeps a given name only when it is letters, marks, hyphens and apostrophes.
const GIVEN_WORD = /^[\p{L}\p{M}'’-]+$/u;
const PHONE_MASK = new RegExp(`^(?:\\+[0-9]{1,3} )?([0-9]{0,${MAX_KEPT_RUN}})(\\*{${MIN_HIDDEN_DIGITS},})([0-9]{0,${MAX_KEPT_RUN}})$`);
const UNIT_CODE = /^[0-9]{1,5}$/;
/** A stretch without letters: digits there read as one number, whatever separates them. */
const LETTERLESS = /[^\p{L}]+/gu;
const DIGIT = /\p{Nd}/gu;

/** True when `name` (cleaned) is a mask `maskName` could have produced under `style`. */
function nameOk(name: string, style: LabelNameStyle): boolean {
  if (name === '') return true;
  const words = name.split(' ');
  const last = words.length - 1;
  return words.every((w, i) => INITIAL_WORD.test(w) || (style === 'given-name' && i === last && GIVEN_WORD.test(w)));
}

/** True when `phone` (cleaned) keeps no more digits than a phone mask may. */
function phoneOk(phone: string): boolean {
  return phone === '' || PHONE_MASK.test(phone);
}

/** True when no letterless stretch of `s` holds 4 or more digits (any script's digits). */
function digitRunOk(s: string): boolean {
  for (const m of s.normalize('NFKC').matchAll(LETTERLESS)) {
    if ((m[0].match(DIGIT)?.length ?? 0) > MAX_KEPT_RUN) return false;
  }
  return true;
}

/** The record parts the checks read: what `_view.ts` has already shape-checked. */
export interface CheckedParts {
  label: {
    recipient: { name: string; phone: string; address: string };
    sender: { name: string; phone: string; address: string };
    goods: string;
  };
  routing?: Partial<Record<'recipient' | 'sender', RoutingParts | null | undefined>> | undefined;
}

type UnitParts = { code?: string | undefined; name?: string | undefined; fullName?: string | undefined } | null | undefined;
interface RoutingParts {
  province?: UnitParts;
  district?: UnitParts;
  ward?: UnitParts;
  in2025?: { province?: UnitParts; ward?: UnitParts } | null | undefined;
}

function checkUnit(u: UnitParts, path: string, issues: Issue[]): void {
  if (!u) return;
  if (u.code !== undefined && !UNIT_CODE.test(u.code)) issues.push({ path: `${path}.code`, rule: 'format' });
  for (const k of ['name', 'fullName'] as const) {
    const v = u[k];
    if (v !== undefined && !digitRunOk(cleanText(v))) issues.push({ path: `${path}.${k}`, rule: 'digit_run' });
  }
}

/**
 * Re-apply the mask rules to everything a label prints from a record.
 *
 * @param rec - the shape-checked record parts
 * @param names - the name masks allowed (`initials` unless the caller protected with `given-name`)
 * @throws WaybillShieldError `INVALID_INPUT` listing every failing field with its rule id
 *   (`name_mask`, `phone_mask`, `digit_run`, `format`); never a value
 * @internal
 */
export function checkLabelMasks(rec: CheckedParts, names: LabelNameStyle): void {
  const issues: Issue[] = [];
  for (const who of ['recipient', 'sender'] as const) {
    const party = rec.label[who];
    if (!nameOk(cleanText(party.name), names)) issues.push({ path: `label.${who}.name`, rule: 'name_mask' });
    if (!phoneOk(cleanText(party.phone))) issues.push({ path: `label.${who}.phone`, rule: 'phone_mask' });
    if (!digitRunOk(cleanText(party.address))) issues.push({ path: `label.${who}.address`, rule: 'digit_run' });
  }
  if (!digitRunOk(cleanText(rec.label.goods))) issues.push({ path: 'label.goods', rule: 'digit_run' });
  for (const who of ['recipient', 'sender'] as const) {
    const r = rec.routing?.[who];
    if (!r) continue;
    for (const k of ['province', 'district', 'ward'] as const) checkUnit(r[k], `routing.${who}.${k}`, issues);
    if (r.in2025) for (const k of ['province', 'ward'] as const) checkUnit(r.in2025[k], `routing.${who}.in2025.${k}`, issues);
  }
  if (issues.length > 0) throw new WaybillShieldError('INVALID_INPUT', 'the record shows more than its masks allow', { issues });
}
