/**
 * Shared pieces of the differential corpora (address, phone, goods): a seeded PRNG, so a generated
 * part is the same on every run, and the string literals of a TypeScript source file.
 * @module
 */
import { readFileSync } from 'node:fs';
import type * as TS from 'typescript';

/**
 * mulberry32: a small deterministic PRNG.
 * @param seed - any 32-bit seed
 * @returns a function giving the next number in [0, 1)
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Every string literal and substitution-free template literal of a TypeScript file, in order.
 * @param ts - the `typescript` module (loaded only by the callers that record a corpus)
 * @param file - the file's path or file URL
 * @returns the literals' texts
 */
export function stringLiterals(ts: typeof TS, file: string | URL): string[] {
  const name = typeof file === 'string' ? file : file.pathname;
  const sf = ts.createSourceFile(name, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const out: string[] = [];
  const visit = (n: TS.Node): void => {
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) out.push(n.text);
    n.forEachChild(visit);
  };
  visit(sf);
  return out;
}
