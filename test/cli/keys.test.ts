import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Keyring } from '../../src/keys/keyring.js';
import { protect, unseal } from '../../src/protect.js';
import { WaybillShieldError } from '../../src/errors.js';
import { sampleWaybill } from '../helpers/fixtures.js';
import { AuditChain } from '../../src/audit/index.js';
import { JsonlAuditSink } from '../../src/audit/jsonl.js';
import { runCli, tempDir } from './_cli.js';

const who = { actor: 'cs-17', purpose: 'complaint-callback' };

function keyFile(k: Keyring): { dir: string; file: string } {
  const dir = tempDir();
  const file = join(dir, 'keys.json');
  writeFileSync(file, JSON.stringify(k.export()), { mode: 0o600 });
  return { dir, file };
}

describe('keys', () => {
  it('keys shred --before works on a file: 0600, atomic, old epochs gone, live ones open', async () => {
    const k = Keyring.generate({ now: new Date('2026-11-30T00:00:00Z') });
    const { dir, file } = keyFile(k);
    const old = protect(sampleWaybill({ id: 'CLI-OLD' }), { keyring: k, now: new Date('2026-01-10T00:00:00Z') });
    const kept = protect(sampleWaybill({ id: 'CLI-KEPT' }), { keyring: k, now: new Date('2026-02-10T00:00:00Z') });
    const audit = join(dir, 'audit.jsonl');
    const r = await runCli(['keys', 'shred', '--before', '2026-02', '--keys', file, '--audit', audit, '--actor', 'ops-7']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { shredded: string[]; shreddedBefore: string };
    expect(out.shredded).toEqual(k.epochs!.live.filter((e) => e < '2026-02'));
    expect(out.shreddedBefore).toBe('2026-02');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const after = Keyring.fromJSON(readFileSync(file, 'utf8'));
    try {
      unseal(old, 'recipient.phone', { keyring: after, ...who });
      throw new Error('opened');
    } catch (e) {
      expect((e as WaybillShieldError).code).toBe('DATA_SHREDDED');
    }
    expect(unseal(kept, 'recipient.phone', { keyring: after, ...who })).toBe('+84901234567');
    const text = readFileSync(file, 'utf8');
    for (const ep of k.export().epochs!.live) expect(text.includes(ep.secret)).toBe(ep.id >= '2026-02');
    // The audit file is a valid chain with one keys.shred record per destroyed epoch.
    const v = await runCli(['verify-audit', audit]);
    expect(v.code).toBe(0);
    expect(JSON.parse(v.stdout)).toMatchObject({ ok: true, count: out.shredded.length });
    const lines = readFileSync(audit, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { action: string; reason: string; actor: string });
    expect(lines.map((l) => l.reason)).toEqual(out.shredded.map((e) => `epoch-${e}`));
    expect(lines.every((l) => l.action === 'keys.shred' && l.actor === 'ops-7')).toBe(true);
  });

  it('one audit file across a shred: unseal records, the CLI shred records, then more; verify-audit passes', async () => {
    const k = Keyring.generate({ now: new Date('2026-11-30T00:00:00Z') });
    const { dir, file } = keyFile(k);
    const audit = join(dir, 'audit.jsonl');
    const old = protect(sampleWaybill({ id: 'A-OLD' }), { keyring: k, now: new Date('2026-01-10T00:00:00Z') });
    const live = protect(sampleWaybill({ id: 'A-LIVE' }), { keyring: k, now: new Date('2026-06-10T00:00:00Z') });
    const first = new JsonlAuditSink(audit);
    unseal(old, 'recipient.phone', { keyring: k, ...who, audit: new AuditChain({ sinks: first }) });
    first.close(); // one writer at a time: the sink holds the file's lock until closed
    expect((await runCli(['keys', 'shred', '--before', '2026-03', '--keys', file, '--audit', audit])).code).toBe(0);
    const after = Keyring.fromJSON(readFileSync(file, 'utf8'));
    const sink = new JsonlAuditSink(audit);
    const chain = new AuditChain({ sinks: sink });
    unseal(live, 'recipient.phone', { keyring: after, ...who, audit: chain });
    expect(() => unseal(old, 'recipient.phone', { keyring: after, ...who, audit: chain })).toThrow(/DATA_SHREDDED/);
    sink.close();
    const v = await runCli(['verify-audit', audit, '--head', chain.head.hash]);
    expect(v.code).toBe(0);
    const records = readFileSync(audit, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { action: string; outcome: string; reason: string | null });
    expect(records.map((r) => r.action)).toEqual(['unseal', ...k.epochs!.live.filter((e) => e < '2026-03').map(() => 'keys.shred'), 'unseal', 'unseal']);
    expect(records.at(-1)).toMatchObject({ outcome: 'error', reason: 'data-shredded' });
  });

  it('keys info lists epochs without key material', async () => {
    const k = Keyring.generate();
    const { file } = keyFile(k);
    const r = await runCli(['keys', 'info', '--keys', file]);
    expect(r.code).toBe(0);
    const info = JSON.parse(r.stdout) as { primary: number; epochs: { live: string[]; current: string; currentLive: boolean; epochsAhead: number } };
    expect(info.primary).toBe(1);
    expect(info.epochs.live).toEqual(k.epochs!.live);
    expect(info.epochs.currentLive).toBe(true);
    expect(info.epochs.epochsAhead).toBe(12);
    const secrets = [k.export().keys[0]!.key, ...k.export().epochs!.live.map((e) => e.secret)];
    for (const s of secrets) expect(r.stdout + r.stderr).not.toContain(s);
  });

  it('keys ensure upgrades a version 1 keyring file and creates epochs ahead', async () => {
    const { file } = keyFile(Keyring.generate());
    const v1 = { v: 1, primary: 1, keys: [JSON.parse(readFileSync(file, 'utf8')).keys[0]] };
    writeFileSync(file, JSON.stringify(v1), { mode: 0o600 });
    const r = await runCli(['keys', 'ensure', '--ahead', '3', '--keys', file]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { created: string[] }).created).toHaveLength(4);
    const k = Keyring.fromJSON(readFileSync(file, 'utf8'));
    expect(k.export().v).toBe(2);
    expect(k.epochs!.live).toHaveLength(4);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('bad usage leaves the file untouched', async () => {
    const { file } = keyFile(Keyring.generate());
    const before = readFileSync(file, 'utf8');
    for (const args of [
      ['keys', 'shred', '--keys', file],
      ['keys', 'shred', '--before', '2026', '--keys', file],
      ['keys', 'shred', '--before', '2026-13', '--keys', file],
      ['keys', 'burn', '--keys', file],
      ['keys', 'info'],
      ['keys', 'shred', '--before', '2026-01', '--keys', join(tempDir(), 'missing.json')],
    ]) {
      const r = await runCli(args);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/^waybill-shield keys: /);
      expect(readFileSync(file, 'utf8')).toBe(before);
    }
    expect(existsSync(file)).toBe(true);
    const help = await runCli(['keys', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('keys <info|shred|ensure>');
  });
});
