/**
 * A Windows-1258 encoder for test fixtures, built from Node's own decoder: the byte for each
 * character is found by decoding all 256 bytes with `TextDecoder('windows-1258')`, never from a
 * hand-typed table. Vietnamese letters the code page has no byte for (most toned vowels) are
 * written as a base letter plus a combining tone mark, as Excel writes them.
 */
const TABLE: ReadonlyMap<string, number> = (() => {
  const decoder = new TextDecoder('windows-1258');
  const m = new Map<string, number>();
  for (let b = 0; b < 256; b++) {
    const ch = decoder.decode(Uint8Array.of(b));
    if (ch !== '\ufffd' && !m.has(ch)) m.set(ch, b);
  }
  return m;
})();

/**
 * Encode text as Windows-1258.
 * @param text - any text the code page can represent
 * @returns the bytes
 * @throws Error for a character it cannot represent
 */
export function encodeWindows1258(text: string): Buffer {
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    const direct = TABLE.get(ch);
    if (direct !== undefined) {
      out.push(direct);
      continue;
    }
    // Decompose, then recompose the base with as many marks as the code page has a letter for
    // (ế = ê + acute: ê is a byte, the acute is a combining byte).
    const parts = [...ch.normalize('NFD')];
    let base = parts.shift()!;
    // Marks of different classes commute (NFD puts dot below before the circumflex of ộ), so any
    // mark that makes a letter with a byte of its own is absorbed, whatever its position.
    for (let i = 0; i < parts.length; ) {
      const composed = (base + parts[i]!).normalize('NFC');
      if ([...composed].length === 1 && TABLE.has(composed)) {
        base = composed;
        parts.splice(i, 1);
      } else i++;
    }
    const b = TABLE.get(base);
    if (b === undefined) throw new Error('not representable in windows-1258');
    out.push(b);
    for (const mark of parts) {
      const m = TABLE.get(mark);
      if (m === undefined) throw new Error('not representable in windows-1258');
      out.push(m);
    }
  }
  return Buffer.from(out);
}
