/**
 * Door-level parsing: splits what is left of an address once the routing units are matched into house
 * number, alley chain (ngõ/ngách/hẻm/kiệt, `123/4/5B`), sub-ward unit (tổ, khu phố, ấp, thôn, …),
 * building/room and street. One left-to-right pass over the tokens.
 * @module
 * @internal
 */

import { soleMark, startsWithDigit, type Token } from './_normalize.js';
import type { DoorKind, DoorWord } from './_vocab.js';

/** A door-level part as a token range `[from, to)`. */
export interface DoorPiece {
  readonly kind: DoorKind;
  readonly from: number;
  readonly to: number;
}


function matchDoorWord(tokens: readonly Token[], i: number, end: number, atStart: boolean): DoorWord | null {
  if (i >= end) return null;
  const candidates = tokens[i]!.facts.doorWords;
  if (candidates === undefined) return null;
  for (const w of candidates) {
    const n = w.words.length;
    if (i + n > end) continue;
    let ok = true;
    for (let k = 0; k < n && ok; k++) {
      // The first word is the token whose facts listed `w`, so its key needs no comparing.
      if (k > 0 && tokens[i + k]!.key !== w.words[k]) ok = false;
      // A multi-word keyword does not run across a comma.
      if (k > 0 && tokens[i + k]!.brk) ok = false;
    }
    if (!ok) continue;
    if (w.segmentStart && !atStart) continue;
    if (w.needsNumber) {
      const next = tokens[i + n];
      if (i + n >= end || next === undefined || next.brk || !startsWithDigit(next.key)) continue;
    }
    return w;
  }
  return null;
}

/** Index after a number chain starting at `j`: `12`, `12/3`, `12/3/5B`, `12-14`. */
function chainEnd(tokens: readonly Token[], j: number, end: number): number {
  let k = j + 1;
  while (k < end) {
    const t = tokens[k]!;
    // Joined by `/`, `-` or `\` (white space around allowed).
    const c = soleMark(t.sep);
    if ((c === 47 || c === 45 || c === 92) && startsWithDigit(t.key)) k++;
    else if (t.sep.length === 0) k++; // glued split (never here in practice)
    else break;
  }
  return k;
}

/**
 * Parse the door-level tokens `tokens[from, to)` (noise tokens are skipped).
 *
 * @param tokens - all tokens of the address
 * @param from - first token index
 * @param to - end token index (exclusive): where the routing units begin
 * @returns pieces in input order
 */
export function parseDoor(tokens: readonly Token[], from: number, to: number): DoorPiece[] {
  // Work on the live tokens as a compact array so noise in the middle is transparent; `live` maps
  // back to indices in `tokens`.
  // Without noise from the first token on, the tokens themselves are that array (`live` = null:
  // indices map to themselves), and nothing is copied.
  let clean = from === 0;
  for (let i = from; i < to && clean; i++) if (tokens[i]!.noise) clean = false;
  let live: number[] | null = null;
  let ts: readonly Token[] = tokens;
  if (!clean) {
    const l: number[] = [];
    const t: Token[] = [];
    for (let i = from; i < to; i++) {
      if (!tokens[i]!.noise) {
        l.push(i);
        t.push(tokens[i]!);
      }
    }
    live = l;
    ts = t;
  }
  const pieces: DoorPiece[] = [];
  const n = clean ? to : ts.length;
  let hasHouse = false;
  let hasStreet = false;
  let i = 0;
  let segStart = 0;
  // No closures below: they would be allocated per call (and per token), which costs more than the
  // parsing they do.
  while (i < n) {
    if (ts[i]!.brk) segStart = i;
    const atStart = i === segStart;
    const kw = matchDoorWord(ts, i, n, atStart);
    if (kw !== null) {
      let j = i + kw.words.length;
      switch (kw.kind) {
        case 'houseNumber': {
          if (j < n && !ts[j]!.brk && startsWithDigit(ts[j]!.key)) {
            const e = chainEnd(ts, j, n);
            splitChain(ts, live, j, e, pieces);
            hasHouse = true;
            j = e;
          }
          i = j;
          break;
        }
        case 'alley': {
          // ngõ 12 ngách 3 hẻm 5 …, or a named alley (ngõ Văn Chương).
          let k = i;
          while (k < n) {
            const w = matchDoorWord(ts, k, n, false);
            if (k > i && (w === null || w.kind !== 'alley' || ts[k]!.brk)) break;
            k += w === null ? 1 : w.words.length;
            if (k < n && !ts[k]!.brk && startsWithDigit(ts[k]!.key)) k = chainEnd(ts, k, n);
            else while (k < n && !stopsAt(ts, k, n) && !startsWithDigit(ts[k]!.key)) k++;
          }
          push(pieces, live, 'alley', i, k);
          i = k;
          break;
        }
        case 'street': {
          let k = j;
          while (k < n && !stopsAt(ts, k, n)) k++;
          push(pieces, live, 'street', i, k);
          hasStreet = true;
          i = k;
          break;
        }
        default: {
          // sub-ward and room: the keyword, then its number or its name.
          let k = j;
          if (k < n && !ts[k]!.brk && startsWithDigit(ts[k]!.key)) k = chainEnd(ts, k, n);
          else while (k < n && !stopsAt(ts, k, n) && !startsWithDigit(ts[k]!.key)) k++;
          push(pieces, live, kw.kind, i, k);
          i = k;
        }
      }
      continue;
    }
    if (startsWithDigit(ts[i]!.key) && !hasHouse) {
      const e = chainEnd(ts, i, n);
      splitChain(ts, live, i, e, pieces);
      hasHouse = true;
      i = e;
      continue;
    }
    // Plain words up to the next keyword: the street, the first time.
    let k = i + 1;
    while (k < n && !stopsAt(ts, k, n) && !(startsWithDigit(ts[k]!.key) && !hasHouse)) k++;
    if (!hasStreet) {
      push(pieces, live, 'street', i, k);
      hasStreet = true;
    }
    i = k;
  }
  return pieces;
}

/** A name run stops at the end, at a segment break, or at a keyword. */
function stopsAt(ts: readonly Token[], k: number, n: number): boolean {
  return k >= n || ts[k]!.brk || matchDoorWord(ts, k, n, false) !== null;
}

/** Add the piece of live tokens `[a, b)`, as indices into all tokens (`live` null: the same), when it is not empty. */
function push(pieces: DoorPiece[], live: readonly number[] | null, kind: DoorKind, a: number, b: number): void {
  if (b > a) pieces.push({ kind, from: live === null ? a : live[a]!, to: live === null ? b : live[b - 1]! + 1 });
}

/** `123/4/5B`: the last element is the house, the rest is the alley (hẻm 123, nhánh 4). */
function splitChain(ts: readonly Token[], live: readonly number[] | null, a: number, b: number, pieces: DoorPiece[]): void {
  if (b <= a) return;
  let slashes = 0;
  for (let k = a + 1; k < b; k++) {
    const c = soleMark(ts[k]!.sep);
    if (c === 47 || c === 92) slashes++;
  }
  if (slashes === 0) {
    push(pieces, live, 'houseNumber', a, b);
    return;
  }
  push(pieces, live, 'alley', a, b - 1);
  push(pieces, live, 'houseNumber', b - 1, b);
}
