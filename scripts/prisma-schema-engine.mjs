#!/usr/bin/env node
// Stand-in for Prisma's native `schema-engine` binary, which these machines cannot download.
// .config/prisma.ts points PRISMA_SCHEMA_ENGINE_BINARY here; the Prisma CLI then runs this script
// for generate/migrate/db commands. It answers with @prisma/schema-engine-wasm (the same engine
// build, compiled to WASM) over our driver adapters, and covers the gaps between the two.
// Why and how to upgrade: docs/decisions/0001-prisma-offline-engine.md. Code: scripts/prisma-engine/.
import { main } from "./prisma-engine/main.mjs";

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(
      JSON.stringify({
        level: "ERROR",
        fields: { message: String(error?.stack ?? error) },
        target: "schema_engine::logger",
      }) + "\n",
    );
    process.exit(1);
  },
);
