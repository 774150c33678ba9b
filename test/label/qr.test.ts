import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';

// Record every call to the barcode renderer, to check what the SVG's QR is given.
const calls = vi.hoisted(() => [] as { bcid: string; text: string }[]);
vi.mock('bwip-js', async (importOriginal) => {
  const real = await importOriginal<typeof import('bwip-js')>();
  return {
    ...real,
    toSVG: (opts: { bcid: string; text: string }) => {
      calls.push({ bcid: opts.bcid, text: opts.text });
      return real.toSVG(opts as never);
    },
  };
});

import { renderLabel, labelQrPayload, parseLabelQr } from '../../src/label/index.js';
import { WaybillShieldError } from '../../src/errors.js';
import { fixture, TOKEN } from './_helpers.js';

describe('the SVG QR is drawn from the id and token only', () => {
  it('bwip-js receives WS1/<id>/<token> for the QR and the id for Code 128', () => {
    calls.length = 0;
    const p = fixture();
    renderLabel(p, { format: 'svg', token: TOKEN });
    expect(calls).toEqual([
      { bcid: 'code128', text: 'VN2025000123' },
      { bcid: 'qrcode', text: 'WS1/VN2025000123/7K3M9QXW2DHT5VBN' },
    ]);
    const qr = calls[1]!.text;
    for (const s of [p.label.recipient.name, p.label.recipient.phone, p.label.sender.phone, p.label.goods, p.index['recipient.phone'], '32000000']) {
      expect(qr).not.toContain(s);
    }
  });

  it('without a token the QR holds the id alone', () => {
    calls.length = 0;
    renderLabel(fixture(), { format: 'svg' });
    expect(calls.find((c) => c.bcid === 'qrcode')!.text).toBe('WS1/VN2025000123');
  });
});

describe('label QR payload format', () => {
  it('round-trips any id and token', () => {
    const id = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/);
    const token = fc.stringMatching(/^[0-9A-Z]{1,20}$/);
    fc.assert(
      fc.property(id, fc.option(token, { nil: undefined }), (i, t) => {
        const parsed = parseLabelQr(labelQrPayload(i, t));
        expect(parsed).toEqual(t === undefined ? { waybillId: i } : { waybillId: i, token: t });
      }),
    );
  });

  it('accepts grouped and lowercase tokens, storing them canonically', () => {
    expect(labelQrPayload('VN1', '7k3m-9qxw')).toBe('WS1/VN1/7K3M9QXW');
  });

  it.each(['', 'WS2/VN1', 'WS1/', 'WS1/VN 1', 'WS1/VN1/abc', 'WS1/VN1/ABC/DEF', 'http://evil/WS1/VN1', 'WS1/VN1/' + 'A'.repeat(60)])(
    'refuses %j',
    (s) => {
      expect(() => parseLabelQr(s)).toThrow(WaybillShieldError);
    },
  );

  it('refuses a malformed id or token when building', () => {
    expect(() => labelQrPayload('VN/1')).toThrow(WaybillShieldError);
    expect(() => labelQrPayload('VN1', 'AB/CD')).toThrow(WaybillShieldError);
    expect(() => parseLabelQr(42 as never)).toThrow(WaybillShieldError);
  });
});
