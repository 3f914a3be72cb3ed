// One engine session: the WASM SchemaEngine over a bound driver adapter factory, answering the
// CLI's JSON-RPC methods. The engine gaps that show at the method level (1, 3, 4) are handled
// here; the adapter-level ones live in sqlite.mjs and postgres.mjs.
import fs from "node:fs";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { engineLog, log } from "./log.mjs";
import { loadSchemaEngineWasm, takePanicMessage } from "./wasm.mjs";
import {
  createSqliteFactory,
  ensureMigrationsTable,
  isSqliteUrl,
  lazyAdapter,
  migrationsTableExists,
  truncateSqliteFile,
} from "./sqlite.mjs";
import { createPostgresFactory, isPostgresUrl } from "./postgres.mjs";

/** The provider named in the schema's datasource block ("sqlite", "postgresql", ...), or null. */
export function schemaProvider(datamodels) {
  for (const [, content] of datamodels) {
    const block = /datasource\s+\w+\s*\{([^}]*)\}/m.exec(content);
    const provider = block && /provider\s*=\s*"([^"]+)"/.exec(block[1]);
    if (provider) return provider[1];
  }
  return null;
}

/** The driver adapter factory (unbound) for a datasource, chosen by its URL or the schema. */
export async function createAdapterFactory({ datasource, datamodels, cwd, state }) {
  const url = datasource?.url;
  const shadowDatabaseUrl = datasource?.shadowDatabaseUrl || undefined;
  if (isPostgresUrl(url)) return createPostgresFactory({ url, shadowDatabaseUrl, state });
  if (isSqliteUrl(url)) return createSqliteFactory({ url, shadowDatabaseUrl, cwd, state });
  if (url) {
    throw new Error(
      `Unsupported datasource URL scheme "${String(url).split(":")[0]}:" (the stand-in supports file: and postgres:).`,
    );
  }
  // No URL (e.g. `migrate diff --from-empty --to-schema`): SQLite needs no server, use memory.
  const provider = schemaProvider(datamodels);
  if (provider === "sqlite") return createSqliteFactory({ url: "file::memory:", shadowDatabaseUrl, cwd, state });
  const kind = { provider: provider === "postgresql" ? "postgres" : (provider ?? "postgres"), adapterName: "none" };
  return {
    ...kind,
    // Fails only when a command really needs the database (the engine connects at start).
    connect: async () =>
      lazyAdapter(async () => {
        throw new Error("No datasource URL is configured (set datasource.url in prisma.config.ts).");
      }, kind),
    connectToShadowDb: async () => {
      if (shadowDatabaseUrl && isPostgresUrl(shadowDatabaseUrl)) {
        return (await createPostgresFactory({ url: shadowDatabaseUrl, state })).connect();
      }
      throw new Error("No datasource URL is configured (set datasource.url in prisma.config.ts).");
    },
  };
}

/**
 * Turn an engine error into JSON-RPC `error.data`. "External error id#N" names a JS error the
 * adapter threw, kept in the bound factory's errorRegistry: put its message next to the id, it is
 * the real cause (e.g. the SQL that failed).
 */
export function errorData(error, errorRegistry) {
  const explain = (text) =>
    typeof text !== "string"
      ? text
      : text.replace(/External error id#(\d+)/g, (match, id) => {
          const held = errorRegistry?.consumeError(Number(id))?.error;
          return held ? `${match}: ${held.message ?? String(held)}` : match;
        });
  const isPanic = error instanceof WebAssembly.RuntimeError || error?.name === "RuntimeError" || !!error?.is_panic;
  const panicMessage = isPanic ? takePanicMessage() : null;
  const meta =
    error?.meta && typeof error.meta === "object"
      ? Object.fromEntries(Object.entries(error.meta).map(([k, v]) => [k, explain(v)]))
      : (error?.meta ?? null);
  return {
    is_panic: isPanic,
    message: panicMessage ?? explain(error?.message ?? String(error)),
    error_code: typeof error?.code === "string" && /^P\d{4}$/.test(error.code) ? error.code : null,
    meta,
  };
}

const SHADOW_FACTORY_ERROR = /shadow DB must be provided through an external factory/i;

export class EngineSession {
  /** @param {{ datamodels: [string, string][], datasource: any, cwd: string, print: (content: string) => Promise<void> }} options */
  constructor({ datamodels, datasource, cwd, print }) {
    this.datamodels = datamodels;
    this.datasource = datasource;
    this.cwd = cwd;
    this.print = print;
    this.state = { missingMigrationsTable: false };
  }

