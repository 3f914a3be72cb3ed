// Command line of the stand-in, as the Prisma CLI invokes the native `schema-engine` binary:
//   <script> --version
//   <script> --datasource <json> cli can-connect-to-database|create-database|drop-database
//   <script> [--datamodels <file>]... [--datasource <json>]     (JSON-RPC 2.0 on stdin/stdout)
import fs from "node:fs";
import readline from "node:readline";
import { log } from "./log.mjs";
import { checkEngineHash, wasmPackageInfo } from "./versions.mjs";
import { EngineSession, errorData } from "./session.mjs";
import { isPostgresUrl, postgresCanConnect, postgresCreateDatabase, postgresDropDatabase } from "./postgres.mjs";
import { isSqliteUrl, sqliteCanConnect, sqliteCreateDatabase, sqliteDropDatabase } from "./sqlite.mjs";

/** JSON-RPC error code the native engine uses for every engine error. */
export const ENGINE_ERROR_CODE = 4466;

export function parseArgs(argv) {
  const args = { datamodels: [], datasource: null, cli: null, version: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--version" || arg === "-V") args.version = true;
    else if (arg === "--datamodels" || arg === "-d") args.datamodels.push(argv[++i]);
    else if (arg === "--datasource") args.datasource = JSON.parse(argv[++i]);
    else if (arg === "--enabled-preview-features" || arg === "--extension-types")
      i += 1; // skip the value: not used by the WASM engine
    else if (arg === "cli") {
      args.cli = argv[i + 1];
      break;
    } else throw new Error(`Unknown argument: ${arg}`);
  }
  return args;
}

// JSON-RPC results are plain JSON; a stray BigInt (SQLite integers) must not crash stringify.
const toJson = (value) => JSON.stringify(value, (_key, v) => (typeof v === "bigint" ? Number(v) : v));

const ONE_SHOT = {
  sqlite: {
    "can-connect-to-database": sqliteCanConnect,
    "create-database": sqliteCreateDatabase,
    "drop-database": sqliteDropDatabase,
  },
  postgres: {
    "can-connect-to-database": postgresCanConnect,
    "create-database": postgresCreateDatabase,
    "drop-database": postgresDropDatabase,
  },
};

/** The one-shot `cli` commands: exit 0, or an ERROR log line with error_code and exit 1. */
async function runCliCommand(command, datasource) {
  const url = datasource?.url;
  try {
    const kind = isSqliteUrl(url) ? "sqlite" : isPostgresUrl(url) ? "postgres" : null;
    if (!kind) throw new Error(`Unsupported or missing datasource URL for \`${command}\`.`);
    const op = ONE_SHOT[kind][command];
    if (!op) throw new Error(`Unknown cli command: ${command}`);
    await op(url, process.cwd());
    return 0;
  } catch (error) {
    const code = typeof error?.code === "string" && /^P\d{4}$/.test(error.code) ? { error_code: error.code } : {};
    log("ERROR", error?.message ?? String(error), code);
    return 1;
  }
}

/**
 * JSON-RPC over stdin/stdout, one object per line, requests answered one at a time.
 * `startupError` (a refused engine hash) or a failing engine start does not end the process at
 * once: the CLI would then wait forever for an answer and exit 0 having done nothing (seen with
 * `migrate diff`). Instead every request is answered with that error, and the exit code is 1.
 */
async function runRpc(args, startupError) {
  const pendingPrints = new Map();
  let nextPrintId = 1;
  const send = (message) => process.stdout.write(toJson(message) + "\n");
  // `migrate diff` output goes to the CLI as a `print` request, which it answers.
  const print = (content) =>
    new Promise((resolve) => {
      const id = `print-${nextPrintId++}`;
      pendingPrints.set(id, resolve);
      send({ jsonrpc: "2.0", id, method: "print", params: { content } });
    });

  let session = null;
  let failed = startupError ? { is_panic: false, message: startupError, error_code: null, meta: null } : null;
  if (!failed) {
    try {
      const datamodels = args.datamodels.map((file) => [file, fs.readFileSync(file, "utf8")]);
      session = new EngineSession({ datamodels, datasource: args.datasource, cwd: process.cwd(), print });
      await session.start(); // the engine connects at once: a bad URL fails here
    } catch (error) {
      failed = errorData(error, session?.bound?.errorRegistry);
      failed.message = `Could not start the schema engine: ${failed.message}`;
      log("ERROR", failed.message, failed.error_code ? { error_code: failed.error_code } : {});
    }
  }

  const sendError = (id, data, rpcCode = ENGINE_ERROR_CODE) =>
    send({
      jsonrpc: "2.0",
      id,
      error: { code: rpcCode, message: "An error happened. Check the data field for details.", data },
    });

  let queue = Promise.resolve();
  let inFlight = null;
  const handle = async ({ id, method, params }) => {
    if (failed) return sendError(id, failed);
    inFlight = id;
    try {
      const result = await session.call(method, params);
      send({ jsonrpc: "2.0", id, result: result ?? {} });
    } catch (error) {
      const data = errorData(error, session.bound?.errorRegistry);
      if (data.is_panic) log("ERROR", data.message, { is_panic: true });
      sendError(id, data, error?.rpcCode);
    } finally {
      inFlight = null;
    }
  };
  // A Rust panic can trap in a microtask the engine spawned, outside any promise we hold. The
  // WASM instance is unusable afterwards: answer the request in flight as a panic and exit 101,
  // as the native engine does.
  process.on("uncaughtException", (error) => {
    const data = errorData(error, session?.bound?.errorRegistry);
    log("ERROR", data.message, { is_panic: data.is_panic });
    if (inFlight !== null) sendError(inFlight, data);
    process.exit(101);
  });

  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  rl.on("line", (line) => {
    if (!line.trim()) return;
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      send({ jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error" } });
      return;
    }
    if (message.method === undefined) {
      // The CLI's answer to one of our `print` requests.
      pendingPrints.get(message.id)?.();
      pendingPrints.delete(message.id);
      return;
    }
    queue = queue.then(() => handle(message));
  });

  const shutdown = async () => {
    await queue;
    await session?.close().catch(() => {});
  };
  // The CLI ends stdin when it is done (and may send SIGTERM right after): clean up either way.
  process.once("SIGTERM", () => shutdown().finally(() => process.exit(failed ? 1 : 0)));
  await new Promise((resolve) => rl.once("close", resolve));
  await shutdown();
  return failed ? 1 : 0;
}

export async function main(argv = process.argv.slice(2)) {
  let args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    log("ERROR", error.message);
    return 1;
  }

  if (args.version) {
    // Same shape as the native binary's answer; the hash is the one inside the WASM package.
    const { hash, version } = wasmPackageInfo();
    process.stdout.write(`schema-engine-cli ${hash ?? version}\n`);
    return 0;
  }

  const check = checkEngineHash();
  if (check.error) {
    // A plain first line for a human reading stderr (the CLI skips non-JSON lines and, in the
    // one-shot mode, the first line), then the same as a JSON ERROR line for the CLI to show.
    process.stderr.write(`prisma-schema-engine: ${check.error}\n`);
    log("ERROR", check.error);
    if (args.cli) return 1;
    return runRpc(args, check.error);
  }

  if (args.cli) {
    // The CLI ignores the first stderr line of a one-shot command and parses the rest as JSON.
    log("INFO", `schema-engine stand-in: ${args.cli}`);
    return runCliCommand(args.cli, args.datasource);
  }
  return runRpc(args, null);
}
