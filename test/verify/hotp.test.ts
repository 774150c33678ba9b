import { readFileSync } from 'node:fs';
import { hmac } from '@noble/hashes/hmac.js';
import { sha1 } from '@noble/hashes/legacy.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { dynamicTruncate, hotpDigits, matchesAny, normalizeDigits } from '../../src/verify/_hotp.js';

const V = JSON.parse(readFileSync(new URL('../vectors/rfc4226.json', import.meta.url), 'utf8')) as {
  secretAscii: string;
  appendixD: { count: number; hmacSha1: string; truncatedHex: string; truncatedDecimal: number; hotp: string }[];
  section5_4: { hmacSha1: string; snum: number; hotp: string };
};

function counterBytes(c: number): Uint8Array {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setUint32(4, c);
  return b;
}

describe('RFC 4226 dynamic truncation', () => {
  it('has the ten Appendix D values', () => {
    expect(V.appendixD.map((v) => v.hotp)).toEqual(['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489']);
  });

  for (const v of V.appendixD) {
    it(`count ${v.count}: HMAC-SHA-1 → DT → HOTP ${v.hotp}`, () => {
      const mac = hmac(sha1, utf8ToBytes(V.secretAscii), counterBytes(v.count));
      expect(bytesToHex(mac)).toBe(v.hmacSha1);
      expect(dynamicTruncate(mac)).toBe(v.truncatedDecimal);
      expect(dynamicTruncate(mac)).toBe(parseInt(v.truncatedHex, 16));
      expect(hotpDigits(mac, 6)).toBe(v.hotp);
    });
  }

  it('matches the §5.4 example (offset 0xa)', () => {
    const mac = hexToBytes(V.section5_4.hmacSha1);
    expect(dynamicTruncate(mac)).toBe(V.section5_4.snum);
    expect(hotpDigits(mac, 6)).toBe(V.section5_4.hotp);
  });

  it('masks the top bit and reads at the largest offset of a SHA-256 MAC', () => {
    const mac = new Uint8Array(32).fill(0xff);
    mac[31] = 0x0f; // offset 15: bytes 15..18
    expect(dynamicTruncate(mac)).toBe(0x7fffffff);
    expect(hotpDigits(new Uint8Array(32), 6)).toBe('000000');
  });

  it('normalises typed codes and compares against every candidate', () => {
    expect(normalizeDigits('123 456', 6)).toBe('123456');
    expect(normalizeDigits('123-456', 6)).toBe('123456');
    for (const bad of ['12345', '1234567', '12345a', '١٢٣٤٥٦', '', null, 123456, '1'.repeat(1000)]) expect(normalizeDigits(bad, 6)).toBeUndefined();
    expect(matchesAny('123456', ['000000', '123456'])).toBe(true);
    expect(matchesAny('123456', ['000000', '123457'])).toBe(false);
    expect(matchesAny('123456', [])).toBe(false);
  });
});
