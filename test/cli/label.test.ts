import { chmodSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, ndjson, runCli, tempDir } from './_cli.js';

let dir: string;
let keys: string;
let protectedFile: string;
beforeAll(async () => {
  dir = tempDir();
  keys = join(dir, 'keys.json');
  expect((await runCli(['keygen', '-o', keys])).code).toBe(0);
  protectedFile = join(dir, 'protected.ndjson');
  expect((await runCli(['protect', join(FIXTURES, 'plain.csv'), '--keys', keys, '-o', protectedFile, '-q'])).code).toBe(0);
});

const fhDecode = (s: string) => {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '_') {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(s.charCodeAt(i));
  }
  return Buffer.from(bytes).toString('utf8');
};

describe('label', () => {
  it('prints ZPL for every record to stdout: one ^XA…^XZ each, ready for a raw printer queue', async () => {
    const r = await runCli(['label', protectedFile, '--format', 'zpl']);
    expect(r.code).toBe(0);
    expect(r.stdout.match(/\^XA/g)).toHaveLength(2);
    expect(r.stdout.match(/\^XZ/g)).toHaveLength(2);
    expect(r.stdout).toContain('^CI28');
    expect(r.stdout).toContain('^A@N,');
    expect(r.stderr).toContain('2 labels, 0 rejected');
    const qr = [...r.stdout.matchAll(/\^BQN[^\n]*\^FD([^\n]*)\^FS/g)].map((m) => fhDecode(m[1]!));
    expect(qr).toEqual(['MA,WS1/VN-P-0001', 'MA,WS1/VN-P-0002']);
  });

  it('--token-for puts a token for that courier in the QR, and rejects records assigned to another courier', async () => {
    const r = await runCli(['label', protectedFile, '--format', 'zpl', '--token-for', 'courier-042', '--valid-hours', '12', '--keys', keys]);
    expect(r.code).toBe(3);
    const qr = [...r.stdout.matchAll(/\^BQN[^\n]*\^FD([^\n]*)\^FS/g)].map((m) => fhDecode(m[1]!));
    expect(qr).toHaveLength(1);
    expect(qr[0]).toMatch(/^MA,WS1\/VN-P-0001\/[0-9A-Z]{20}$/);
    expect(ndjson(r.stderr.split('\n').filter((l) => l.startsWith('{')).join('\n'))).toEqual([
      { row: 2, line: 2, code: 'INVALID_INPUT', issues: [{ path: 'assignment.courierId', rule: 'mismatch' }] },
    ]);
    const token = qr[0]!.split('/')[2]!;
    const ok = await runCli(['token', 'redeem', token, '--keys', keys, '--waybill', 'VN-P-0001', '--courier', 'courier-042', '--assignment', '1']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({ accepted: true, fields: ['recipient.phone'] });
  });

  it('--token-for needs --valid-hours and --keys', async () => {
    expect((await runCli(['label', protectedFile, '--format', 'zpl', '--token-for', 'courier-042'])).code).toBe(2);
    const r = await runCli(['label', protectedFile, '--format', 'zpl', '--token-for', 'courier-042', '--valid-hours', '2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--keys (with --token-for) is required');
  });

  it('writes one file per label into a directory', async () => {
    const out = join(dir, 'svg');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(out);
    const r = await runCli(['label', protectedFile, '--format', 'svg', '-o', out, '-q']);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['VN-P-0001.svg', 'VN-P-0002.svg']);
    expect(readFileSync(join(out, 'VN-P-0001.svg'), 'utf8')).toMatch(/^<svg [^>]*viewBox="0 0 800 1200"/);
  });

  it('text labels for a terminal; SVG to one file refuses a second label', async () => {
    const text = await runCli(['label', protectedFile, '--format', 'text', '-q']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('| VN-P-0002');
    expect(text.stdout).toContain('Hàng hóa');
    const svg = await runCli(['label', protectedFile, '--format', 'svg', '-q']);
    expect(svg.code).toBe(2);
    expect(svg.stderr).toContain('give -o DIR');
  });

  it('rejects input lines that are not protected waybills, without their values, and goes on', async () => {
    const file = join(dir, 'mixed.ndjson');
    const good = readFileSync(protectedFile, 'utf8').split('\n')[0]!;
    writeFileSync(file, `{"id":"0901234567","secret":"Nguyễn"}\n${good}\nnot json at all 0901234567\n`);
    const r = await runCli(['label', file, '--format', 'zpl', '--rejects', join(dir, 'label.rejects')]);
    expect(r.code).toBe(3);
    expect(r.stdout.match(/\^XA/g)).toHaveLength(1);
    const rejects = readFileSync(join(dir, 'label.rejects'), 'utf8');
    expect(ndjson(rejects).map((x) => [x.row, x.code])).toEqual([
      [1, 'INVALID_INPUT'],
      [3, 'INVALID_INPUT'],
    ]);
    expect(rejects + r.stderr).not.toMatch(/0901234567|Nguyễn|secret/);
  });

  it('bad label options fail before reading input, naming the option only', async () => {
    const r = await runCli(['label', protectedFile, '--format', 'zpl', '--font', 'E:X.TTF^XZ']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^waybill-shield label: RENDER_FAILED: font: has an invalid format/);
    expect(r.stderr).not.toContain('^XZ');
    expect((await runCli(['label', protectedFile, '--format', 'pdf'])).code).toBe(2);
    expect((await runCli(['label', protectedFile, '--format', 'zpl', '--dpi', '600'])).code).toBe(2);
  });

  it('warns when the keyring file is readable by others', async () => {
    const loose = join(dir, 'loose.json');
    writeFileSync(loose, readFileSync(keys));
    chmodSync(loose, 0o644);
    const r = await runCli(['label', protectedFile, '--format', 'zpl', '--token-for', 'courier-042', '--valid-hours', '1', '--keys', loose]);
    expect(r.stderr).toContain('warning: the keyring file can be read by other users');
  });
});

describe('label --names', () => {
  it('records protected with given-name masks print with --names given-name, and are refused without it', async () => {
    const { Keyring, protect } = await import('../../src/index.js');
    const keyring = Keyring.generate();
    const record = protect(
      {
        id: 'VN-GN-0001',
        recipient: { name: 'Nguyễn Thị Minh Khai', phone: '0901234567', address: 'Số 12 ngõ 34 Nguyễn Trãi, Phường Thượng Đình, Quận Thanh Xuân, Hà Nội' },
        sender: { name: 'Trần Văn Bình', phone: '028 3812 3456', address: '47 Lê Lợi, Phường Bến Nghé, Quận 1, TP.HCM' },
        goods: { description: 'Áo thun' },
      },
      { keyring, policy: { recipientName: { style: 'given-name' } } },
    );
    expect(record.label.recipient.name).toBe('N** T** M** Khai');
    const file = join(dir, 'given-name.ndjson');
    writeFileSync(file, `${JSON.stringify(record)}\n`);
    const refused = await runCli(['label', file, '--format', 'text']);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('name_mask');
    expect(refused.stderr).not.toContain('Khai');
    const shown = await runCli(['label', file, '--format', 'text', '--names', 'given-name']);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('N** T** M** Khai');
    expect((await runCli(['label', file, '--format', 'text', '--names', 'full'])).code).toBe(2);
  });
});
