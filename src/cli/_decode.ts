/**
 * Input text encodings for the CLI. Input is decoded strictly (WHATWG Encoding: a fatal UTF-8
 * decoder, and `TextDecoder` with Node's ICU for UTF-16LE and Windows-1258) and handed to the
 * record readers as UTF-8 bytes. A byte-order mark selects UTF-8 or UTF-16 by itself. Invalid
 * UTF-8 stops the run with the byte offset and a hint: a Vietnamese Excel export is usually
 * Windows-1258, and reading it as UTF-8 would seal U+FFFD in place of every accented letter.
 *
 * Windows-1258 writes most tone marks as combining characters, so record readers normalise each
 * record to NFC after decoding.
 * @module
 * @internal
 */
import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { usage, CliError } from './_errors.js';

/** Encodings `--encoding` accepts. */
export const INPUT_ENCODINGS = ['utf-8', 'utf-16le', 'windows-1258'] as const;

/** An input encoding. */
export type InputEncoding = (typeof INPUT_ENCODINGS)[number] | 'utf-16be';

/**
 * The encoding a byte-order mark names, and the mark's length.
 * @param head - the first bytes of the input
 * @returns the encoding and BOM length, or undefined when there is no BOM
 */
export function sniffBom(head: Uint8Array): { encoding: InputEncoding; bom: number } | undefined {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  return undefined;
}

/**
 * Choose the encoding: the BOM's, else `--encoding`, else UTF-8.
 * @param head - the first bytes
 * @param given - the `--encoding` value, if any
 * @returns the encoding and how many BOM bytes to skip
 * @throws CliError `USAGE` when `--encoding` contradicts the BOM
 */
export function chooseEncoding(head: Uint8Array, given: InputEncoding | undefined): { encoding: InputEncoding; bom: number } {
  const bom = sniffBom(head);
  if (bom !== undefined) {
    if (given !== undefined && given !== bom.encoding) throw usage(`the input starts with a ${bom.encoding.toUpperCase()} byte-order mark, which contradicts --encoding`, 'leave --encoding out, or remove the mark');
    return bom;
  }
  return { encoding: given ?? 'utf-8', bom: 0 };
}

/**
 * Offset of the first byte that does not start a valid UTF-8 sequence (RFC 3629: no overlongs,
 * no surrogates, nothing above U+10FFFF), or -1. A sequence cut off by the end counts as invalid.
 * @param b - bytes
 * @returns the offset or -1
 */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c === 0xe0) (n = 2), (lo = 0xa0);
    else if (c === 0xed) (n = 2), (hi = 0x9f);
    else if (c >= 0xe1 && c <= 0xef) n = 2;
    else if (c === 0xf0) (n = 3), (lo = 0x90);
    else if (c >= 0xf1 && c <= 0xf3) n = 3;
    else if (c === 0xf4) (n = 3), (hi = 0x8f);
    else return i;
    if (i + n > b.length - 1) return i;
    const c1 = b[i + 1]!;
    if (c1 < lo || c1 > hi) return i;
    for (let k = 2; k <= n; k++) {
      const ck = b[i + k]!;
      if (ck < 0x80 || ck > 0xbf) return i;
    }
    i += n + 1;
  }
  return -1;
}

/** Length of an unfinished UTF-8 sequence at the end of `b` (0–3 bytes), kept for the next chunk. */
function incompleteTail(b: Uint8Array): number {
  for (let k = 1; k <= Math.min(3, b.length); k++) {
    const c = b[b.length - k]!;
    if (c < 0x80) return 0;
    if (c >= 0xc0) {
      const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
      return need > k ? k : 0;
    }
  }
  return 0;
}

/** The usage error for bytes that are not UTF-8. */
export function notUtf8(offset: number): CliError {
  return usage(`the input is not valid UTF-8 (byte offset ${offset})`, 'a Vietnamese Excel export is usually Windows-1258: add --encoding windows-1258');
}

function notDecodable(encoding: InputEncoding, offset: number): CliError {
  return usage(`the input is not valid ${encoding.toUpperCase()} (at or after byte offset ${offset})`, 'check --encoding');
}

/**
 * Decode `source` as `encoding` and yield it as UTF-8 bytes, without the BOM.
 * @param source - the raw input
 * @param encoding - its encoding
 * @param bom - BOM bytes to skip at the start
 * @returns UTF-8 chunks
 * @throws CliError `USAGE` naming the byte offset of the first undecodable byte
 */
export async function* toUtf8(source: AsyncIterable<Buffer | string>, encoding: InputEncoding, bom: number): AsyncGenerator<Buffer> {
  let offset = 0; // bytes of the source consumed before the current chunk
  let skip = bom;
  // A chunk as bytes, minus whatever part of the BOM it still holds (counted in `offset`).
  const withoutBom = (raw: Buffer | string): Buffer => {
    const chunk = typeof raw === 'string' ? Buffer.from(raw) : raw;
    if (skip === 0) return chunk;
    const s = Math.min(skip, chunk.length);
    skip -= s;
    offset += s;
    return chunk.subarray(s);
  };
  if (encoding === 'utf-8') {
    let carry: Buffer = Buffer.alloc(0);
    for await (const raw of source) {
      const chunk = withoutBom(raw);
      const data = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      const keep = incompleteTail(data);
      const whole = data.subarray(0, data.length - keep);
      if (!isUtf8(whole)) throw notUtf8(offset - carry.length + Math.max(0, firstInvalidUtf8(whole)));
      offset += chunk.length;
      carry = Buffer.from(data.subarray(data.length - keep));
      if (whole.length > 0) yield whole;
    }
    if (carry.length > 0) throw notUtf8(offset - carry.length);
    return;
  }
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  for await (const raw of source) {
    const chunk = withoutBom(raw);
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw notDecodable(encoding, offset);
    }
    offset += chunk.length;
    if (text.length > 0) yield Buffer.from(text, 'utf8');
  }
  let rest: string;
  try {
    rest = decoder.decode();
  } catch {
    throw notDecodable(encoding, offset);
  }
  if (rest.length > 0) yield Buffer.from(rest, 'utf8');
}

/**
 * Check that a whole file decodes, before anything is written: a bad byte then stops the run
 * with no output at all. Windows-1258 maps every byte, so it needs no check.
 * @param path - a regular file
 * @param encoding - its encoding
 * @param bom - BOM length
 * @throws CliError `USAGE` naming the byte offset
 */
export async function checkFileDecodes(path: string, encoding: InputEncoding, bom: number): Promise<void> {
  if (encoding === 'windows-1258') return;
  const stream = createReadStream(path, { highWaterMark: 1024 * 1024 });
  try {
    for await (const _ of toUtf8(stream, encoding, bom)) {
      // Decoding is the check; the text is read again when the records are.
    }
  } finally {
    stream.destroy();
  }
}

/**
 * A byte stream of the input as UTF-8.
 * @param source - the raw input
 * @param encoding - its encoding
 * @param bom - BOM bytes to skip
 * @returns a readable of UTF-8 bytes
 */
export function utf8Stream(source: Readable, encoding: InputEncoding, bom: number): Readable {
  return Readable.from(toUtf8(source, encoding, bom), { objectMode: false });
}
