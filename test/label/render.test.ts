import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { renderLabel, parseLabelQr, DEFAULT_ZPL_FONT, type RenderLabelOptions } from '../../src/label/index.js';
import { WaybillShieldError } from '../../src/errors.js';
import type { ProtectedWaybill } from '../../src/protect.js';
import { fhDecode, fixture, svgPixels, TOKEN, zplFields } from './_helpers.js';

const goldenDir = fileURLToPath(new URL('../golden/', import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === '1';

function golden(name: string, actual: string): void {
  const file = `${goldenDir}${name}`;
  if (UPDATE || !existsSync(file)) {
    if (!UPDATE) throw new Error(`golden ${name} is missing; run with UPDATE_GOLDEN=1 to create it`);
    mkdirSync(goldenDir, { recursive: true });
    writeFileSync(file, actual);
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

function withLabel(mutate: (p: ProtectedWaybill) => void): ProtectedWaybill {
  const p = fixture();
  mutate(p);
  return p;
}

function thrown(fn: () => unknown): WaybillShieldError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(WaybillShieldError);
    return e as WaybillShieldError;
  }
  throw new Error('expected a throw');
}

describe('golden labels (fixed record, fixed key)', () => {
  it('text', () => golden('label-100x150-203.txt', renderLabel(fixture(), { format: 'text', token: TOKEN })));
  it('zpl', () => golden('label-100x150-203.zpl', renderLabel(fixture(), { format: 'zpl', token: TOKEN })));
  it('svg', () => golden('label-100x150-203.svg', renderLabel(fixture(), { format: 'svg', token: TOKEN })));
  it('zpl, A6 at 300 dpi, folded, no token', () =>
    golden('label-A6-300-fold.zpl', renderLabel(fixture(), { format: 'zpl', size: 'A6', dpi: 300, fold: true })));
  it('text, folded', () => golden('label-fold.txt', renderLabel(fixture(), { format: 'text', fold: true })));

  it('text shows every zone with Vietnamese formatting', () => {
    const t = renderLabel(fixture(), { format: 'text', token: TOKEN });
    expect(t).toContain('VN2025000123');
    expect(t).toContain('Hà Nội [01]');
    expect(t).toContain('Phường Thượng Đình [00364]');
    expect(t).toContain('N** T** M** K**');
    expect(t).toContain('*******567');
    expect(t).toContain('*******321');
    expect(t).toContain('32.000.000 ₫');
    expect(t).toContain('1,25 kg');
    expect(t).toContain('[DỄ VỠ/FRAGILE]');
    // The token is for the QR only; text labels end up in logs.
    expect(t).not.toContain('7K3M');
    const widths = t.trimEnd().split('\n').map((l) => [...l].length);
    expect(new Set(widths)).toEqual(new Set([50]));
  });
});

describe('ZPL structure', () => {
  const zpl = renderLabel(fixture(), { format: 'zpl', token: TOKEN });

  it('is one ^XA…^XZ format with ^CI28 and the label size in dots', () => {
    expect(zpl.startsWith('^XA\n^CI28\n')).toBe(true);
    expect(zpl.trimEnd().endsWith('^XZ')).toBe(true);
    expect(zpl.match(/\^XA/g)).toHaveLength(1);
    expect(zpl.match(/\^XZ/g)).toHaveLength(1);
    expect(zpl).toContain('^PW800\n^LL1200');
    expect(renderLabel(fixture(), { format: 'zpl', dpi: 300 })).toContain('^PW1200\n^LL1800');
    expect(renderLabel(fixture(), { format: 'zpl', size: 'A6' })).toContain('^PW840\n^LL1184');
    expect(renderLabel(fixture(), { format: 'zpl', size: 'A6', dpi: 300 })).toContain('^PW1260\n^LL1776');
  });

  it('sends every field through ^FH with only inert characters and hex escapes', () => {
    const fields = zplFields(zpl);
    expect(fields.length).toBeGreaterThan(15);
    for (const f of fields) {
      expect(f.cmd.endsWith('^FH')).toBe(true);
      expect(f.data).toMatch(/^(?:[A-Za-z0-9 .,:/()*+\-[\]]|_[0-9A-F]{2})*$/);
    }
    // Every command line is a known command; nothing else reaches the printer.
    for (const line of zpl.trimEnd().split('\n')) expect(line).toMatch(/^\^(XA|XZ|CI28|PW\d+|LL\d+|LH0,0|PQ1|FO\d+,\d+)/);
  });

  it('prints text with ^A@ and the named Unicode font; Code 128 with ^BC; QR with ^BQ', () => {
    const fields = zplFields(zpl);
    const text = fields.filter((f) => f.cmd.includes('^A@'));
    expect(text.length).toBeGreaterThan(10);
    for (const f of text) expect(f.cmd).toContain(`,${DEFAULT_ZPL_FONT}^FH`);
    expect(fields.filter((f) => f.cmd.includes('^BC'))).toHaveLength(1);
    expect(fields.filter((f) => f.cmd.includes('^BQ'))).toHaveLength(1);
    expect(fhDecode(fields.find((f) => f.cmd.includes('^BC'))!.data)).toBe('VN2025000123');
    const decoded = fields.map((f) => fhDecode(f.data));
    expect(decoded).toContain('Phường Thượng Đình [00364]');
    expect(decoded).toContain('32.000.000 ₫');
    const custom = renderLabel(fixture(), { format: 'zpl', font: 'R:ARIALUNI.TTF' });
    expect(custom).toContain('^A@N,40,0,R:ARIALUNI.TTF^FH');
  });

  it('fold prints unaccented Vietnamese with the built-in ^A0 font', () => {
    const folded = renderLabel(fixture(), { format: 'zpl', fold: true });
    const fields = zplFields(folded);
    expect(folded).not.toContain('^A@');
    for (const f of fields.filter((x) => x.cmd.includes('^A0'))) expect(fhDecode(f.data)).toMatch(/^[\x20-\x7e]*$/);
    const decoded = fields.map((f) => fhDecode(f.data));
    expect(decoded).toContain('Phuong Thuong Dinh [00364]');
    expect(decoded).toContain('32.000.000 VND');
    expect(decoded.join(' ')).toContain('[DE VO/FRAGILE] [GIA TRI CAO/VALUABLE]');
    // A named font with fold keeps ^A@ with that font.
    expect(renderLabel(fixture(), { format: 'zpl', fold: true, font: 'E:TT0003M_.TTF' })).toContain('^A@N,40,0,E:TT0003M_.TTF');
  });
});

describe('QR payload: waybill id and token only', () => {
  const p = fixture();
  const pii = [
    p.label.recipient.name, p.label.recipient.phone, p.label.recipient.address,
    p.label.sender.name, p.label.sender.phone, p.label.sender.address, p.label.goods,
    ...Object.values(p.sealed), p.index['recipient.phone'], '32000000', '32.000.000',
  ];

  it('ZPL ^BQ data decodes to WS1/<id>/<token>', () => {
    const qr = zplFields(renderLabel(p, { format: 'zpl', token: TOKEN })).find((f) => f.cmd.includes('^BQ'))!;
    const payload = fhDecode(qr.data);
    expect(payload).toBe('MA,WS1/VN2025000123/7K3M9QXW2DHT5VBN');
    expect(parseLabelQr(payload.slice(3))).toEqual({ waybillId: 'VN2025000123', token: '7K3M9QXW2DHT5VBN' });
    for (const s of pii) expect(payload).not.toContain(s);
  });

  it('without a token it holds the id alone', () => {
    const qr = zplFields(renderLabel(p, { format: 'zpl' })).find((f) => f.cmd.includes('^BQ'))!;
    expect(fhDecode(qr.data)).toBe('MA,WS1/VN2025000123');
  });
});

describe('options are validated once, and never echoed', () => {
  const bad: [unknown, string][] = [
    [{ format: 'pdf' }, 'format'],
    [{ format: 'zpl', size: 'A4' }, 'size'],
    [{ format: 'zpl', dpi: 600 }, 'dpi'],
    [{ format: 'zpl', dpi: '203' }, 'dpi'],
    [{ format: 'zpl', font: 'E:X.TTF^XZ' }, 'font'],
    [{ format: 'zpl', font: 'E:ARIAL.TTF,~JR' }, 'font'],
    [{ format: 'svg', token: 'SECRET^XZ' }, 'token'],
    [{ format: 'svg', token: '' }, 'token'],
    [{ format: 'svg', fold: 'yes' }, 'fold'],
    [{ format: 'svg', colour: 'red' }, ''],
  ];
  it.each(bad)('%j → RENDER_FAILED at %s', (opts, path) => {
    const e = thrown(() => renderLabel(fixture(), opts as RenderLabelOptions));
    expect(e.code).toBe('RENDER_FAILED');
    expect(e.issues.map((i) => i.path)).toContain(path);
    for (const v of Object.values(opts as object)) if (typeof v === 'string' && v.length > 4) expect(e.message).not.toContain(v);
  });

  it('missing or non-object options → RENDER_FAILED', () => {
    expect(thrown(() => renderLabel(fixture(), undefined as never)).code).toBe('RENDER_FAILED');
    expect(thrown(() => renderLabel(fixture(), 'zpl' as never)).code).toBe('RENDER_FAILED');
  });

  it('a record that is not a ProtectedWaybill → INVALID_INPUT naming the field, not the value', () => {
    const e = thrown(() => renderLabel(withLabel((p) => ((p as { id: string }).id = 'VN 12<script>')), { format: 'svg' }));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues).toEqual([{ path: 'id', rule: 'format' }]);
    expect(e.message).not.toContain('script');
    expect(thrown(() => renderLabel(null as never, { format: 'text' })).code).toBe('INVALID_INPUT');
    expect(thrown(() => renderLabel({ v: 2 } as never, { format: 'text' })).code).toBe('INVALID_INPUT');
    const cod = thrown(() => renderLabel(withLabel((p) => (p.label.codAmount = -5)), { format: 'zpl' }));
    expect(cod.issues).toEqual([{ path: 'label.codAmount', rule: 'too_small' }]);
  });
});

describe('hostile text cannot inject', () => {
  const hostile = ['^XZ^XA^FO0,0^GB800,1200,800^FS', '~JR', '~DGR:X.GRF', '</text><script>alert(1)</script>', 'A & B < C > D', `"quoted" 'single'`, 'back\\slash _5E >:', '\u001b[2J\u001b[31mred', 'rtl\u202egnp.exe', 'line\nbreak\rcr'];
  // Free-text fields (address, goods, routing names) still take any text, so injection goes
  // through them. Digits are swapped for letters first: a run of 4+ digits is refused by the mask
  // checks (tested below), which would stop these records before the escaping is reached.
  const record = (hostileText: string) =>
    withLabel((p) => {
      const s = hostileText.replace(/[0-9]/g, 'x');
      p.label.recipient.address = `${s} ${s}`;
      p.label.sender.address = s;
      p.label.goods = s;
      (p.routing.recipient as unknown as { ward: { name: string; code: string } }).ward = { name: s, code: '00346' };
    });

  it.each(hostile)('a name or routing code made of %j is refused by the mask checks, not printed', (s) => {
    const e = thrown(() =>
      renderLabel(
        withLabel((p) => {
          p.label.recipient.name = s;
          (p.routing.recipient as unknown as { ward: { name: string; code: string } }).ward = { name: 'Thượng Đình', code: s.slice(0, 20) };
        }),
        { format: 'zpl' },
      ),
    );
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues).toEqual(expect.arrayContaining([{ path: 'label.recipient.name', rule: 'name_mask' }, { path: 'routing.recipient.ward.code', rule: 'format' }]));
    expect(e.message).not.toContain(s.trim().slice(0, 3));
  });

  it.each(hostile)('ZPL: %j stays inside its fields', (s) => {
    const zpl = renderLabel(record(s), { format: 'zpl' });
    expect(zpl.match(/\^XA/g)).toHaveLength(1);
    expect(zpl.match(/\^XZ/g)).toHaveLength(1);
    expect(zpl).not.toContain('~');
    for (const f of zplFields(zpl)) expect(f.data).toMatch(/^(?:[A-Za-z0-9 .,:/()*+\-[\]]|_[0-9A-F]{2})*$/);
    for (const line of zpl.trimEnd().split('\n')) expect(line).toMatch(/^\^(XA|XZ|CI28|PW\d+|LL\d+|LH0,0|PQ1|FO\d+,\d+)/);
  });

  it.each(hostile)('SVG: %j is escaped and the document still parses', (s) => {
    const svg = renderLabel(record(s), { format: 'svg' });
    expect(svg).not.toContain('<script');
    expect(svg).not.toMatch(/<text[^>]*>[^<]*["']/);
    for (const m of svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)) expect(m[1]).not.toMatch(/[<>"']|&(?!amp;|lt;|gt;|quot;|#39;)/);
    expect(svg.match(/<text/g)!.length).toBe(svg.match(/<\/text>/g)!.length);
    expect(() => svgPixels(svg, 200)).not.toThrow();
  });

  it.each(hostile)('text: %j has no control or bidi characters', (s) => {
    const t = renderLabel(record(s), { format: 'text' });
    expect(t.replaceAll('\n', '')).not.toMatch(/[\p{Cc}\p{Cf}]/u);
  });

  it('property: any free label text keeps ZPL, SVG and text output well formed', () => {
    // Names and phones only pass as masks; the free-text fields take anything without a 4-digit run.
    const free = (s: string) => s.replace(/\p{Nd}/gu, 'x');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.string({ maxLength: 40 }), (a, b) => {
        const p = withLabel((r) => {
          r.label.recipient.address = free(a);
          r.label.sender.address = free(a + b);
          r.label.goods = free(b);
        });
        const zpl = renderLabel(p, { format: 'zpl' });
        expect(zpl.match(/\^XZ/g)).toHaveLength(1);
        for (const f of zplFields(zpl)) expect(f.data).toMatch(/^(?:[A-Za-z0-9 .,:/()*+\-[\]]|_[0-9A-F]{2})*$/);
        const svg = renderLabel(p, { format: 'svg' });
        for (const m of svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)) expect(m[1]).not.toMatch(/[<>"']/);
        expect(svg.match(/<text/g)!.length).toBe(svg.match(/<\/text>/g)!.length);
        const t = renderLabel(p, { format: 'text' });
        expect(t.replaceAll('\n', '')).not.toMatch(/[\p{Cc}\p{Cf}]/u);
      }),
      { numRuns: 150 },
    );
  });
});

describe('what the label shows', () => {
  it('never prints the sensitive or restricted flags, nor unknown ones', () => {
    const p = withLabel((r) => {
      r.goods.flags = ['sensitive', 'restricted', 'made-up', 'documents'] as never;
      r.label.goods = 'Hàng hóa';
    });
    const t = renderLabel(p, { format: 'text' });
    expect(t).toContain('[TÀI LIỆU/DOCS]');
    expect(t).not.toMatch(/sensitive|restricted|made-up|NHẠY CẢM/i);
  });

  it('prints handling flags in words, and no flag when the policy hides the goods', () => {
    const p = withLabel((r) => {
      r.goods.flags = ['perishable', 'liquid', 'battery'] as never;
    });
    const shown = renderLabel(p, { format: 'text' });
    for (const w of ['[PIN LITHIUM]', '[CHẤT LỎNG/LIQUID]', '[DỄ HỎNG/PERISHABLE]']) expect(shown).toContain(w);
    p.label.goods = '';
    const hidden = renderLabel(p, { format: 'text' });
    expect(hidden).toMatch(/GOODS {3}- /);
    expect(hidden).not.toMatch(/\[(DỄ|CHẤT|PIN)/);
  });

  it('renders a record without routing, COD or weight', () => {
    const p = withLabel((r) => {
      r.routing = { recipient: { scheme: null }, sender: { scheme: null } } as never;
      delete r.label.codAmount;
      delete r.label.weightGrams;
    });
    const t = renderLabel(p, { format: 'text' });
    expect(t).toContain('not routed');
    expect(t).toMatch(/COD {5}- /);
    const zpl = renderLabel(p, { format: 'zpl' });
    expect(zplFields(zpl).map((f) => fhDecode(f.data))).toContain('Chưa định tuyến / not routed');
  });

  it('shows a legacy district and the 2025 equivalent when the routing has them', () => {
    const p = withLabel((r) => {
      r.routing.recipient = {
        scheme: 'legacy',
        province: { code: '01', name: 'Hà Nội', type: 'thanh-pho', scheme: 'legacy' },
        district: { code: '009', name: 'Thanh Xuân', type: 'quan', scheme: 'legacy' },
        ward: { code: '00364', name: 'Thượng Đình', type: 'phuong', scheme: 'legacy' },
        in2025: { province: { code: '01', name: 'Hà Nội', type: 'thanh-pho', scheme: '2025' }, ward: { code: '00367', name: 'Thanh Xuân', type: 'phuong', scheme: '2025' } },
      } as never;
    });
    const t = renderLabel(p, { format: 'text' });
    expect(t).toContain('Phường Thượng Đình [00364]');
    expect(t).toContain('Quận Thanh Xuân [009]');
    expect(t).toContain('2025: Phường Thanh Xuân [00367] ');
  });

  it('uses fullName when the routing unit carries one', () => {
    const p = withLabel((r) => {
      (r.routing.recipient as unknown as Record<string, unknown>).ward = { code: '00364', name: 'Thượng Đình', fullName: 'Phường Thượng Đình' };
    });
    expect(renderLabel(p, { format: 'text' })).toContain('Phường Thượng Đình [00364]');
  });

  it('never reads sealed envelopes or indexes', () => {
    const p = fixture();
    const out = ['text', 'zpl', 'svg'].map((format) => renderLabel(p, { format: format as 'text', token: TOKEN })).join('\n');
    for (const env of Object.values(p.sealed)) expect(out).not.toContain(env.slice(0, 24));
    expect(out).not.toContain(p.index['recipient.phone']);
  });
});
