// Liveness for operators and load balancers: 200 when the database answers, 503 when not.
import { checkDatabase } from "~/models/health.server";

export async function loader() {
  const result = await checkDatabase();
  return Response.json(result, {
    status: result.ok ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
