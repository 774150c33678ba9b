/**
 * Renders the golden labels with real renderers and checks the result: ZPL through
 * zpl-renderer-js (a WASM build of the Zebrash renderer), SVG through @resvg/resvg-js. Each label
 * must be inked, every zone must hold ink, and the margins must stay clear. With
 * `UPDATE_GOLDEN=1` the PNGs are also written to docs/images for the README.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { Resvg } from '@resvg/resvg-js';
import { ready, type ZplApi } from 'zpl-renderer-js';
import { renderLabel } from '../../src/label/index.js';
import { layoutLabel, LABEL_SIZES_MM, DOTS_PER_MM, type ZoneName } from '../../src/label/_layout.js';
import { buildView } from '../../src/label/_view.js';
import { fixture, inkIn, pngPixels, svgPixels, TOKEN } from './_helpers.js';

const ZONES: ZoneName[] = ['barcode', 'routing', 'recipient', 'sender', 'goods', 'cod', 'weight', 'qr'];
const images = fileURLToPath(new URL('../../docs/images/', import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === '1';

let api: ZplApi;
beforeAll(async () => {
  api = (await ready).api;
}, 60_000);

const cases = [
  { size: '100x150', dpi: 203, fold: false },
  { size: 'A6', dpi: 300, fold: false },
  { size: '100x150', dpi: 300, fold: true },
] as const;

describe.each(cases)('rendered label %j', ({ size, dpi, fold }) => {
  const p = fixture();
  const { view, captions } = buildView(p, TOKEN.replaceAll('-', ''), fold);
  const layout = layoutLabel(view, captions, size, dpi);
  const total = { x: 0, y: 0, w: layout.width, h: layout.height };

  function checkZones(img: { width: number; height: number; pixels: Uint8Array }) {
    expect(img.width).toBe(layout.width);
    const all = inkIn(img, total);
    // Not blank, and not a black page either.
    expect(all).toBeGreaterThan(total.w * total.h * 0.03);
    expect(all).toBeLessThan(total.w * total.h * 0.5);
    for (const z of ZONES) expect({ zone: z, ink: inkIn(img, layout.zones[z]) > 50 }).toEqual({ zone: z, ink: true });
    // A 1 mm margin on the left and right stays clear.
    const mm = DOTS_PER_MM[dpi];
    expect(inkIn(img, { x: 0, y: 0, w: mm, h: layout.height })).toBe(0);
    expect(inkIn(img, { x: layout.width - mm, y: 0, w: mm, h: layout.height })).toBe(0);
  }

  it('ZPL renders through zpl-renderer-js with every zone inked', async () => {
    const zpl = renderLabel(p, { format: 'zpl', token: TOKEN, size, dpi, fold });
    const { w, h } = LABEL_SIZES_MM[size];
    const b64 = await api.zplToBase64Async(zpl, w, h, DOTS_PER_MM[dpi]);
    const png = Buffer.from(b64, 'base64');
    checkZones(pngPixels(png, layout.width, layout.height));
    if (UPDATE && size === '100x150' && dpi === 203 && !fold) {
      mkdirSync(images, { recursive: true });
      writeFileSync(`${images}label-zpl.png`, png);
    }
  });

  it('SVG renders through resvg with every zone inked', () => {
    const svg = renderLabel(p, { format: 'svg', token: TOKEN, size, dpi, fold });
    const img = svgPixels(svg, layout.width);
    checkZones(img);
    if (UPDATE && size === '100x150' && dpi === 203 && !fold) {
      mkdirSync(images, { recursive: true });
      writeFileSync(`${images}label-svg.png`, new Resvg(svg, { fitTo: { mode: 'width', value: layout.width }, font: { loadSystemFonts: true }, background: '#ffffff' }).render().asPng());
    }
  });
});

describe('zones hold what they should', () => {
  it('the ZPL QR fills its zone and nothing spills to its right', async () => {
    const p = fixture();
    const { view, captions } = buildView(p, undefined, false);
    const layout = layoutLabel(view, captions, '100x150', 203);
    const zpl = renderLabel(p, { format: 'zpl' });
    const img = pngPixels(Buffer.from(await api.zplToBase64Async(zpl, 100, 150, 8), 'base64'), layout.width, layout.height);
    const qr = layout.zones.qr;
    // The QR's ink fills a good share of its zone (a QR is roughly half dark modules).
    expect(inkIn(img, qr)).toBeGreaterThan(qr.w * qr.h * 0.2);
    // Nothing is drawn between the QR zone and the right edge margin.
    expect(inkIn(img, { x: qr.x + qr.w, y: qr.y, w: layout.width - qr.x - qr.w, h: qr.h })).toBe(0);
  });
});
