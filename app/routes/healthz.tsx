// Health for operators and load balancers: 200 only when the database answers and the server
// can render pages (checked through the same request handler when the server started); 503 when not.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { checkDatabase } from "~/models/health.server";

interface RenderCheck {
  ok: boolean;
  problem?: string;
}

export async function loader({ context }: LoaderFunctionArgs) {
  const database = await checkDatabase();
  const rendering = (context.renderCheck as RenderCheck | undefined) ?? { ok: false, problem: "not checked" };
  const ok = database.ok && rendering.ok;
  return Response.json(
    {
      ...database,
      ok,
      render: rendering.ok ? "ok" : "failing",
      ...(rendering.ok ? {} : { problem: rendering.problem }),
    },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
