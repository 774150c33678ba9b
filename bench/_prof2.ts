import { base64urlnopad } from '@scure/base';
import { protect, viewOf, sealedValues } from '../src/protect.js';
import { parseWaybill } from '../src/schema.js';
import { resolvePolicy } from '../src/policy.js';
import { sealField } from '../src/crypto/envelope.js';
import { phoneIndexOfE164 } from '../src/crypto/blind-index.js';
import { Keyring } from '../src/keys/keyring.js';
import { createNativeProtect } from './peers/native.js';
import { SAMPLE_ROWS } from './samples.js';
const kr = Keyring.generate(); const pol = resolvePolicy();
const native = createNativeProtect(base64urlnopad.decode(kr.export().keys[0]!.key));
const parsed = SAMPLE_ROWS.map((r) => parseWaybill(r));
let i = 0;
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system); };
function t(name: string, f: () => void, n = 20000) { for (let k = 0; k < 2000; k++) f(); const t0 = cpu(); for (let k = 0; k < n; k++) f(); console.log(name.padEnd(12), ((cpu() - t0) / n).toFixed(2), 'us'); }
for (let r = 0; r < 3; r++) {
  t('protect', () => protect(SAMPLE_ROWS[i++ % SAMPLE_ROWS.length], { keyring: kr }));
  t('native', () => native(SAMPLE_ROWS[i++ % SAMPLE_ROWS.length]));
  t('parse', () => parseWaybill(SAMPLE_ROWS[i++ % SAMPLE_ROWS.length]));
  t('viewOf', () => viewOf(parsed[i++ % parsed.length]!, pol));
  t('seals', () => { const wb = parsed[i++ % parsed.length]!; for (const [f, v] of sealedValues(wb)) sealField(kr, wb.id, f, v); });
  t('index', () => { const wb = parsed[i++ % parsed.length]!; phoneIndexOfE164(kr, wb.recipient.phone); });
}
