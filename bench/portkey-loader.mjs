/**
 * Loads Portkey's gateway (@portkey-ai/gateway, the bench's comparison target) with the one-
 * expression fix its streams need on Node 20, applied in memory as the module loads — the file
 * in node_modules is never changed. Usage: node --import ./bench/portkey-loader.mjs
 * node_modules/@portkey-ai/gateway/build/start-server.js --port=<port> --headless
 *
 * The bug: for a stream, Portkey wraps the provider's fetch Response as
 * `new Response(readable, providerResponse)` and later appends its x-portkey-* headers to the
 * result. @hono/node-server's lightweight Response keeps `init.headers` as it is — here the
 * fetch Response's immutable Headers — so the append throws `TypeError: immutable` and every
 * stream is a 500. The fix passes a copy of the headers (with the status) instead.
 */
import { register } from "node:module";
import { isMainThread } from "node:worker_threads";

const BUILT_FILE = "/@portkey-ai/gateway/build/start-server.js";
const UNPATCHED = "new Response(p,e)}";
const PATCHED = "new Response(p,{status:e.status,statusText:e.statusText,headers:new Headers(e.headers)})}";

// Imported with --import on the main thread: register this same file as the loader hooks.
if (isMainThread) register(import.meta.url);

/** The module-loader hook (runs on the loader thread). */
export async function load(url, context, nextLoad) {
  const result = await nextLoad(url, context);
  if (!url.endsWith(BUILT_FILE)) return result;
  const source = String(result.source);
  const occurrences = source.split(UNPATCHED).length - 1;
  if (occurrences !== 1) {
    throw new Error(
      `bench/portkey-loader.mjs: expected one \`${UNPATCHED}\` in ${url}, found ${occurrences} (another Portkey version?)`,
    );
  }
  return { ...result, source: source.replace(UNPATCHED, PATCHED), shortCircuit: true };
}
