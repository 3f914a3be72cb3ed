// PostgreSQL through @prisma/adapter-pg, with the one guarantee the app takes from SQLite: write
// transactions run one at a time. On SQLite every interactive transaction begins immediate (takes
// the write lock at BEGIN), so a transaction that reads, decides and writes (the sign-in
// throttle's reservation, "the last administrator cannot be demoted", a save's version check) can
// rely on nothing changing in between, whichever process writes. PostgreSQL's default isolation
// (read committed) gives no such promise: two transactions can both count 4 failures and both let
// a guess through. Each interactive transaction therefore first takes one transaction-level
// advisory lock, shared by every portal process on the database: the same rule as SQLite's, kept
// by the server, released at COMMIT or ROLLBACK (also when a process dies). Single statements
// outside transactions (reads, most writes) do not take it and run concurrently.
import { PrismaPg } from "@prisma/adapter-pg";
import type {
  IsolationLevel,
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from "@prisma/driver-adapter-utils";

/** The advisory lock key of write transactions (another than the migration lock's). */
export const TRANSACTION_LOCK_KEY = 7_316_150_123_456_790n;

const lockStatement: SqlQuery = {
  sql: `SELECT 1 AS locked FROM pg_advisory_xact_lock(${TRANSACTION_LOCK_KEY})`,
  args: [],
  argTypes: [],
};

export class SerialisedPostgresAdapterFactory implements SqlDriverAdapterFactory {
  readonly provider = "postgres" as const;
  readonly adapterName: string;
  readonly #stock: PrismaPg;

  constructor(connectionString: string, poolSize: number) {
    this.#stock = new PrismaPg({ connectionString, max: poolSize });
    this.adapterName = this.#stock.adapterName;
  }

  /** The connected adapter, once Prisma has connected (the pool every query of the client uses). */
  adapter: SqlDriverAdapter | null = null;

  async connect(): Promise<SqlDriverAdapter> {
    const adapter = await this.#stock.connect();
    this.adapter = adapter;
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      if (this.adapter === adapter) this.adapter = null;
      await dispose();
    };
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel?: IsolationLevel): Promise<Transaction> => {
      const transaction = await startTransaction(isolationLevel);
      try {
        await transaction.queryRaw(lockStatement);
      } catch (error) {
        await transaction.rollback().catch(() => {});
        throw error;
      }
      return transaction;
    };
    return adapter;
  }
}
