/**
 * Repairs of scanning and typing damage inside words, done once on the tokens before matching, and
 * only where the gazetteer's vocabulary confirms the repair (a word that is no unit-name word becomes
 * one):
 * - digit look-alikes inside a word: `K0N TUM` → `kon tum`, `1ong` → `long`;
 * - a word broken by a space: `Hu yện`, `Tĩ nh` → `huyen`, `tinh`;
 * - a unit word glued to the name after it in capitals: `XÃMỘC HOÁ`, `TỈNHNGHỆ AN`;
 * - a unit word with one letter wrong or missing: `Pường`, `Hyện` → `phuong`, `huyen`;
 * - a scanner's letter look-alikes: `Q` read as `O` (`Ouận`, `Ouảng Ngãi`), `m` read as `rn`
 *   (`Cẩrn Phả`), `l` read as `I` (`Vĩnh Iong`); no Vietnamese syllable starts with `ou` or holds
 *   `rn`, so neither is a word as written;
 * - a number read as letters after a numbered unit's word: `Phường l2`, `Quận I`, `P.IO` → `12`,
 *   `1`, `10`; and `O` for `Q` before such a number at the start of a segment (`O.11`, `O 7`).
 * Each token is looked at once, so the pass is linear in the input.
 * @module
 * @internal
 */

import { withinOneEdit, WID_UNKNOWN, type KeyTries } from './_index.js';
import { cutAfterLetters, isAllDigits, startsWithDigit, widOf, type Token } from './_normalize.js';
import { wordFacts } from './_vocab.js';

/** Unit words that may be glued in front of a name, longest first. */
const GLUED_UNIT_WORDS: readonly string[] = ['thanhpho', 'thitran', 'phuong', 'huyen', 'thixa', 'quan', 'tinh', 'xa'];
/** Unit words long enough to recognise with one letter wrong. */
const LONG_UNIT_WORDS: readonly string[] = ['phuong', 'huyen'];
/** One-word unit words of the levels whose units may be numbered (`Phường 12`, `Quận 10`, `F7`, `Ward 3`). */
const NUMBERED_UNIT_WORDS: ReadonlySet<string> = new Set(['phuong', 'p', 'f', 'quan', 'q', 'ward', 'district']);

/**
 * The number a scanner read as letters: `l`, `i` (from `I`) for 1 and `o` for 0, mixed with digits,
 * one or two characters (no unit's number has three). `null` when `k` holds anything else or no
 * look-alike at all.
 */
function numberLookalike(k: string): string | null {
  if (k.length === 0 || k.length > 2) return null;
  let out = '';
  let letter = false;
  for (let i = 0; i < k.length; i++) {
    const c = k.charCodeAt(i);
    if (c >= 48 && c <= 57) out += k[i];
    else if (c === 108 || c === 105) {
      out += '1';
      letter = true;
    } else if (c === 111) {
      out += '0';
      letter = true;
    } else return null;
  }
  // A leading zero is no unit's number (`O1`, `lO` is 10): `o` first stays letters.
  return letter && out.charCodeAt(0) !== 48 ? out : null;
}

/**
 * The word a scanner's letter look-alikes made of a real word: `ou…` → `qu…` (`Q` read as `O`),
 * `rn` → `m`, and a first `i` → `l` (`l` read as `I`: `l` only ever starts a Vietnamese syllable,
 * while `i` sits inside many, `Bia` among them), alone or together; `null` unless the result is in
 * `words`.
 */
function letterLookalike(k: string, words: ReadonlySet<string>): string | null {
  const q = k.length > 2 && k.charCodeAt(0) === 111 && k.charCodeAt(1) === 117 ? `qu${k.slice(2)}` : k;
  const m = k.includes('rn') ? q.replaceAll('rn', 'm') : q;
  if (m !== k && words.has(m)) return m;
  if (m.charCodeAt(0) === 105) {
    const l = `l${m.slice(1)}`;
    if (words.has(l)) return l;
  }
  return null;
}

/** The long unit word within one edit of `k`, if any. */
function longUnitWordNear(k: string): string | undefined {
  for (const w of LONG_UNIT_WORDS) if (withinOneEdit(k, w)) return w;
  return undefined;
}

function letters(k: string): boolean {
  for (let i = 0; i < k.length; i++) {
    const c = k.charCodeAt(i);
    if (c < 97 || c > 122) return false;
  }
  return k.length > 0;
}

function hasDigitAndLetter(k: string): boolean {
  let d = false;
  let l = false;
  for (let i = 0; i < k.length; i++) {
    const c = k.charCodeAt(i);
    if (c >= 48 && c <= 57) d = true;
    else l = true;
  }
  return d && l;
}

/**
 * Whether token `t`'s word is in the vocabulary: `words.has(t.key)`, answered from its word number in
 * the tries (the vocabulary is the tries' words and the unit words) when the token's key is its
 * match, as every word's is: the number is on the token already, or looked up once and kept there,
 * where a probe of the large vocabulary set was a memory access of its own for every word.
 * @internal exported for its test
 */
export function inVocabulary(t: Token, words: ReadonlySet<string>, unitWords: ReadonlySet<string>, tries: KeyTries): boolean {
  if (t.key !== t.match) return words.has(t.key);
  return widOf(tries, t) >= 0 || unitWords.has(t.key);
}

function withKey(t: Token, key: string, start = t.start, end = t.end, sep = t.sep, brk = t.brk): Token {
  return { key, match: key, start, end, sep, brk, noise: t.noise, paren: t.paren, facts: key === t.key ? t.facts : wordFacts(key), wid: t.match === key ? t.wid : WID_UNKNOWN };
}

