// The engine hash check. The Prisma CLI is built against one schema-engine build, named by the
// commit hash in @prisma/engines-version; @prisma/schema-engine-wasm carries the hash of the build
// it contains in its version ("7.10.0-4.<hash>"). Running the CLI against another engine build is
// the silent failure mode of every Prisma upgrade (wrong RPC shapes, odd migration SQL), so the
// stand-in refuses to start unless both hashes are equal.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/**
 * Test hook: path of an alternative package.json to read as @prisma/schema-engine-wasm's.
 * Only the hash check reads it; the engine itself always loads the installed package.
 */
export const WASM_PACKAGE_JSON_ENV = "PRISMA_SCHEMA_ENGINE_WASM_PACKAGE_JSON";

/** Folder of the installed @prisma/schema-engine-wasm (its exports hide package.json). */
export function wasmPackageDir() {
  return path.dirname(require.resolve("@prisma/schema-engine-wasm"));
}

/** The 40-hex commit hash in a version such as "7.10.0-4.0edf323e...", or null. */
export function hashFromVersion(version) {
  const match = /(?:^|[.-])([0-9a-f]{40})$/.exec(String(version ?? ""));
  return match ? match[1] : null;
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

/** The engine hash the installed Prisma CLI expects (resolved from the `prisma` package). */
export function cliEngineHash() {
  const requireFromPrisma = createRequire(require.resolve("prisma/package.json"));
  const pkg = readJson(requireFromPrisma.resolve("@prisma/engines-version/package.json"));
  return pkg.prisma?.enginesVersion ?? hashFromVersion(pkg.version);
}

/** The engine hash and version of @prisma/schema-engine-wasm (or of the test override). */
export function wasmPackageInfo(env = process.env) {
  const file = env[WASM_PACKAGE_JSON_ENV] || path.join(wasmPackageDir(), "package.json");
  const pkg = readJson(file);
  return { file, version: pkg.version, hash: hashFromVersion(pkg.version) };
}

/**
 * Compare the two hashes. Returns null when they match, else the message to refuse with.
 * Pure: the caller passes what it read.
 */
export function engineHashMismatch({ cliHash, wasmHash, wasmVersion }) {
  if (cliHash && wasmHash && cliHash === wasmHash) return null;
  return [
    `Refusing to run: @prisma/schema-engine-wasm ${wasmVersion ?? "(unknown version)"} contains engine build ` +
      `${wasmHash ?? "(no hash in its version)"}, but the installed Prisma CLI expects engine build ` +
      `${cliHash ?? "(unknown)"} (@prisma/engines-version).`,
    `Install the @prisma/schema-engine-wasm version whose hash equals @prisma/engines-version, with all Prisma ` +
      `packages at the same exact version (docs/decisions/0001-prisma-offline-engine.md, "How to upgrade Prisma").`,
  ].join(" ");
}

/** Read both sides and compare; returns { cliHash, wasm, error } (error null when they match). */
export function checkEngineHash(env = process.env) {
  const cliHash = cliEngineHash();
  const wasm = wasmPackageInfo(env);
  return { cliHash, wasm, error: engineHashMismatch({ cliHash, wasmHash: wasm.hash, wasmVersion: wasm.version }) };
}
