import { readFileSync } from 'node:fs';
import { inspect } from 'node:util';
import { hkdf } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { base64urlnopad } from '@scure/base';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Keyring } from '../../src/keys/keyring.js';
import { CallerKey, callerCode, courierCallerKey, verifyCallerCode, CALLER_CODE_WINDOW_MS } from '../../src/verify/index.js';
import { codeFromDayKey } from '../../src/verify/_caller.js';
import { testKeyring } from '../helpers/fixtures.js';

const keyring = testKeyring();
const ROOT = Uint8Array.from({ length: 32 }, (_, i) => i); // testKeyring's key 1: bytes 00..1f
const DAY_MS = 86_400_000;
// 2026-11-29 in Vietnam: 2026-11-28T17:00Z .. 2026-11-29T17:00Z.
const DAY_START = Date.parse('2026-11-28T17:00:00Z');
const T0 = Date.parse('2026-11-29T08:03:00Z');
const courierId = 'courier-042';
const waybillId = 'GHN2611290001';

interface CallerVector {
  name: string;
  courierId: string;
  waybillId: string;
  at: string;
  day: number;
  window: number;
  dayKey: string;
  code: string;
}
const doc = readFileSync(new URL('../../docs/token-format.md', import.meta.url), 'utf8');
const block = /<!-- caller-vectors:begin -->\s*```json\n([\s\S]*?)```\s*<!-- caller-vectors:end -->/.exec(doc);
const vectors: CallerVector[] = JSON.parse(block![1]!);

/** An independent reading of docs/token-format.md's caller-code section, with noble only. */
function reference(root: Uint8Array, courier: string, waybill: string, atMs: number): { day: number; window: number; dayKey: string; code: string } {
  const sub = hkdf(sha256, root, utf8ToBytes('waybill-shield/hkdf-salt/v1'), utf8ToBytes('waybill-shield/v1/caller'), 32);
  const lp = (s: string) => [s.length >> 8, s.length & 0xff, ...utf8ToBytes(s)];
  const u64 = (n: number) => {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setBigUint64(0, BigInt(n));
    return [...b];
  };
  const window = Math.floor(atMs / 600_000);
  const day = Math.floor((window * 600_000 + 7 * 3_600_000) / DAY_MS);
  const dayKey = hmac(sha256, sub, Uint8Array.from([...utf8ToBytes('waybill-shield/caller-key/v1\u0000'), ...lp(courier), ...u64(day)]));
  const mac = hmac(sha256, dayKey, Uint8Array.from([...utf8ToBytes('waybill-shield/caller-code/v2\u0000'), ...lp(waybill), ...u64(window)]));
  const o = mac[31]! & 0x0f;
  const snum = ((mac[o]! & 0x7f) << 24) | (mac[o + 1]! << 16) | (mac[o + 2]! << 8) | mac[o + 3]!;
  return { day, window, dayKey: bytesToHex(dayKey), code: String(snum % 1_000_000).padStart(6, '0') };
}

describe('caller code vectors (docs/token-format.md)', () => {
  it('has vectors', () => expect(vectors.length).toBeGreaterThanOrEqual(3));

  for (const v of vectors) {
    it(`${v.name}: the library, the scoped key and an independent implementation agree`, () => {
      const at = new Date(v.at);
      const ref = reference(ROOT, v.courierId, v.waybillId, at.getTime());
      expect(ref).toEqual({ day: v.day, window: v.window, dayKey: v.dayKey, code: v.code });
      expect(callerCode({ keyring, waybillId: v.waybillId, courierId: v.courierId, at }).code).toBe(v.code);
      const key = courierCallerKey({ keyring, courierId: v.courierId, day: at });
      expect(key.export().key).toBe(base64urlnopad.encode(Uint8Array.from(Buffer.from(v.dayKey, 'hex'))));
      expect(key.code({ waybillId: v.waybillId, at }).code).toBe(v.code);
    });
  }
});

