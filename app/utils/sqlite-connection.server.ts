// The SQLite connection under Prisma, made safe for a server that answers many requests at once
// (docs/decisions/0011-sqlite-durability-and-transactions.md):
// - every query and every transaction passes through ONE queue on the one connection, so another
//   request's query can never run inside an open transaction (and be rolled back with it);
// - transactions start with BEGIN IMMEDIATE: a lock conflict with another process shows at the
//   start, where nothing has been written yet, after the busy timeout;
// - a COMMIT that fails (SQLITE_BUSY, a deferred constraint) is rolled back at once and reported
//   as an error, so the connection is never left inside a transaction that later writes would join;
// - WAL journal, synchronous=FULL, an explicit busy timeout.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import type {
  IsolationLevel,
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlQuery,
  SqlResultSet,
  Transaction,
} from "@prisma/driver-adapter-utils";
import type BetterSqlite3 from "better-sqlite3";

/** How long a statement waits for another process's lock before it fails with SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5_000;

type Release = () => void;

/** A first-in, first-out lock; `holder` says who has it and since when (for the health check). */
class SerialQueue {
  #tail: Promise<void> = Promise.resolve();
  holder: { what: string; since: number } | null = null;

  acquire(what: string): Promise<Release> {
    let open!: () => void;
    const done = new Promise<void>((resolve) => (open = resolve));
    const previous = this.#tail;
    this.#tail = previous.then(() => done);
    return previous.then(() => {
      this.holder = { what, since: Date.now() };
      let released = false;
      return () => {
        if (released) return;
        released = true;
        this.holder = null;
        open();
      };
    });
  }

  async run<T>(what: string, work: () => Promise<T>): Promise<T> {
    const release = await this.acquire(what);
    try {
      return await work();
    } finally {
      release();
    }
  }
}

const statement = (sql: string): SqlQuery => ({ sql, args: [], argTypes: [] });

/** One connection: its better-sqlite3 handle, its queue, and what went wrong on it. */
export class SqliteConnection {
  readonly queue = new SerialQueue();
  /** Times the connection was found inside a transaction nobody owned, and rolled back. */
  recoveredTransactions = 0;

  constructor(
    readonly db: BetterSqlite3.Database,
    readonly log: (line: string) => void = (line) => console.error(line),
  ) {}

  /**
   * Called while holding the queue and outside any transaction of ours: if SQLite still has a
   * transaction open, it belongs to nobody (a failed COMMIT or ROLLBACK); end it before anyone
   * writes into it.
   */
  rollBackOrphanedTransaction(): boolean {
    if (!this.db.inTransaction) return false;
    this.recoveredTransactions += 1;
    this.log("database: the connection was left inside a transaction; rolling it back");
    try {
      this.db.exec("ROLLBACK");
    } catch (error) {
      this.log(`database: ROLLBACK of the orphaned transaction failed: ${(error as Error).message}`);
    }
    return true;
  }

  /**
   * Can this connection take the write lock within `timeoutMs`? Waits for the queue (a
   * transaction holding it longer than that counts as stuck), then BEGIN IMMEDIATE; ROLLBACK with
   * a short busy timeout. Blocks the process for at most `timeoutMs` when another process holds
   * the lock.
   */
  async probeWriteLock(timeoutMs: number): Promise<{ ok: true } | { ok: false; reason: string }> {
    const acquiring = this.queue.acquire("health check");
    let timer: ReturnType<typeof setTimeout> | undefined;
    const release = await Promise.race([
      acquiring,
      new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), timeoutMs))),
    ]);
    clearTimeout(timer);
    if (!release) {
      void acquiring.then((late) => late());
      const holder = this.queue.holder;
      return {
        ok: false,
        reason: `the connection is busy${holder ? ` with a ${holder.what} for ${Date.now() - holder.since} ms` : ""}`,
      };
    }
    try {
      if (this.rollBackOrphanedTransaction()) {
        return { ok: false, reason: "the connection was stuck inside a transaction (rolled back)" };
      }
      this.db.pragma(`busy_timeout = ${Math.max(1, Math.round(timeoutMs))}`);
      try {
        this.db.exec("BEGIN IMMEDIATE");
        this.db.exec("ROLLBACK");
        return { ok: true };
      } catch (error) {
        return { ok: false, reason: `no write lock within ${timeoutMs} ms: ${(error as Error).message}` };
      } finally {
        if (this.db.inTransaction) this.db.exec("ROLLBACK");
        this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      }
    } finally {
      release();
    }
  }
}

class SerialisedTransaction implements Transaction {
  readonly provider = "sqlite" as const;
  readonly adapterName: string;
  // Prisma sends no COMMIT/ROLLBACK of its own: commit() and rollback() below do it, so that a
  // failed COMMIT can be rolled back before the connection is handed to anyone else.
  readonly options = { usePhantomQuery: true };

