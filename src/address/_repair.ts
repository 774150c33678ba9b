/**
 * Repairs of scanning and typing damage inside words, done once on the tokens before matching, and
 * only where the gazetteer's vocabulary confirms the repair (a word that is no unit-name word becomes
 * one):
 * - digit look-alikes inside a word: `K0N TUM` → `kon tum`, `1ong` → `long`;
 * - a word broken by a space: `Hu yện`, `Tĩ nh` → `huyen`, `tinh`;
 * - a unit word glued to the name after it in capitals: `XÃMỘC HOÁ`, `TỈNHNGHỆ AN`;
 * - a unit word with one letter wrong or missing: `Pường`, `Hyện` → `phuong`, `huyen`.
 * Each token is looked at once, so the pass is linear in the input.
 * @module
 * @internal
 */

import { withinOneEdit, WID_UNKNOWN } from './_index.js';
import { cutAfterLetters, startsWithDigit, type Token } from './_normalize.js';
import { wordFacts } from './_vocab.js';

/** Unit words that may be glued in front of a name, longest first. */
const GLUED_UNIT_WORDS: readonly string[] = ['thanhpho', 'thitran', 'phuong', 'huyen', 'thixa', 'quan', 'tinh', 'xa'];
/** Unit words long enough to recognise with one letter wrong. */
const LONG_UNIT_WORDS: readonly string[] = ['phuong', 'huyen'];

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
 * @returns the same array when nothing needed repair, else a new one
 */
export function repairTokens(tokens: Token[], text: string, words: ReadonlySet<string>, unitWords: ReadonlySet<string>): Token[] {
  let out: Token[] | null = null;
  const push = (i: number, ts: Token[]): void => {
    if (out === null) out = tokens.slice(0, i);
    out.push(...ts);
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const known = words.has(t.key);
    const n = tokens[i + 1];
    // A word broken in two by a space: join with the next when together they are a word and one
    // part alone is not (or together they are a unit word: `Hu yện`, `Tĩ nh`).
    if (
      !t.noise &&
      n !== undefined &&
      !n.brk &&
      !n.noise &&
      n.sep === ' ' &&
      (!known || t.key.length <= 3 || n.key.length <= 3 || !words.has(n.key)) &&
      letters(t.key) &&
      letters(n.key)
    ) {
      const k = t.key + n.key;
      if (words.has(k) && (!known || !words.has(n.key) || (k.length >= 4 && unitWords.has(k)))) {
        push(i, [withKey(t, k, t.start, n.end)]);
        i++;
        continue;
      }
    }
    if (t.noise || known) {
      if (out !== null) (out as Token[]).push(t);
      continue;
    }
    // Digit look-alikes.
    if (!startsWithDigit(t.key) && hasDigitAndLetter(t.key)) {
      const k = t.key.replace(/0/g, 'o').replace(/1/g, 'l');
      if (words.has(k)) {
        push(i, [withKey(t, k)]);
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
          push(i, parts);
          done = true;
          break;
        }
      }
      if (done) continue;
      // A long unit word with one letter wrong, missing or doubled, before a name in its segment.
      if (t.key.length >= 4 && n !== undefined && !n.brk) {
        const u = LONG_UNIT_WORDS.find((w) => withinOneEdit(t.key, w));
        if (u !== undefined) {
          push(i, [withKey(t, u)]);
          continue;
        }
      }
    }
    if (out !== null) (out as Token[]).push(t);
  }
  return out ?? tokens;
}