  async start() {
    this.wasm = await loadSchemaEngineWasm();
    this.factory = await createAdapterFactory({
      datasource: this.datasource,
      datamodels: this.datamodels,
      cwd: this.cwd,
      state: this.state,
    });
    this.bound = bindMigrationAwareSqlAdapterFactory(this.factory);
    await this.newEngine();
    return this;
  }

  async newEngine() {
    // No --datamodels (e.g. `migrate diff` without a schema) must be "none", not an empty list:
    // the engine panics validating zero schema files.
    const datamodels = this.datamodels.length > 0 ? this.datamodels : undefined;
    this.engine = await this.wasm.SchemaEngine.new({ datamodels }, engineLog, this.bound);
  }

  get isSqliteFile() {
    return this.factory.provider === "sqlite" && this.factory.file && this.factory.file !== ":memory:";
  }

  async close() {
    try {
      this.engine?.free();
    } catch {
      // already gone (a panic poisons the instance)
    }
    await this.factory?.closeAll?.();
  }

  /** Answer one JSON-RPC method; throws what becomes the JSON-RPC error. */
  async call(method, params = {}) {
    this.state.missingMigrationsTable = false;
    switch (method) {
      case "getDatabaseVersion":
        return this.engine.version(); // its parameter is unused by the WASM engine
      case "diagnoseMigrationHistory": {
        const result = await this.engine.diagnoseMigrationHistory(params);
        // Gap 1: reads of a missing table were answered with no rows; say the table is missing.
        if (this.state.missingMigrationsTable) result.hasMigrationsTable = false;
        return result;
      }
      case "markMigrationApplied":
        // Gap 1, baselining (`migrate resolve --applied` on a database without history): since
        // history reads of a missing table now answer "no rows", make sure the table exists.
        if (this.isSqliteFile && !migrationsTableExists(this.factory.file)) {
          ensureMigrationsTable(this.factory.file);
          log("INFO", "Created the _prisma_migrations table to record a baseline.");
        }
        return this.engine.markMigrationApplied(params);
      case "reset":
        return this.reset(params);
      case "evaluateDataLoss":
      case "createMigration":
        return this.withShadowRetry(method, params);
      case "diff": {
        const result = await this.engine.diff(params);
        // The native CLI engine prints the diff through the CLI (`print` request) and returns
        // no stdout; the WASM engine returns it. Print it the native way: the CLI prints nothing else.
        if (result.stdout != null && result.stdout !== "") await this.print(result.stdout);
        return { ...result, stdout: null };
      }
      case "createDatabase":
      case "dropDatabase":
        throw new Error(`${method} is only available in the one-shot \`cli\` mode of the stand-in.`);
      default: {
        if (
          typeof this.engine[method] !== "function" ||
          method.startsWith("_") ||
          method === "free" ||
          method === "constructor"
        ) {
          const error = new Error(`Unknown method: ${method}`);
          error.rpcCode = -32601;
          throw error;
        }
        const result = await this.engine[method](params);
        return result ?? {};
      }
    }
  }

  /**
   * Gap 4: right after `migrate dev` applied pending migrations in this process, the WASM engine
   * loses its shadow database factory ("shadow DB must be provided through an external factory").
   * `devDiagnostic` with the same migrations sets it up again; then the call succeeds.
   */
  async withShadowRetry(method, params) {
    try {
      return await this.engine[method](params);
    } catch (error) {
      if (!SHADOW_FACTORY_ERROR.test(error?.message ?? "")) throw error;
      log("INFO", `${method}: re-establishing the shadow database through devDiagnostic, then retrying.`);
      await this.engine.devDiagnostic({ migrationsList: params.migrationsList, filters: params.filters });
      return this.engine[method](params);
    }
  }

  /**
   * Gap 3: the WASM engine's SQLite reset only deletes rows, so the next `applyMigrations` fails
   * with "table already exists". Do what the native engine does: truncate the database file. The
   * engine's connection is closed first and a fresh engine takes over.
   */
  async reset(params) {
    if (!this.isSqliteFile) return (await this.engine.reset(params)) ?? {};
    try {
      this.engine.free();
    } catch {
      // ignore
    }
    await this.factory.closeAll();
    log("INFO", `Resetting the SQLite database by truncating ${this.factory.file}.`);
    truncateSqliteFile(this.factory.file);
    if (!fs.existsSync(this.factory.file)) fs.writeFileSync(this.factory.file, "");
    await this.newEngine();
    return {};
  }
}
