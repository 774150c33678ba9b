/**
 * End-to-end courier reveal, as a courier backend runs it:
 * intake → label with a reveal token → the assigned courier redeems it → the phone is revealed
 * → the parcel is reassigned, which kills the old token → the audit chain verifies.
 *
 * Run: npx tsx examples/courier-reveal.ts
 * (In an application, import from 'waybill-shield'; this example imports the sources directly.)
 */
import '../src/index.node.js'; // what `import 'waybill-shield'` runs on Node: the bundled gazetteer and native seals
import { Keyring } from '../src/keys/keyring.js';
import { protect } from '../src/protect.js';
import { WaybillShieldError } from '../src/errors.js';
import { AuditChain, MemoryAuditSink } from '../src/audit/index.js';
import { MemoryLedger } from '../src/ledger/index.js';
import { formatRevealToken, issueRevealToken, redeemRevealToken, reveal } from '../src/reveal/index.js';
import { callerCode, verifyCallerCode } from '../src/verify/index.js';

// Backend state: a keyring from the secret store, a ledger (RedisLedger in production), an audit log.
const keyring = Keyring.generate();
const ledger = new MemoryLedger();
// Before relying on a ledger, ask whether it keeps used tokens used. In production this is a
// RedisLedger from 'waybill-shield/redis' (AOF persistence, `replicas: 1` on a replicated
// Redis); this in-process ledger never is, so the example warns, as a backend should at startup.
const health = await ledger.check();
if (!health.ok) for (const w of health.warnings) console.warn(`ledger warning: ${w}`);
const sink = new MemoryAuditSink();
const audit = new AuditChain({ sinks: sink });

// 1. Intake: the order comes in, assigned to courier-042.
const record = protect(
  {
    id: 'GHN2611290001',
    recipient: { name: 'Nguyễn Thị Minh Khai', phone: '0901 234 567', address: 'Số 12 ngõ 34 Nguyễn Trãi, Phường Thượng Đình, Hà Nội' },
    sender: { name: 'Trần Văn Bình', phone: '028 3812 3456', address: '47/9B Lê Lợi, Phường Bến Nghé, TP.HCM' },
    goods: { description: 'Ốp lưng điện thoại', quantity: 2 },
    codAmount: 250_000,
    assignment: { courierId: 'courier-042', number: 1 },
  },
  { keyring },
);

// 2. Label: masked data plus a token for the assigned courier, valid for today's round.
const now = new Date();
const token = issueRevealToken({
  keyring,
  waybillId: record.id,
  courierId: record.assignment!.courierId,
  assignment: record.assignment!.number,
  notAfter: new Date(now.getTime() + 12 * 3_600_000),
  audit,
  actor: 'svc:intake',
});
console.log('label:', record.label.recipient.name, record.label.recipient.phone, '| token', formatRevealToken(token));

// 3. At the door the courier scans the QR (or types the token, in any case, with dashes).
const scanned = formatRevealToken(token).toLowerCase();
const grant = await redeemRevealToken(scanned, {
  keyring,
  waybillId: record.id,
  courierId: 'courier-042', // from the courier's authenticated session
  assignment: record.assignment!.number,
  ledger,
  audit,
});
const shown = reveal(record, grant, { keyring, audit });
console.log('courier-042 sees:', shown['recipient.phone']);

// The recipient can check that the caller is the real courier.
const { code } = callerCode({ keyring, waybillId: record.id, courierId: 'courier-042' });
console.log('caller code', code, 'verifies:', verifyCallerCode(code, { keyring, waybillId: record.id, courierId: 'courier-042', audit }));

// 4. Reassignment to courier-077: the assignment number goes up, so the old token dies with no stored state.
const reassigned = { ...record, assignment: { courierId: 'courier-077', number: 2 } };
try {
  await redeemRevealToken(token, { keyring, waybillId: record.id, courierId: 'courier-042', assignment: 2, ledger, audit });
  throw new Error('the old token must not redeem');
} catch (e) {
  if (!(e instanceof WaybillShieldError)) throw e;
  // Callers see one generic message; the reason is for logs and the audit trail.
  console.log('old token after reassignment:', e.code, `(${e.reason})`);
}
const token2 = issueRevealToken({ keyring, waybillId: record.id, courierId: 'courier-077', assignment: 2, notAfter: new Date(now.getTime() + 12 * 3_600_000) });
const grant2 = await redeemRevealToken(token2, { keyring, waybillId: record.id, courierId: 'courier-077', assignment: 2, ledger, audit });
console.log('courier-077 sees:', reveal(reassigned, grant2, { keyring, audit })['recipient.phone']);

// 5. Audit: every step is recorded without values, and the chain verifies.
for (const r of sink.records) console.log(`  #${r.seq} ${r.action.padEnd(13)} ${r.actor.padEnd(12)} ${r.outcome.padEnd(6)} ${r.reason ?? ''}`);
const result = audit.verify();
console.log('audit chain:', result.ok ? `ok, ${result.count} records` : `${result.problem} at seq ${result.seq}`);
if (!result.ok) process.exitCode = 1;
