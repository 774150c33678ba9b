/**
 * The address reader is installed by an entry, not carried by the core: `waybill-shield/address`
 * installs it alone, `waybill-shield/gazetteer` installs it with the bundled data, the Node core
 * entry does both. Checked twice: in a fresh module graph of the sources (the test setup installs
 * everything, so `vi.resetModules()` first), and on the built browser bundles (`npm run build`).
 */
import { build } from 'esbuild';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { GazetteerInput } from '../../src/address/index.js';

type Core = typeof import('../../src/index.js');

const tiny: GazetteerInput = {
  provinces2025: [{ code: '01', name: 'Hà Nội', nameEn: 'Hanoi', type: 'thanh-pho' }],
  wards2025: [{ code: '00004', name: 'Ba Đình', type: 'phuong', province: '01' }],
  provincesLegacy: [{ code: '01', name: 'Hà Nội', type: 'thanh-pho', to2025: '01' }],
  districtsLegacy: [{ code: '009', name: 'Thanh Xuân', type: 'quan', province: '01' }],
  wardsLegacy: [{ code: '00343', name: 'Thượng Đình', type: 'phuong', district: '009', to2025: ['00004'] }],
};

const waybill = {
  id: 'B0',
  recipient: { name: 'Lê Lan', phone: '0901234567', address: 'Số 5, P. Thượng Đình, Q. Thanh Xuân, Hà Nội' },
  sender: { name: 'Shop', phone: '0912345678', address: 'Hà Nội' },
  goods: { description: 'Sách' },
};

/** The error `fn` throws (fails the test when it throws nothing). */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

/** The code of the error `fn` throws, or `null` when it is not the library's error. */
function codeOf(api: Core, fn: () => unknown): string | null {
  const e = thrown(fn);
  return api.isWaybillShieldError(e) ? e.code : null;
}

/** Every address function without a reader: the code it throws. */
function withoutReader(api: Core): Record<string, string | null> {
  const parsed = { province: null, district: null, ward: null } as unknown as Parameters<Core['addressRouting']>[0];
  const handMade = { kind: 'waybill-shield/gazetteer' } as unknown as ReturnType<Core['createGazetteer']>;
  return {
    parseAddress: codeOf(api, () => api.parseAddress('Hà Nội')),
    maskAddress: codeOf(api, () => api.maskAddress('Hà Nội')),
    addressRouting: codeOf(api, () => api.addressRouting(parsed)),
    createGazetteer: codeOf(api, () => api.createGazetteer(tiny)),
    parseOwn: codeOf(api, () => api.parseAddress('Hà Nội', { gazetteer: handMade })),
    maskOwn: codeOf(api, () => api.maskAddress('Hà Nội', { gazetteer: handMade })),
    routingOwn: codeOf(api, () => api.addressRouting(parsed, { gazetteer: handMade })),
    defaultGazetteer: codeOf(api, () => api.defaultGazetteer()),
    protect: codeOf(api, () => api.protect(waybill, { keyring: api.Keyring.generate() })),
  };
}

/** What the functions answer once the reader alone is installed. */
function readerAlone(api: Core): void {
  const gazetteer = api.createGazetteer(tiny);
  expect(api.isGazetteer(gazetteer)).toBe(true);
  const a = api.parseAddress('Số 5, P. Thượng Đình, Q. Thanh Xuân, Hà Nội', { gazetteer });
  expect(a.ward?.code).toBe('00343');
  expect(a.houseNumber).toBe('5');
  expect(api.maskAddress(a, { gazetteer, convertTo2025: true })).toBe('***, Phường Ba Đình, Hà Nội');
  expect(api.addressRouting(a, { gazetteer }).in2025.ward?.code).toBe('00004');
  // No bundled data: the default is still missing, and so is everything that needs it.
  expect(api.hasDefaultGazetteer()).toBe(false);
  expect(codeOf(api, () => api.defaultGazetteer())).toBe('GAZETTEER_NOT_LOADED');
  expect(codeOf(api, () => api.parseAddress('Hà Nội'))).toBe('GAZETTEER_NOT_LOADED');
  expect(codeOf(api, () => api.protect(waybill, { keyring: api.Keyring.generate() }))).toBe('GAZETTEER_NOT_LOADED');
  // The reader's own validation answers now, not the seam.
  expect(codeOf(api, () => api.parseAddress(42 as unknown as string, { gazetteer }))).toBe('INVALID_INPUT');
}

/** What the functions answer with the gazetteer entry. */
function everything(api: Core): void {
  expect(api.hasDefaultGazetteer()).toBe(true);
  expect(api.parseAddress('P. Phúc Xá, Q. Ba Đình, Hà Nội').ward?.code).toBe('00001');
  expect(api.maskAddress('Số 5 ngõ 12, P. Thượng Đình, Q. Thanh Xuân, HN')).toBe('***, Phường Thượng Đình, Quận Thanh Xuân, Hà Nội');
  const p = api.protect(waybill, { keyring: api.Keyring.generate() });
  expect(p.label.recipient.address).toBe('***, Phường Thượng Đình, Quận Thanh Xuân, Hà Nội');
  expect(p.routing.recipient.ward?.code).toBe('00346');
  // A custom gazetteer still works next to the default.
  expect(api.parseAddress('Ba Đình, Hà Nội', { gazetteer: api.createGazetteer(tiny) }).ward?.code).toBe('00004');
}

