/**
 * Print labels through the API: protected waybills (NDJSON, as `waybill-shield protect` writes
 * them) in, ZPL out to a file or straight to a Zebra printer's raw port (TCP 9100).
 *
 *   npx tsx examples/print-zpl.ts protected.ndjson                    # writes labels.zpl
 *   ZPL_OUT=run-42.zpl npx tsx examples/print-zpl.ts protected.ndjson # another file
 *   ZEBRA_HOST=10.0.8.21 npx tsx examples/print-zpl.ts protected.ndjson
 *
 * Optional: WAYBILL_SHIELD_KEYS=keys.json and COURIER_ID=courier-042 put a 12-hour reveal token
 * for that courier in each QR code; ZPL_DPI=300, ZPL_SIZE=A6, ZPL_FOLD=1 (printers without
 * a Unicode font), ZPL_FONT=E:ARIALUNI.TTF choose the output.
 *
 * In your own project, import from the package instead of ../src:
 *   import { renderLabel } from 'waybill-shield/label';
 *   import { Keyring, issueRevealToken } from 'waybill-shield';
 */
import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Writable } from 'node:stream';
import { renderLabel, type LabelDpi, type LabelSize, type RenderLabelOptions } from '../src/label/index.js';
import { Keyring, issueRevealToken, isWaybillShieldError, type ProtectedWaybill } from '../src/index.js';

const input = process.argv[2];
if (!input) {
  console.error('usage: npx tsx examples/print-zpl.ts PROTECTED.ndjson');
  process.exit(2);
}

const opts: RenderLabelOptions = { format: 'zpl' };
if (process.env.ZPL_DPI) opts.dpi = Number(process.env.ZPL_DPI) as LabelDpi;
if (process.env.ZPL_SIZE) opts.size = process.env.ZPL_SIZE as LabelSize;
if (process.env.ZPL_FONT) opts.font = process.env.ZPL_FONT;
if (process.env.ZPL_FOLD === '1') opts.fold = true;

const keyring = process.env.WAYBILL_SHIELD_KEYS ? Keyring.fromJSON(readFileSync(process.env.WAYBILL_SHIELD_KEYS, 'utf8')) : undefined;
const courierId = process.env.COURIER_ID;

async function openTarget(): Promise<{ out: Writable; where: string }> {
  const host = process.env.ZEBRA_HOST;
  if (host) {
    // Zebra printers accept raw ZPL on TCP port 9100.
    const socket = connect({ host, port: Number(process.env.ZEBRA_PORT ?? 9100) });
    await once(socket, 'connect');
    return { out: socket, where: `printer ${host}` };
  }
  const file = process.env.ZPL_OUT ?? 'labels.zpl';
  return { out: createWriteStream(file), where: file };
}

const { out, where } = await openTarget();
let printed = 0;
let skipped = 0;
for await (const line of createInterface({ input: createReadStream(input), crlfDelay: Infinity })) {
  if (!line.trim()) continue;
  try {
    const record = JSON.parse(line) as ProtectedWaybill;
    const o = { ...opts };
    if (keyring && courierId) {
      o.token = issueRevealToken({
        keyring,
        waybillId: record.id,
        courierId,
        assignment: record.assignment?.number ?? 0,
        notAfter: new Date(Date.now() + 12 * 3_600_000),
      });
    }
    // renderLabel escapes every field with ^FH, so customer text cannot inject ZPL commands.
    if (!out.write(renderLabel(record, o))) await once(out, 'drain');
    printed++;
  } catch (e) {
    // Error codes and field paths only: never print the record itself.
    skipped++;
    console.error(`skipped a record: ${isWaybillShieldError(e) ? e.message : 'not JSON'}`);
  }
}
out.end();
await once(out, 'finish');
console.error(`${printed} labels sent to ${where}${skipped ? `, ${skipped} skipped` : ''}`);
