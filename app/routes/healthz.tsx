// Health for operators and load balancers: 200 only when the database answers and can take a write
// lock in time, and the server can render pages (checked through the same request handler when
// the server started); 503 when not (docs/operations.md, "Health checks").
import type { LoaderFunctionArgs } from "@remix-run/node";
import { checkDatabase, checkDatabaseWrites } from "~/models/health.server";

interface RenderCheck {
  ok: boolean;
  problem?: string;
}

export async function loader({ context }: LoaderFunctionArgs) {
  const read = await checkDatabase();
  // The reason a write check failed goes to the log, not to anonymous callers.
  const write = read.ok ? await checkDatabaseWrites() : { ok: false, writes: "blocked" as const };
  const rendering = (context.renderCheck as RenderCheck | undefined) ?? { ok: false, problem: "not checked" };
  const ok = read.ok && write.ok && rendering.ok;
  return Response.json(
    {
      ...read,
      writes: write.writes,
      ok,
      render: rendering.ok ? "ok" : "failing",
      ...(rendering.ok ? {} : { problem: rendering.problem }),
    },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
