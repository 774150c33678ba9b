/**
 * A separate writer process for the audit lock tests: `node --import tsx _writer.ts FILE N [hold]`.
 * Opens FILE with a JsonlAuditSink, appends N records through an AuditChain and prints `ready`.
 * With `hold` it keeps the file (and its lock) until stdin closes. On failure it prints the
 * error code only and exits 3.
 */
import { AuditChain } from '../../src/audit/index.js';
import { WaybillShieldError } from '../../src/errors.js';
import { JsonlAuditSink } from '../../src/node.js';

const [path, n, mode] = process.argv.slice(2);
try {
  const sink = new JsonlAuditSink(path!);
  const chain = new AuditChain({ sinks: sink });
  for (let i = 0; i < Number(n); i++) chain.append({ actor: `cs-${process.pid % 1000}`, action: 'unseal', waybillId: `W${i}`, fields: ['recipient.phone'], purpose: 'complaint-callback', outcome: 'ok' });
  process.stdout.write('ready\n');
  if (mode === 'hold') {
    process.stdin.resume();
    process.stdin.on('end', () => {
      sink.close();
      process.exit(0);
    });
  }
} catch (e) {
  process.stdout.write(`${e instanceof WaybillShieldError ? e.code : 'FOREIGN'}\n`);
  process.exit(3);
}