/**
 * Repair damaged words.
 *
 * @param tokens - tokens of the input
 * @param text - the input
 * @param words - every word of every unit name and unit word of the gazetteer (folded)
 * @param unitWords - the words of unit words (`phuong`, `huyen`, `tinh`, …)
 * @param tries - the gazetteer's key tries, whose words are `words` less `unitWords`
 * @param lookalikes - receives the start offset of each word read through a scanner's look-alikes
 *   (letters or a number), so that a name made of one counts as misspelt
 * @returns the same array when nothing needed repair, else a new one
 */
export function repairTokens(tokens: Token[], text: string, words: ReadonlySet<string>, unitWords: ReadonlySet<string>, tries: KeyTries, lookalikes: number[]): Token[] {
  // The repaired tokens, started (as a copy of the tokens before the first repair) at the first
  // repair: until then nothing is copied. Plain statements rather than a helper closure, which would
  // be made on every call.
  let out: Token[] | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const known = inVocabulary(t, words, unitWords, tries);
    const n = tokens[i + 1];
    // The token before this one as repaired so far.
    const prev = out !== null ? out[out.length - 1] : tokens[i - 1];
    // A number read as letters after a numbered unit's word, as the whole name: the segment ends or
    // the next unit's word follows (`Phường l2,`, `Quận lO Tp. …`). Vị Thanh's `Phường I` is named so,
    // but that address reads whole in the first pass, which a reading of `Phường 1` must beat.
    // The tokenizer splits `lO` before the capital: such a pair is read as one.
    if (!t.noise && prev !== undefined && !t.brk && !prev.noise && prev.facts.unitWords !== undefined && NUMBERED_UNIT_WORDS.has(prev.key)) {
      const pair = n !== undefined && n.sep === '' && t.key.length === 1 && n.key.length === 1;
      const last = pair ? n : t;
      const after = tokens[pair ? i + 2 : i + 1];
      const num = after === undefined || after.brk || after.noise || after.facts.unitWords !== undefined ? numberLookalike(pair ? t.key + n.key : t.key) : null;
      if (num !== null && words.has(num)) {
        lookalikes.push(t.start);
        (out ??= tokens.slice(0, i)).push(withKey(t, num, t.start, last.end));
        if (pair) i++;
        continue;
      }
    }
    // `O` for `Q` (`Quận`) before a number, at the start of a segment: `O.11`, `O 7`, `O l2`.
    if (t.key === 'o' && (prev === undefined || t.brk) && n !== undefined && !n.brk && (isAllDigits(n.key) || numberLookalike(n.key) !== null)) {
      (out ??= tokens.slice(0, i)).push(withKey(t, 'q'));
      continue;
    }
    // A word broken in two by a space: join with the next when together they are a word and one
    // part alone is not (or together they are a unit word: `Hu yện`, `Tĩ nh`).
    if (
      !t.noise &&
      n !== undefined &&
      !n.brk &&
      !n.noise &&
      n.sep === ' ' &&
      (!known || t.key.length <= 3 || n.key.length <= 3 || !inVocabulary(n, words, unitWords, tries)) &&
      letters(t.key) &&
      letters(n.key)
    ) {
      const k = t.key + n.key;
      if (words.has(k) && (!known || !inVocabulary(n, words, unitWords, tries) || (k.length >= 4 && unitWords.has(k)))) {
        (out ??= tokens.slice(0, i)).push(withKey(t, k, t.start, n.end));
        i++;
        continue;
      }
    }
    if (t.noise || known) {
      if (out !== null) out.push(t);
      continue;
    }
    // Digit look-alikes.
    if (!startsWithDigit(t.key) && hasDigitAndLetter(t.key)) {
      const k = t.key.replace(/0/g, 'o').replace(/1/g, 'l');
      // With letter look-alikes too: `Ou0c` is `Ouoc`, so `Quốc`.
      const r = words.has(k) ? k : letters(k) ? letterLookalike(k, words) : null;
      if (r !== null) {
        if (r !== k) lookalikes.push(t.start);
        (out ??= tokens.slice(0, i)).push(withKey(t, r));
        continue;
      }
    }
    // A scanner's letter look-alikes (`Ouận`, `Cẩrn Phả`).
    if (letters(t.key)) {
      const k = letterLookalike(t.key, words);
      if (k !== null) {
        lookalikes.push(t.start);
        (out ??= tokens.slice(0, i)).push(withKey(t, k));
        continue;
      }
    }
    // A unit word glued to the name after it.
    if (letters(t.key)) {
      let done = false;
      for (const u of GLUED_UNIT_WORDS) {
        if (t.key.length > u.length + 1 && t.key.startsWith(u) && words.has(t.key.slice(u.length))) {
          const cut = cutAfterLetters(text, t.start, t.end, u.length);
          const unitTokens = u === 'thanhpho' ? ['thanh', 'pho'] : u === 'thitran' ? ['thi', 'tran'] : u === 'thixa' ? ['thi', 'xa'] : [u];
          const parts: Token[] = unitTokens.map((w, k) => withKey(t, w, t.start, cut, k === 0 ? t.sep : ' ', k === 0 ? t.brk : false));
          parts.push(withKey(t, t.key.slice(u.length), cut, t.end, '', false));
          out ??= tokens.slice(0, i);
          for (const p of parts) out.push(p);
          done = true;
          break;
        }
      }
      if (done) continue;
      // A long unit word with one letter wrong, missing or doubled, before a name in its segment.
      if (t.key.length >= 4 && n !== undefined && !n.brk) {
        const u = longUnitWordNear(t.key);
        if (u !== undefined) {
          (out ??= tokens.slice(0, i)).push(withKey(t, u));
          continue;
        }
      }
    }
    if (out !== null) out.push(t);
  }
  return out ?? tokens;
}
