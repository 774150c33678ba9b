/**
 * `npm run demo`: the CLI's end-to-end walk, run in-process from source (no build needed).
 * Same as `npx waybill-shield demo` once the package is installed.
 */
import { runCli } from '../src/cli/main.js';

process.exitCode = await runCli(['demo']);