describe('CallerKey: one courier, one day, no keyring', () => {
  it("computes exactly the backend's codes for its courier at every moment of its day", () => {
    const key = courierCallerKey({ keyring, courierId, day: new Date(T0) });
    expect(key.day).toBe('2026-11-29');
    expect(key.validFrom.toISOString()).toBe('2026-11-28T17:00:00.000Z');
    expect(key.validUntil.toISOString()).toBe('2026-11-29T17:00:00.000Z');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: DAY_MS - 1 }), fc.stringMatching(/^[A-Z]{2,4}[0-9]{6,12}$/), (offset, wb) => {
        const at = new Date(DAY_START + offset);
        const mine = key.code({ waybillId: wb, at });
        expect(mine).toEqual(callerCode({ keyring, waybillId: wb, courierId, at }));
        expect(callerCode({ callerKey: key, waybillId: wb, at })).toEqual(mine);
        expect(verifyCallerCode(mine.code, { keyring, waybillId: wb, courierId, at })).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses any moment outside its day (too_small / too_big), at the exact boundaries', () => {
    const key = courierCallerKey({ keyring, courierId, day: new Date(T0) });
    expect(() => key.code({ waybillId, at: new Date(DAY_START) })).not.toThrow();
    expect(() => key.code({ waybillId, at: new Date(DAY_START + DAY_MS - 1) })).not.toThrow();
    expect(() => key.code({ waybillId, at: new Date(DAY_START - 1) })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', issues: [{ path: 'at', rule: 'too_small' }] }));
    expect(() => key.code({ waybillId, at: new Date(DAY_START + DAY_MS) })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', issues: [{ path: 'at', rule: 'too_big' }] }));
  });

  it("its raw bytes give nothing for another day or another courier: those codes do not verify", () => {
    const key = courierCallerKey({ keyring, courierId, day: new Date(T0) });
    const raw = base64urlnopad.decode(key.export().key);
    // An attacker with the stolen key computes codes for tomorrow, and for other couriers today,
    // the only way the key allows: the code step under the same day key.
    let hits = 0;
    let tries = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 143 }), fc.stringMatching(/^courier-[0-9]{3}$/), (daysAhead, slot, other) => {
        const w = Math.floor((DAY_START + daysAhead * DAY_MS) / CALLER_CODE_WINDOW_MS) + slot;
        const at = new Date(w * CALLER_CODE_WINDOW_MS);
        const forged = codeFromDayKey(raw, waybillId, w);
        tries++;
        if (verifyCallerCode(forged, { keyring, waybillId, courierId, at })) hits++;
        const today = new Date(T0);
        const forgedOther = key.code({ waybillId, at: today }).code;
        if (other !== courierId) {
          tries++;
          if (verifyCallerCode(forgedOther, { keyring, waybillId, courierId: other, at: today })) hits++;
        }
      }),
      { numRuns: 300 },
    );
    // Each try is a 2·10⁻⁶ coincidence; 600 tries give ~10⁻³ expected hits.
    expect(tries).toBeGreaterThan(300);
    expect(hits).toBe(0);
  });

  it('is not the caller subkey, nor any other purpose subkey', () => {
    const key = base64urlnopad.decode(courierCallerKey({ keyring, courierId, day: new Date(T0) }).export().key);
    for (const info of ['seal', 'index', 'reveal', 'caller', 'pin', 'audit']) {
      const sub = hkdf(sha256, ROOT, utf8ToBytes('waybill-shield/hkdf-salt/v1'), utf8ToBytes(`waybill-shield/v1/${info}`), 32);
      expect(bytesToHex(key)).not.toBe(bytesToHex(sub));
    }
    expect(bytesToHex(key)).not.toBe(bytesToHex(ROOT));
  });

  it('round-trips through export()/fromJSON(), object or string', () => {
    const key = courierCallerKey({ keyring, courierId, day: new Date(T0) });
    const json = key.export();
    expect(Object.keys(json).sort()).toEqual(['courierId', 'day', 'key', 'keyId', 'v']);
    for (const again of [CallerKey.fromJSON(json), CallerKey.fromJSON(JSON.stringify(json))]) {
      expect(again.code({ waybillId, at: new Date(T0) })).toEqual(key.code({ waybillId, at: new Date(T0) }));
      expect(again.day).toBe(key.day);
      expect(again.courierId).toBe(courierId);
    }
  });

  it('hides its secret from JSON.stringify, String() and util.inspect', () => {
    const key = courierCallerKey({ keyring, courierId, day: new Date(T0) });
    const secret = key.export().key;
    for (const shown of [JSON.stringify(key), String(key), inspect(key), inspect({ nested: key }, { depth: 5, showHidden: true }), `${key}`]) {
      expect(shown).not.toContain(secret);
      expect(shown).toContain(courierId);
    }
    expect(Object.isFrozen(key)).toBe(true);
  });

  it('fromJSON refuses malformed keys with INVALID_KEYRING and never echoes key material', () => {
    const good = courierCallerKey({ keyring, courierId, day: new Date(T0) }).export();
    const bads: unknown[] = [
      null,
      42,
      '{',
      'x'.repeat(10_000),
      [],
      { ...good, v: 2 },
      { ...good, courierId: 'a b' },
      { ...good, day: '2026-13-01' },
      { ...good, day: '2026-02-30' },
      { ...good, day: 20261129 },
      { ...good, keyId: 0 },
      { ...good, key: good.key.slice(1) },
      { ...good, key: `${good.key.slice(0, 42)}!` },
      { ...good, key: 'A'.repeat(43) + '=' },
    ];
    for (const b of bads) {
      let err: unknown;
      try {
        CallerKey.fromJSON(b as object);
      } catch (e) {
        err = e;
      }
      expect(err).toMatchObject({ name: 'WaybillShieldError', code: 'INVALID_KEYRING' });
      expect(JSON.stringify(err) + String((err as Error).message)).not.toContain(good.key.slice(0, 8));
    }
  });

  it('cannot be constructed except by courierCallerKey / fromJSON', () => {
    expect(() => new (CallerKey as unknown as new (...a: unknown[]) => CallerKey)(Symbol('x'), courierId, 1, 20_000, new Uint8Array(32))).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => callerCode({ callerKey: { code: () => ({ code: '000000' }) } as never, waybillId })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });

  it('keys made before a rotation keep verifying in the backend', () => {
    const key = courierCallerKey({ keyring, courierId, day: new Date(T0) });
    const next = keyring.rotate();
    const { code } = key.code({ waybillId, at: new Date(T0) });
    expect(verifyCallerCode(code, { keyring: next, waybillId, courierId, at: new Date(T0) })).toBe(true);
    expect(courierCallerKey({ keyring: next, courierId, day: new Date(T0) }).keyId).toBe(next.primary);
  });

  it('a code made in the last window of a day still verifies in the first window of the next', () => {
    const lastWindow = new Date(DAY_START + DAY_MS - 1);
    const key = courierCallerKey({ keyring, courierId, day: lastWindow });
    const { code, validUntil } = key.code({ waybillId, at: lastWindow });
    expect(validUntil.getTime()).toBe(DAY_START + DAY_MS + CALLER_CODE_WINDOW_MS);
    expect(verifyCallerCode(code, { keyring, waybillId, courierId, at: new Date(DAY_START + DAY_MS + 1) })).toBe(true);
    expect(verifyCallerCode(code, { keyring, waybillId, courierId, at: new Date(DAY_START + DAY_MS + CALLER_CODE_WINDOW_MS) })).toBe(false);
  });

  it("the backend's cache of day-key states stays correct past its bound (5000 couriers, then the first again)", () => {
    const at = new Date(T0);
    const first = callerCode({ keyring, waybillId, courierId: 'c-0', at }).code;
    for (let i = 0; i < 5_000; i++) {
      const c = `c-${i}`;
      const viaKeyring = callerCode({ keyring, waybillId, courierId: c, at }).code;
      if (i % 250 === 0) expect(viaKeyring).toBe(courierCallerKey({ keyring, courierId: c, day: at }).code({ waybillId, at }).code);
    }
    expect(callerCode({ keyring, waybillId, courierId: 'c-0', at }).code).toBe(first);
    expect(verifyCallerCode(first, { keyring, waybillId, courierId: 'c-0', at })).toBe(true);
    // A rotated keyring is another object: its codes come from its own primary, not a stale cache.
    const next = keyring.rotate();
    expect(callerCode({ keyring: next, waybillId, courierId: 'c-0', at }).code).toBe(courierCallerKey({ keyring: next, courierId: 'c-0', day: at }).code({ waybillId, at }).code);
  });

  it('bad options are INVALID_INPUT naming the option', () => {
    expect(() => courierCallerKey({ keyring, courierId: 'a b' })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', issues: [{ path: 'courierId', rule: 'format' }] }));
    expect(() => courierCallerKey({ keyring, courierId, day: new Date(NaN) })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => courierCallerKey({ keyring: {} as Keyring, courierId })).toThrow(expect.objectContaining({ code: 'INVALID_KEYRING' }));
    const key = courierCallerKey({ keyring, courierId });
    expect(() => key.code(null as never)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => key.code({ waybillId: '' })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', issues: [{ path: 'waybillId', rule: 'format' }] }));
  });
});

// Keep a reference keyring built from the documented bytes, so the vectors are reproducible by readers.
describe('the vector keyring is the documented one', () => {
  it('testKeyring() holds key bytes 00..1f', () => {
    expect(Keyring.fromJSON({ v: 1, primary: 1, keys: [{ id: 1, key: base64urlnopad.encode(ROOT), created: '2026-01-01T00:00:00.000Z' }] }).export().keys[0]!.key).toBe(keyring.export().keys[0]!.key);
  });
});
