import { writeFileSync } from 'node:fs';
import { generateWaybills } from './samples.js';
const n = Number(process.argv[2] ?? 100000);
writeFileSync(process.argv[3] ?? '/tmp/perfq/rows.ndjson', generateWaybills(n, 7).map((r) => JSON.stringify(r)).join('\n') + '\n');
