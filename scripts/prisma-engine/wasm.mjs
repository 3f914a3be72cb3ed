// Loads @prisma/schema-engine-wasm. Its entry (schema_engine.js) imports the .wasm file as an ES
// module, which Node 20 cannot do; so we instantiate schema_engine_bg.wasm ourselves with the
// package's JS glue (schema_engine_bg.js) as its import object, the way that entry would.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { wasmPackageDir } from "./versions.mjs";

let loaded;

// A Rust panic inside the engine reports its message here before the WASM traps
// (RuntimeError: unreachable). Without this global the glue itself throws and kills the process.
const panicRegistry = {
  message: null,
  set_message(message) {
    this.message = message;
  },
};
globalThis.PRISMA_WASM_PANIC_REGISTRY ??= panicRegistry;

/** The message of the last engine panic, or null; reading it clears it. */
export function takePanicMessage() {
  const message = globalThis.PRISMA_WASM_PANIC_REGISTRY?.message ?? null;
  if (globalThis.PRISMA_WASM_PANIC_REGISTRY) globalThis.PRISMA_WASM_PANIC_REGISTRY.message = null;
  return message;
}

/** The glue module with the WASM instance set: { SchemaEngine, version }. Loaded once. */
export async function loadSchemaEngineWasm() {
  if (!loaded) {
    loaded = (async () => {
      const dir = wasmPackageDir();
      const glue = await import(pathToFileURL(path.join(dir, "schema_engine_bg.js")).href);
      const bytes = fs.readFileSync(path.join(dir, "schema_engine_bg.wasm"));
      const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": glue });
      glue.__wbg_set_wasm(instance.exports);
      instance.exports.__wbindgen_start();
      return glue;
    })();
  }
  return loaded;
}
