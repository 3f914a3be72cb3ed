// Liveness for operators and load balancers: 200 when the database answers and can take a write
// lock in time, 503 when not (docs/operations.md, "Health checks").
import { checkDatabase, checkDatabaseWrites } from "~/models/health.server";

export async function loader() {
  const read = await checkDatabase();
  // The reason a write check failed goes to the log, not to anonymous callers.
  const write = read.ok ? await checkDatabaseWrites() : { ok: false, writes: "blocked" as const };
  const ok = read.ok && write.ok;
  return Response.json(
    { ...read, writes: write.writes, ok },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