  constructor(
    private readonly inner: SqlDriverAdapter,
    private readonly connection: SqliteConnection,
    private readonly release: Release,
  ) {
    this.adapterName = inner.adapterName;
  }

  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return this.inner.queryRaw(query);
  }

  executeRaw(query: SqlQuery): Promise<number> {
    return this.inner.executeRaw(query);
  }

  async commit(): Promise<void> {
    try {
      await this.inner.executeRaw(statement("COMMIT"));
    } catch (error) {
      // SQLite keeps the transaction open after a failed COMMIT; nothing of it was acknowledged.
      if (this.connection.db.inTransaction) {
        this.connection.log(`database: COMMIT failed (${(error as Error).message}); rolling the transaction back`);
        this.connection.db.exec("ROLLBACK");
      }
      throw error;
    } finally {
      this.release();
    }
  }

  async rollback(): Promise<void> {
    try {
      if (this.connection.db.inTransaction) await this.inner.executeRaw(statement("ROLLBACK"));
    } finally {
      this.connection.rollBackOrphanedTransaction();
      this.release();
    }
  }

  async createSavepoint(name: string): Promise<void> {
    await this.inner.executeRaw(statement(`SAVEPOINT ${name}`));
  }

  async rollbackToSavepoint(name: string): Promise<void> {
    await this.inner.executeRaw(statement(`ROLLBACK TO ${name}`));
  }

  async releaseSavepoint(name: string): Promise<void> {
    await this.inner.executeRaw(statement(`RELEASE SAVEPOINT ${name}`));
  }
}

class SerialisedSqliteAdapter implements SqlDriverAdapter {
  readonly provider = "sqlite" as const;
  readonly adapterName: string;

  constructor(
    private readonly inner: SqlDriverAdapter,
    private readonly connection: SqliteConnection,
  ) {
    this.adapterName = inner.adapterName;
  }

  #outsideTransaction<T>(what: string, work: () => Promise<T>): Promise<T> {
    return this.connection.queue.run(what, () => {
      this.connection.rollBackOrphanedTransaction();
      return work();
    });
  }

  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return this.#outsideTransaction("query", () => this.inner.queryRaw(query));
  }

  executeRaw(query: SqlQuery): Promise<number> {
    return this.#outsideTransaction("query", () => this.inner.executeRaw(query));
  }

  executeScript(script: string): Promise<void> {
    return this.#outsideTransaction("script", () => this.inner.executeScript(script));
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    if (isolationLevel && isolationLevel !== "SERIALIZABLE") {
      // SQLite transactions are serializable; ask the stock adapter for its usual error.
      return this.inner.startTransaction(isolationLevel);
    }
    const release = await this.connection.queue.acquire("transaction");
    try {
      this.connection.rollBackOrphanedTransaction();
      await this.inner.executeRaw(statement("BEGIN IMMEDIATE"));
    } catch (error) {
      release();
      throw error;
    }
    return new SerialisedTransaction(this.inner, this.connection, release);
  }

  getConnectionInfo() {
    return this.inner.getConnectionInfo?.() ?? { supportsRelationJoins: false };
  }

  dispose(): Promise<void> {
    return this.connection.queue.run("close", () => this.inner.dispose());
  }
}

/** Applies the durability settings; fails loudly when the file cannot be put in WAL mode. */
export function configureSqlite(db: BetterSqlite3.Database) {
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  const mode = db.pragma("journal_mode = WAL", { simple: true });
  if (String(mode).toLowerCase() !== "wal") throw new Error(`SQLite refused WAL mode (journal_mode is ${mode})`);
  // FULL: a transaction that COMMIT acknowledged survives a power loss too, not only a crash.
  db.pragma("synchronous = FULL");
  db.pragma("foreign_keys = ON");
}

/** A Prisma driver adapter factory for one SQLite file, with the guarantees above. */
export class DurableSqliteAdapterFactory implements SqlDriverAdapterFactory {
  readonly provider = "sqlite" as const;
  readonly adapterName = "@prisma/adapter-better-sqlite3";
  readonly #stock: PrismaBetterSqlite3;
  connection: SqliteConnection | undefined;

  constructor(url: string) {
    // fileMustExist: a wrong path fails at once instead of silently opening an empty database.
    this.#stock = new PrismaBetterSqlite3({ url, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  }

  async connect(): Promise<SqlDriverAdapter> {
    const inner = await this.#stock.connect();
    // The stock adapter keeps its better-sqlite3 handle in a public field.
    const db = (inner as unknown as { client: BetterSqlite3.Database }).client;
    configureSqlite(db);
    this.connection = new SqliteConnection(db);
    return new SerialisedSqliteAdapter(inner, this.connection);
  }
}
