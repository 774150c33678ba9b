import { inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Keyring } from '../../src/keys/keyring.js';
import { WaybillShieldError } from '../../src/errors.js';
import { TEST_KEYRING_JSON } from '../helpers/fixtures.js';

describe('Keyring', () => {
  it('generates one 256-bit key with id 1 and round-trips through export/fromJSON', () => {
    const k = Keyring.generate();
    expect(k.primary).toBe(1);
    expect(k.keyIds).toEqual([1]);
    const json = k.export();
    expect(json.keys[0]!.key).toHaveLength(43);
    const back = Keyring.fromJSON(JSON.stringify(json));
    expect(back.export()).toEqual(json);
  });

  it('never shows key material through JSON.stringify, inspect, String or template strings', () => {
    const k = Keyring.generate();
    const secret = k.export().keys[0]!.key;
    for (const shown of [JSON.stringify(k), JSON.stringify({ k }), inspect(k), inspect({ k }, { depth: 5, showHidden: true }), String(k), `${k}`, Object.keys(k).join(',')]) {
      expect(shown).not.toContain(secret);
      expect(shown).not.toContain(secret.slice(0, 8));
    }
  });

  it('rotate adds a new primary and keeps old keys; retire drops only non-primary keys', () => {
    const k1 = Keyring.generate();
    const k2 = k1.rotate();
    expect(k2.primary).toBe(2);
    expect(k2.keyIds).toEqual([1, 2]);
    expect(k1.keyIds).toEqual([1]);
    expect(k2.retire(1).keyIds).toEqual([2]);
    expect(() => k2.retire(2)).toThrow(WaybillShieldError);
    expect(() => k2.retire(9)).toThrow(/INVALID_KEYRING/);
  });

  it.each([
    ['not JSON', '{nope'],
    ['wrong version', { v: 2, primary: 1, keys: [] }],
    ['no keys', { v: 1, primary: 1, keys: [] }],
    ['short key', { v: 1, primary: 1, keys: [{ id: 1, key: 'AAAA' }] }],
    ['bad id', { v: 1, primary: 0, keys: [{ id: 0, key: TEST_KEYRING_JSON.keys[0]!.key }] }],
    ['duplicate id', { v: 1, primary: 1, keys: [TEST_KEYRING_JSON.keys[0], TEST_KEYRING_JSON.keys[0]] }],
    ['primary missing', { ...TEST_KEYRING_JSON, primary: 7 }],
    ['null', null],
    ['array', []],
  ])('rejects a malformed keyring (%s) with INVALID_KEYRING', (_n, input) => {
    try {
      Keyring.fromJSON(input as never);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(WaybillShieldError);
      expect((e as WaybillShieldError).code).toBe('INVALID_KEYRING');
    }
  });

  it('never echoes key material in errors (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 8, maxLength: 60, unit: 'binary-ascii' }), fc.integer({ min: -3, max: 5000 }), (key, id) => {
        try {
          Keyring.fromJSON({ v: 1, primary: id, keys: [{ id, key }] });
        } catch (e) {
          expect(e).toBeInstanceOf(WaybillShieldError);
          const text = `${(e as Error).message} ${JSON.stringify(e)}`;
          expect(text.includes(key)).toBe(false);
        }
      }),
    );
  });

  it('refuses objects that only look like a keyring', async () => {
    const { protect } = await import('../../src/protect.js');
    const fake = Object.create(Keyring.prototype) as Keyring;
    expect(() => protect({}, { keyring: fake })).toThrow(/INVALID_KEYRING/);
  });
});
