/**
 * Chooses the XChaCha20-Poly1305 backend once, when this module is first imported.
 *
 * On Node (≥ 20.16, where `process.getBuiltinModule` exists) with OpenSSL's `chacha20-poly1305`,
 * seals run natively (`_aead-node.ts`); everywhere else — browsers, React Native, workers, Node
 * without the cipher — they run on @noble/ciphers (`_aead-noble.ts`). The Node built-in is reached
 * at run time through `process.getBuiltinModule('crypto')`, never through an `import`, so a browser
 * bundle contains no `node:` module and bundlers need no configuration. Before the native backend
 * is used, it must reproduce a known envelope byte for byte and open it; otherwise noble is kept.
 *
 * `WAYBILL_SHIELD_AEAD=noble` in the environment forces the portable backend (diagnostics).
 * @module
 * @internal
 */
import { createNodeAead, type NodeCryptoLike } from './_aead-node.js';
import { nobleAead } from './_aead-noble.js';
import type { AeadBackend } from './_aead-types.js';

/** The parts of a `process` global the choice looks at. @internal */
export type ProcessLike = { getBuiltinModule?: (id: string) => unknown; env?: Record<string, string | undefined> };

function nodeCrypto(proc: ProcessLike | undefined): NodeCryptoLike | undefined {
  if (typeof proc?.getBuiltinModule !== 'function') return undefined;
  if (proc.env?.WAYBILL_SHIELD_AEAD === 'noble') return undefined;
  try {
    return proc.getBuiltinModule('crypto') as NodeCryptoLike | undefined;
  } catch {
    return undefined;
  }
}

/** True when `candidate` seals and opens a fixed input exactly as noble does. */
function agreesWithNoble(candidate: AeadBackend): boolean {
  try {
    const key = new Uint8Array(32).map((_, i) => i * 7 + 1);
    const nonce = new Uint8Array(24).map((_, i) => 255 - i * 5);
    const aad = new Uint8Array(13).map((_, i) => i);
    const pt = new Uint8Array(77).map((_, i) => (i * 31) & 0xff);
    const want = nobleAead.seal(key, nonce, aad, pt);
    const got = candidate.seal(key, nonce, aad, pt);
    if (got.length !== want.length || got.some((b, i) => b !== want[i])) return false;
    const back = candidate.open(key, nonce, aad, want);
    return back.length === pt.length && back.every((b, i) => b === pt[i]);
  } catch {
    return false;
  }
}

/**
 * The backend for a runtime whose `process` global is `proc` (undefined in browsers).
 * @param proc - the runtime's `process`, or undefined
 * @returns the native backend when it is there and agrees with noble; noble otherwise
 * @internal
 */
export function selectAead(proc: ProcessLike | undefined): AeadBackend {
  const nc = nodeCrypto(proc);
  if (!nc) return nobleAead;
  let native: AeadBackend | undefined;
  try {
    native = createNodeAead(nc);
  } catch {
    native = undefined;
  }
  return native && agreesWithNoble(native) ? native : nobleAead;
}

/**
 * The choice for this runtime. A call without arguments, so that the pure annotation below holds:
 * bundlers keep a pure call whose arguments read a global (`globalThis.process` might be a
 * getter), and an app that never seals or opens would carry both backends.
 */
function runtimeAead(): AeadBackend {
  return selectAead((globalThis as { process?: ProcessLike }).process);
}

/** The backend every seal and open in this process goes through (a live binding). @internal */
export let aead: AeadBackend = /* @__PURE__ */ runtimeAead();

/**
 * Replace the backend for this process; for tests and benchmarks that compare backends in one run.
 * Not exported from any public entry.
 * @param backend - the backend to use from now on
 * @returns the backend that was in use
 * @internal
 */
export function useAeadBackend(backend: AeadBackend): AeadBackend {
  const was = aead;
  aead = backend;
  return was;
}