const NOT_LOADED = {
  parseAddress: 'GAZETTEER_NOT_LOADED',
  maskAddress: 'GAZETTEER_NOT_LOADED',
  addressRouting: 'GAZETTEER_NOT_LOADED',
  createGazetteer: 'ADDRESS_READER_NOT_LOADED',
  parseOwn: 'ADDRESS_READER_NOT_LOADED',
  maskOwn: 'ADDRESS_READER_NOT_LOADED',
  routingOwn: 'ADDRESS_READER_NOT_LOADED',
  defaultGazetteer: 'GAZETTEER_NOT_LOADED',
  protect: 'GAZETTEER_NOT_LOADED',
};

describe('address reader entry, sources in a fresh module graph', () => {
  it('core alone → documented codes; + address entry → own gazetteer works, default still missing; + gazetteer entry → everything', async () => {
    vi.resetModules();
    const api = (await import('../../src/index.js')) as Core;
    expect(withoutReader(api)).toEqual(NOT_LOADED);
    // isGazetteer and the constants need no reader.
    expect(api.isGazetteer({ kind: 'waybill-shield/gazetteer' })).toBe(true);
    expect(api.isGazetteer({})).toBe(false);
    expect(api.MAX_ADDRESS_LENGTH).toBe(2000);
    expect(api.ADDRESS_MASK).toBe('***');
    // The messages name the import to add.
    expect((thrown(() => api.createGazetteer(tiny)) as Error).message).toContain("'waybill-shield/address'");
    expect((thrown(() => api.parseAddress('Hà Nội')) as Error).message).toContain("'waybill-shield/gazetteer'");

    const entry = await import('../../src/address-entry.js');
    // The entry re-exports the core's functions, not copies.
    expect(entry.parseAddress).toBe(api.parseAddress);
    expect(entry.createGazetteer).toBe(api.createGazetteer);
    readerAlone(api);

    await import('../../src/gazetteer.js');
    everything(api);
    vi.resetModules();
  });

  it('no input reaches the not-loaded errors (message, JSON form), whatever the address', async () => {
    vi.resetModules();
    const api = (await import('../../src/index.js')) as Core;
    const word = fc.string({ unit: fc.constantFrom(...'abcdeghiklmnopqrstuvxyàáảãạăâđêôơưễộờữ'.split('')), minLength: 2, maxLength: 8 });
    const address = fc.tuple(fc.integer({ min: 1000, max: 99_999 }), fc.array(word, { minLength: 1, maxLength: 5 })).map(([n, ws]) => ({ digits: String(n), text: `Số ${n} ${ws.join(' ')}, Hà Nội` }));
    fc.assert(
      fc.property(address, fc.boolean(), ({ digits, text }, own) => {
        const opts = own ? { gazetteer: { kind: 'waybill-shield/gazetteer' } as unknown as ReturnType<Core['createGazetteer']> } : undefined;
        for (const fn of [() => api.parseAddress(text, opts), () => api.maskAddress(text, opts)]) {
          const e = thrown(fn);
          expect(api.isWaybillShieldError(e)).toBe(true);
          const shown = `${(e as Error).message} ${JSON.stringify(e)} ${String((e as Error).stack)}`;
          expect(shown).not.toContain(text);
          expect(shown).not.toContain(digits);
        }
      }),
      { numRuns: 200 },
    );
    vi.resetModules();
  });
});

/** Bundle `contents` for the browser from the repository root and load it as a data: module. */
async function browserModule(contents: string): Promise<Core> {
  const r = await build({ stdin: { contents, resolveDir: new URL('../..', import.meta.url).pathname, loader: 'js' }, bundle: true, minify: true, platform: 'browser', format: 'esm', write: false, logLevel: 'silent' });
  return (await import(`data:text/javascript;base64,${Buffer.from(r.outputFiles[0]!.text).toString('base64')}`)) as Core;
}

describe('address reader entry, built browser bundles (dist/)', () => {
  it('the core alone throws the documented codes; the constants and isGazetteer still work', async () => {
    const api = await browserModule(`export * from './dist/index.js';`);
    expect(withoutReader(api)).toEqual(NOT_LOADED);
    expect(api.MAX_ADDRESS_LENGTH).toBe(2000);
    expect(api.isGazetteer({ kind: 'waybill-shield/gazetteer' })).toBe(true);
  });

  it('core + waybill-shield/address: createGazetteer and an own gazetteer work, the default is still missing', async () => {
    readerAlone(await browserModule(`export * from './dist/index.js'; import './dist/address.js';`));
  });

  it('core + waybill-shield/gazetteer: everything works', async () => {
    everything(await browserModule(`export * from './dist/index.js'; import './dist/gazetteer.js';`));
  });
});
