// PostgreSQL side of the stand-in: @prisma/adapter-pg (an optional package, loaded only for a
// postgres URL), patched for gaps 5 and 6 of docs/decisions/0001. The URL helpers are pure and tested
// without a server.
import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);

export function isPostgresUrl(url) {
  return typeof url === "string" && /^postgres(ql)?:\/\//i.test(url);
}

/** The database name in a postgres URL (the path), decoded; "" when there is none. */
export function postgresDatabaseName(url) {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ""));
}

/** The same URL with another database name; query parameters (schema, sslmode...) are kept. */
export function withDatabaseName(url, database) {
  const parsed = new URL(url);
  parsed.pathname = "/" + encodeURIComponent(database);
  return parsed.toString();
}

/** The `schema` query parameter (Prisma's way of naming the PostgreSQL schema), default public. */
export function postgresSchemaName(url) {
  return new URL(url).searchParams.get("schema") || "public";
}

/** What identifies the database a URL points at: host, port, database and schema. */
function databaseIdentity(url) {
  const parsed = new URL(url);
  const host = (parsed.searchParams.get("host") || parsed.hostname || "localhost").toLowerCase();
  const port = parsed.port || "5432";
  return (
    `${host === "127.0.0.1" || host === "::1" || host === "[::1]" ? "localhost" : host}:${port}` +
    `/${postgresDatabaseName(url)}?schema=${postgresSchemaName(url)}`
  );
}

/** True when two postgres URLs name the same database and schema (credentials aside). */
export function samePostgresDatabase(a, b) {
  return databaseIdentity(a) === databaseIdentity(b);
}

/** Gap 6: a configured shadow database equal to the main one would be wiped by migrate dev. */
export function assertShadowDistinct(url, shadowDatabaseUrl) {
  if (
    shadowDatabaseUrl &&
    isPostgresUrl(url) &&
    isPostgresUrl(shadowDatabaseUrl) &&
    samePostgresDatabase(url, shadowDatabaseUrl)
  ) {
    throw new Error(
      "The shadow database URL points at the main database. The shadow database is dropped and " +
        "recreated by `migrate dev`; configure a separate, disposable database as shadowDatabaseUrl.",
    );
  }
}

/** Name of a temporary shadow database, like the native engine's. */
export function temporaryShadowDatabaseName() {
  return `prisma_migrate_shadow_db_${randomUUID()}`;
}

export const PG_CHAR_OID = 18;
export const PG_TEXT_OID = 25;

/**
 * Gap 5: the schema describer reads catalog columns of type "char" (OID 18), which adapter-pg
 * refuses to decode (UnsupportedNativeDataType). A "char" value is one character of text, so
 * report such columns as text in this process: rewrite the field descriptions pg's Result keeps,
 * before it picks parsers and before adapter-pg maps OIDs to column types. Idempotent.
 */
export function patchCharOidAsText(ResultClass) {
  const proto = ResultClass.prototype;
  if (proto.addFields.__charAsText) return;
  const addFields = proto.addFields;
  proto.addFields = function (fieldDescriptions) {
    const fields = fieldDescriptions.map((field) =>
      field.dataTypeID === PG_CHAR_OID ? { ...field, dataTypeID: PG_TEXT_OID } : field,
    );
    return addFields.call(this, fields);
  };
  proto.addFields.__charAsText = true;
}

/** Load @prisma/adapter-pg and its pg, or fail with what to install. */
export async function loadAdapterPg() {
  let adapterPath;
  try {
    adapterPath = require.resolve("@prisma/adapter-pg");
  } catch {
    throw new Error(
      "The datasource is PostgreSQL, but @prisma/adapter-pg is not installed. Install it (and pg) " +
        "at the same exact version as prisma: npm install --save-exact @prisma/adapter-pg@<prisma version> pg",
    );
  }
  const adapterPg = await import(pathToFileURL(adapterPath).href);
  const pgModule = createRequire(adapterPath)("pg");
  const pg = pgModule.default ?? pgModule;
  if (pg.Result) patchCharOidAsText(pg.Result);
  return { PrismaPg: adapterPg.PrismaPg, pg };
}

/**
 * Gap 7: adapter-pg's executeScript splits a script on every ";", which cuts a function body
 * (`$$ ... ; ... $$`) or a string holding a semicolon into broken statements, so a migration with
 * a trigger function fails ("unterminated dollar-quoted string"). PostgreSQL's simple query
 * protocol takes the whole script in one message, as the native engine sends it; a script
 * without BEGIN/COMMIT then runs as one transaction, so a failing migration leaves nothing behind.
 */
