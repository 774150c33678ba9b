/**
 * Fuzzing (fast-check, many runs): every parser meets arbitrary input. Each call returns or throws
 * a WaybillShieldError, and no error carries a 4+ character piece of the input.
 * `npm run fuzz`; CI runs it. FUZZ_RUNS scales the run count (default 5,000 per target).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';
import { sampleWaybill, testKeyring } from '../helpers/fixtures.js';
import { FUZZ_TARGETS } from './fuzz-targets.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 5_000);

function checkError(e: unknown, input: string): void {
  if (!(e instanceof api.WaybillShieldError)) throw new Error(`foreign exception: ${String((e as Error)?.name)}`);
  const text = `${e.message}\n${JSON.stringify(e)}`;
  const probe = input.replace(/\s+/g, ' ').trim();
  // Any 6-character window of the input that has a digit or a non-ASCII letter is PII-like; it must not appear.
  for (let i = 0; i + 6 <= probe.length; i += 3) {
    const w = probe.slice(i, i + 6);
    if (/\d|[^\x00-\x7f]/.test(w)) expect(text.includes(w), `error leaks input window ${JSON.stringify(w)}`).toBe(false);
  }
}

const viText = fc.string({ unit: fc.constantFrom(...'aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ0123456789 ,./-\'"^~<>&;:()[]{}|@#=+\n\t\u0000\u200f\u202e\ufeff\u0301'.split('')), maxLength: 300 });
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 300 }), viText);

describe('fuzz: parsers on arbitrary text', () => {
  for (const [name, call] of Object.entries(FUZZ_TARGETS)) {
    it(`${name} (${RUNS} runs)`, () => {
      fc.assert(
        fc.property(anyText, (s) => {
          try {
            call(s);
          } catch (e) {
            checkError(e, s);
          }
        }),
        { numRuns: RUNS },
      );
    });
  }
});

describe('fuzz: token redemption on arbitrary text', () => {
  it(`redeemRevealToken refuses every arbitrary token with TOKEN_REJECTED or TOKEN_LOCKED (${RUNS} runs)`, async () => {
    const keyring = testKeyring();
    await fc.assert(
      fc.asyncProperty(anyText, async (s) => {
        try {
          await api.redeemRevealToken(s, { keyring, waybillId: 'W1', courierId: 'c-1', ledger: new api.MemoryLedger() });
          throw new Error('an arbitrary token redeemed');
        } catch (e) {
          checkError(e, s);
          expect(['TOKEN_REJECTED', 'TOKEN_LOCKED']).toContain((e as api.WaybillShieldError).code);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('fuzz: parseWaybill on arbitrary structures', () => {
  it(`parseWaybill with generated waybills and mutations (${RUNS} runs)`, () => {
    const field = fc.oneof(anyText, fc.integer(), fc.double(), fc.constant(null), fc.constant(undefined), fc.array(anyText, { maxLength: 3 }), fc.dictionary(anyText, anyText, { maxKeys: 3 }));
    fc.assert(
      fc.property(field, field, field, fc.constantFrom('recipient', 'sender'), fc.constantFrom('name', 'phone', 'address'), (a, b, c, party, key) => {
        const wb = sampleWaybill() as unknown as Record<string, Record<string, unknown>>;
        wb[party] = { ...wb[party], [key]: a };
        (wb as Record<string, unknown>).notes = b;
        (wb as Record<string, unknown>).codAmount = c;
        const r = api.safeParseWaybill(wb);
        if (!r.ok) {
          expect(r.error.code).toBe('INVALID_WAYBILL');
          if (typeof a === 'string') checkError(r.error, a);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it(`envelope parsing through unseal with arbitrary envelopes (${RUNS} runs)`, () => {
    const keyring = testKeyring();
    const record = api.protect(sampleWaybill(), { keyring });
    const b64 = fc.base64String({ maxLength: 200 }).map((s) => s.replace(/=/g, ''));
    // Both envelope formats: ws1 (no epoch) and ws2 (epoch `0` or a month, padded plaintext).
    const envelope = fc.oneof(
      anyText,
      anyText.map((s) => `ws1.1.${s}`),
      b64.map((s) => `ws1.1.${s}`),
      anyText.map((s) => `ws2.1.0.${s}`),
      fc.tuple(fc.constantFrom('0', '2026-03', '1999-12', '9999-01'), b64).map(([ep, s]) => `ws2.1.${ep}.${s}`),
    );
    fc.assert(
      fc.property(envelope, (env) => {
        try {
          api.unseal({ ...record, sealed: { ...record.sealed, notes: env } }, 'notes', { keyring, actor: 'cs-1', purpose: 'fuzz-run' });
          throw new Error('an arbitrary envelope opened');
        } catch (e) {
          expect(e).toBeInstanceOf(api.WaybillShieldError);
          expect((e as api.WaybillShieldError).code).toBe('DECRYPT_FAILED');
        }
      }),
      { numRuns: RUNS },
    );
  });
});
