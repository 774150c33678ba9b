/**
 * SECURITY.md, "Misuse: a browser app that forgets the data entries, or loads them twice". In its
 * own file because it resets the module registry (a fresh graph of the core alone, as a browser
 * bundle without `waybill-shield/gazetteer` has it), which would hand later tests of a shared file
 * other copies of the library's classes.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import * as api from '../../src/index.js';
import { testKeyring } from '../helpers/fixtures.js';

const keyring = testKeyring();
const T0 = new Date('2026-11-29T09:00:00Z');
const STREETS = ['Nguyễn Trãi', 'Lê Lợi', 'Hai Bà Trưng', 'Trần Hưng Đạo', 'Lý Thường Kiệt'];
const WARDS = ['Phường Thượng Đình, Quận Thanh Xuân, Hà Nội', 'Phường Bến Nghé, Quận 1, TP.HCM', 'Phường Sài Gòn, TP Hồ Chí Minh', 'Xã Ea Tu, Đắk Lắk'];
const arbWaybill = fc
  .record({
    prefix: fc.constantFrom('090', '091', '093', '038', '070', '083'),
    rest: fc.stringMatching(/^[0-9]{7}$/),
    house: fc.integer({ min: 100, max: 9999 }),
    street: fc.constantFrom(...STREETS),
    ward: fc.constantFrom(...WARDS),
  })
  .map((r) => ({
    national: r.prefix + r.rest,
    street: r.street,
    input: {
      id: 'GHNT00042',
      recipient: { name: 'Trần Thị Lan', phone: r.prefix + r.rest, address: `Số ${r.house} ${r.street}, ${r.ward}` },
      sender: { name: 'Shop Hoa', phone: '0912345678', address: 'Phường Bến Thành, TP Hồ Chí Minh' },
      goods: { description: 'Son môi và kem chống nắng' },
    },
  }));

describe('misuse: a browser app that forgets the data entries, or loads them twice', () => {
  it('without the address reader, gazetteer or goods lexicon protect() refuses and returns no label; a later registration cannot replace the first', async () => {
    const w = fc.sample(arbWaybill, 1)[0]!;
    // A fresh module graph of the core alone, as a browser bundle without the data entries has it.
    vi.resetModules();
    const core = await import('../../src/index.js');
    const refusal = (): string | null => {
      try {
        core.protect(w.input, { keyring: core.Keyring.fromJSON(keyring.export()), now: T0 });
        return null;
      } catch (e) {
        return core.isWaybillShieldError(e) ? e.code : 'not a library error';
      }
    };
    expect(refusal()).toBe('GAZETTEER_NOT_LOADED');
    const { installAddressReader } = await import('../../src/address/_install.js');
    const { registerDefaultGazetteerData } = await import('../../src/address/register-data.js');
    const { GAZETTEER_DATA } = await import('../../src/address/gazetteer-data.js');
    const { registerBundledGoodsLexicon } = await import('../../src/mask/register-goods.js');
    const { setAddressReader } = await import('../../src/address/_reader.js');
    const { registerDefaultGazetteerLoader } = await import('../../src/address/default-gazetteer.js');
    const { registerGoodsLexiconLoader } = await import('../../src/mask/default-goods-lexicon.js');
    // What a second copy of the package or a stray import might register after the real entries,
    // before anything is used: a reader that prints the address verbatim, and empty data.
    const swapped = (): never => {
      throw new Error('swapped reader');
    };
    const verbatim = (input: unknown) => String(typeof input === 'string' ? input : '');
    const registerOthers = {
      reader: () => setAddressReader({ parseAddress: swapped, maskAddress: verbatim, addressRouting: swapped, createGazetteer: swapped }),
      gazetteer: () => registerDefaultGazetteerLoader(() => ({ provinces2025: [], wards2025: [], provincesLegacy: [], districtsLegacy: [], wardsLegacy: [] })),
      goods: () => registerGoodsLexiconLoader(() => [], { compile: () => ({}) as never, match: () => [] }),
    };

    installAddressReader();
    registerOthers.reader();
    registerDefaultGazetteerData(GAZETTEER_DATA);
    registerOthers.gazetteer();
    // Addresses are read now; goods still cannot be classified, so still no record and no label.
    expect(refusal()).toBe('GOODS_LEXICON_NOT_LOADED');
    registerBundledGoodsLexicon();
    registerOthers.goods();

    const p = core.protect(w.input, { keyring: core.Keyring.fromJSON(keyring.export()), now: T0 });
    const label = JSON.stringify(p.label);
    expect(label).not.toContain(w.street);
    expect(label).not.toContain(w.national);
    // The first registrations are the ones in use: the same label, units and class as the fully
    // loaded library gives.
    expect(label).toBe(JSON.stringify(api.protect(w.input, { keyring, now: T0 }).label));
    expect(core.maskAddress(w.input.recipient.address)).toBe(api.maskAddress(w.input.recipient.address));
    expect(core.defaultGazetteer().counts.wards2025).toBe(3321);
    expect(core.classifyGoods('Son môi').category).toBe('cosmetics');
  });
});