export function patchExecuteScript(adapter) {
  // Only adapter-pg's own queryable (it holds the pg client); anything else is left as it is.
  if (adapter.executeScript?.__wholeScript || typeof adapter.client?.query !== "function") return adapter;
  const executeScript = async function (script) {
    try {
      await this.client.query(script);
    } catch (error) {
      this.onError(error);
    }
  };
  executeScript.__wholeScript = true;
  adapter.executeScript = executeScript;
  return adapter;
}

function adapterOptions(url) {
  const schema = new URL(url).searchParams.get("schema");
  return schema ? { schema } : undefined;
}

/**
 * A migration-aware adapter factory for PostgreSQL.
 * Gap 6: PrismaPg's own connectToShadowDb creates a temporary database and then connects to the
 * MAIN one (the connection string overrides the database name). Here the shadow connection goes
 * to the temporary database itself (its name written into the URL), which is dropped on dispose.
 * @param {{ url: string, shadowDatabaseUrl?: string, state: any, adapterPg?: { PrismaPg: any } }} options
 */
export async function createPostgresFactory({ url, shadowDatabaseUrl, state, adapterPg }) {
  assertShadowDistinct(url, shadowDatabaseUrl);
  const { PrismaPg } = adapterPg ?? (await loadAdapterPg()); // adapterPg: injected by tests
  const connectTo = async (target) =>
    patchExecuteScript(await new PrismaPg({ connectionString: target }, adapterOptions(target)).connect());
  state.temporaryShadowDatabases ??= new Map();

  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: () => connectTo(url),
    async connectToShadowDb() {
      if (shadowDatabaseUrl) return connectTo(shadowDatabaseUrl);
      const admin = await connectTo(url);
      const name = temporaryShadowDatabaseName();
      await admin.executeScript(`CREATE DATABASE "${name}"`);
      const drop = async () => {
        if (!state.temporaryShadowDatabases.delete(name)) return;
        try {
          await admin.executeScript(`DROP DATABASE IF EXISTS "${name}"`);
        } finally {
          await admin.dispose().catch(() => {});
        }
      };
      state.temporaryShadowDatabases.set(name, drop);
      const shadow = await connectTo(withDatabaseName(url, name)).catch(async (error) => {
        await drop();
        throw error;
      });
      const dispose = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        try {
          await dispose();
        } finally {
          await drop();
        }
      };
      return shadow;
    },
    /** Drop temporary shadow databases the engine did not dispose of (e.g. after an error). */
    async closeAll() {
      for (const drop of [...state.temporaryShadowDatabases.values()]) await drop().catch(() => {});
    },
  };
}

// One-shot `cli` commands. The server's maintenance database "postgres" is used to create/drop.

async function withClient(url, fn) {
  const { pg } = await loadAdapterPg();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

function toEngineError(error, url) {
  if (error?.code === "3D000") {
    const e = new Error(
      `Database \`${postgresDatabaseName(url)}\` does not exist on the database server at \`${new URL(url).host}\`.`,
    );
    e.code = "P1003";
    return e;
  }
  if (error?.code === "ECONNREFUSED" || error?.code === "ENOTFOUND") {
    const e = new Error(`Can't reach database server at \`${new URL(url).host}\`.`);
    e.code = "P1001";
    return e;
  }
  return error;
}

export async function postgresCanConnect(url) {
  try {
    await withClient(url, (client) => client.query("SELECT 1"));
  } catch (error) {
    throw toEngineError(error, url);
  }
}

const quoteIdent = (name) => `"${String(name).replace(/"/g, '""')}"`;

export async function postgresCreateDatabase(url) {
  const name = postgresDatabaseName(url);
  try {
    await withClient(withDatabaseName(url, "postgres"), (client) =>
      client.query(`CREATE DATABASE ${quoteIdent(name)}`),
    );
  } catch (error) {
    throw toEngineError(error, url);
  }
  return name;
}

export async function postgresDropDatabase(url) {
  const name = postgresDatabaseName(url);
  try {
    await withClient(withDatabaseName(url, "postgres"), (client) =>
      client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`),
    );
  } catch (error) {
    throw toEngineError(error, url);
  }
}
