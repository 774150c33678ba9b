/**
 * Runs the BUILT CLI (`node dist/cli.js`) as a child process, the way label scripts run it.
 * `npm test` builds first; when dist/cli.js is missing the tests fail with that instruction.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const FIXTURES = join(ROOT, 'test', 'fixtures', 'cli');

/** Fail loudly when the build is missing instead of testing nothing. */
export function requireBuild(): void {
  if (!existsSync(join(ROOT, 'dist', 'cli.js')) || !existsSync(join(ROOT, 'dist', 'cli-worker.js'))) {
    throw new Error('dist/cli.js is missing: run `npm run build` first (`npm test` builds before testing)');
  }
}

let snapshot: string | undefined;

/**
 * The built CLI, from a private copy of dist/ taken on first use: a rebuild (tsup cleans dist/)
 * while tests run must not pull files from under a running CLI. The copy sits in a temporary
 * package (package.json for ESM, node_modules linked) so its imports resolve as in the project.
 * @returns the path of the copy's cli.js
 */
export function builtCli(): string {
  if (snapshot === undefined) {
    requireBuild();
    const dir = mkdtempSync(join(tmpdir(), 'waybill-shield-dist-'));
    cpSync(join(ROOT, 'dist'), join(dir, 'dist'), { recursive: true });
    cpSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    if (!existsSync(join(dir, 'dist', 'cli.js'))) throw new Error('dist/ changed while it was copied; run the tests again');
    snapshot = join(dir, 'dist', 'cli.js');
  }
  return snapshot;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Run `node dist/cli.js ...args`.
 * @param args - CLI arguments
 * @param opts - stdin text, working directory, extra environment
 */
export function runCli(args: string[], opts: { input?: string | Buffer; cwd?: string; env?: Record<string, string> } = {}): Promise<RunResult> {
  const cli = builtCli();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {
      cwd: opts.cwd ?? ROOT,
      env: { ...process.env, ...opts.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
    child.stdin.on('error', () => {});
    child.stdin.end(opts.input ?? '');
  });
}

/** A fresh temporary directory. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'waybill-shield-cli-'));
}

/** Parse NDJSON text, failing on any line that is not JSON. */
export function ndjson(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}
