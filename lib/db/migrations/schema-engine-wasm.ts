/**
 * Loads Prisma's WebAssembly schema engine on Node 20. The package entry imports the .wasm file as an
 * ES module, which Node 20 cannot do, so we instantiate it with the package's own JS glue instead.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";

export type SchemaEngineModule = typeof glue;

/** The glue reports Rust panics here; we read the message back when a call dies with a RuntimeError. */
class PanicRegistry {
  message = "";
  get() {
    return this.message;
  }
  set_message(message: string) {
    this.message = `RuntimeError: ${message}`;
  }
}

declare global {
  var PRISMA_WASM_PANIC_REGISTRY: PanicRegistry | undefined;
}

let loading: Promise<SchemaEngineModule> | undefined;

export function loadSchemaEngineModule(): Promise<SchemaEngineModule> {
  loading ??= instantiate().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

export function lastPanicMessage(): string | undefined {
  return globalThis.PRISMA_WASM_PANIC_REGISTRY?.get() || undefined;
}

async function instantiate(): Promise<SchemaEngineModule> {
  globalThis.PRISMA_WASM_PANIC_REGISTRY ??= new PanicRegistry();
  const gluePath = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const wasmPath = gluePath.replace(/\.js$/, ".wasm");
  const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
    "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports,
  });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return glue;
}
