/**
 * The reader's lookup structures laid out for speed give the answers of the plain ones they
 * replaced:
 * - the approximate-match buckets (keys ordered by length, masks in one typed array) hold every key
 *   of their scope, and the length range and mask test pick exactly the keys a scan of the whole
 *   scope with `withinOneEdit` finds;
 * - the repair pass's vocabulary test by word number says what the vocabulary set says;
 * - the gazetteer's units come in two hidden classes (current and historical), checked in a child
 *   process with V8's own test (`%HaveSameMap`): a spread once gave every historical unit a class
 *   of its own, which nothing but speed showed.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import '../../src/gazetteer.js';
import { defaultGazetteer } from '../../src/address/index.js';
import { fuzzyIndex, keyTries, letterMask, masksMayBeOneEditApart, nameWords, withinOneEdit, type FuzzyBucket } from '../../src/address/_index.js';
import { inVocabulary } from '../../src/address/_repair.js';
import { tokenize } from '../../src/address/_normalize.js';
import { UNIT_WORDS } from '../../src/address/_vocab.js';

const gz = defaultGazetteer();
const idx = fuzzyIndex(gz);
const buckets: Array<[string, FuzzyBucket]> = [['province', idx.province], ...[...idx.district].map(([g, b]): [string, FuzzyBucket] => [`district ${g}`, b]), ...[...idx.ward].map(([g, b]): [string, FuzzyBucket] => [`ward ${g}`, b])];

/** The keys the search reads for `key` (see `fuzzyMatchesAt`): its length range, then the mask test, then the edit test. */
function searched(b: FuzzyBucket, key: string): string[] {
  const top = b.maxLength + 1;
  const lo = Math.min(key.length - 1, top);
  const hi = Math.min(key.length + 2, top);
  const mask = letterMask(key);
  const out: string[] = [];
  for (let i = b.from[lo]!; i < b.from[hi]!; i++) if (masksMayBeOneEditApart(mask, b.masks[i]!) && withinOneEdit(key, b.keys[i]!)) out.push(b.keys[i]!);
  return out;
}

/** The same by reading every key of the scope. */
function scanned(b: FuzzyBucket, key: string): string[] {
  return [...b.keys].filter((k) => withinOneEdit(key, k));
}

describe('approximate-match buckets', () => {
  it('order each scope by key length, with offsets that bound each length', () => {
    expect(buckets.length).toBeGreaterThan(60);
    for (const [, b] of buckets) {
      expect(b.masks.length).toBe(b.keys.length);
      expect(b.entries.length).toBe(b.keys.length);
      expect(b.from.length).toBe(b.maxLength + 2);
      for (let i = 1; i < b.keys.length; i++) expect(b.keys[i]!.length).toBeGreaterThanOrEqual(b.keys[i - 1]!.length);
      for (let L = 0; L <= b.maxLength + 1; L++) expect(b.from[L]).toBe(b.keys.filter((k) => k.length < L).length);
      for (let i = 0; i < b.keys.length; i++) expect(b.masks[i]).toBe(letterMask(b.keys[i]!));
    }
  });

  it('hold every key of five or more letters of their scope, with its entries', () => {
    const wardKeys = new Map<string, number>();
    for (const [key, list] of gz.wardKeys) {
      if (key.replace(/ /g, '').length < 5 || /\d/.test(key)) continue;
      for (const e of list) {
        const g = `${e.unit.scheme}:${e.province}`;
        wardKeys.set(`${g}|${key}`, (wardKeys.get(`${g}|${key}`) ?? 0) + 1);
      }
    }
    let n = 0;
    for (const [g, b] of idx.ward) {
      for (let i = 0; i < b.keys.length; i++) {
        expect(wardKeys.get(`${g}|${b.keys[i]}`)).toBe(b.entries[i]!.length);
        n++;
      }
    }
    expect(n).toBe(wardKeys.size);
  });

  it('find by length range and mask exactly the keys one edit away that a scan of the scope finds', () => {
    const letters = 'abcdeghiklmnopqrstuvxy ';
    const query = fc
      .tuple(fc.constantFrom(...buckets), fc.nat(), fc.constantFrom('none', 'substitute', 'insert', 'delete', 'swap'), fc.nat(), fc.constantFrom(...letters))
      .filter(([[, b]]) => b.keys.length > 0)
      .map(([[name, b], ki, edit, pos, ch]) => {
        const k = b.keys[ki % b.keys.length]!;
        const p = pos % k.length;
        const q =
          edit === 'substitute'
            ? k.slice(0, p) + ch + k.slice(p + 1)
            : edit === 'insert'
              ? k.slice(0, p) + ch + k.slice(p)
              : edit === 'delete'
                ? k.slice(0, p) + k.slice(p + 1)
                : edit === 'swap' && p + 1 < k.length
                  ? k.slice(0, p) + k[p + 1] + k[p] + k.slice(p + 2)
                  : k;
        return { name, b, q };
      });
    fc.assert(
      fc.property(query, ({ b, q }) => {
        expect(searched(b, q)).toEqual(scanned(b, q));
      }),
      { numRuns: 3000, seed: 0x1a70 },
    );
  });
});

describe('the repair pass’s vocabulary test', () => {
  const words = nameWords(gz, [...new Set(UNIT_WORDS.flatMap((w) => w.words))]);
  const unitWords = new Set(UNIT_WORDS.flatMap((w) => w.words));
  const tries = keyTries(gz);

  it('says what the vocabulary set says, for every vocabulary word and for words outside it', () => {
    const texts = [...words];
    texts.push('gan cho dong xuan', 'ouan', 'cẩrn phả', 'khach san', 'toa nha', 'ngo 12', '0123 4567', '012', 'hem', 'giao gio hanh chinh');
    let inside = 0;
    for (const text of texts) {
      for (const t of tokenize(text, undefined, tries)) {
        const want = words.has(t.key);
        if (want) inside++;
        expect(inVocabulary(t, words, unitWords, tries), t.key).toBe(want);
      }
    }
    expect(words.size).toBeGreaterThan(1000);
    expect(inside).toBeGreaterThan(0.9 * words.size);
  });

  it('agrees on tokens made without word numbers (looked up and kept on the token)', () => {
    for (const text of ['Phường Bến Nghé', 'Hu yện Đức Hòa', 'gần chợ']) {
      for (const t of tokenize(text)) expect(inVocabulary(t, words, unitWords, tries)).toBe(words.has(t.key));
    }
  });
});

describe('unit objects', () => {
  it('come in two hidden classes, current and historical (V8, in a child process)', () => {
    const script = fileURLToPath(new URL('./_unit-classes.mts', import.meta.url));
    const out = execFileSync(process.execPath, ['--allow-natives-syntax', '--import', 'tsx', script], { encoding: 'utf8' });
    const { classes, current, historical } = JSON.parse(out) as { classes: number; current: number; historical: number };
    expect(historical).toBeGreaterThan(1800);
    expect(current).toBeGreaterThan(14000);
    expect(classes).toBe(2);
  }, 60_000);
});
