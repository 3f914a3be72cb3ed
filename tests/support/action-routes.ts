// The route manifest of the built server, as the abuse tests see it: every route module with an
// action, its URL with sample parameters from the worker's database, and its body limit. A form
// added later is covered without anyone listing it; a new kind of URL parameter fails loudly
// until it gets a sample below.
import { prisma, sqlDialect } from "~/utils/db.server";
import { actionRoutes, bodyLimitFor } from "../../scripts/lib/request-limits.mjs";

export interface ActionRoute {
  id: string;
  pattern: string;
  url: string;
  limit: number;
}

async function loadBuild() {
  return import(new URL("../../build/index.js", import.meta.url).href);
}

/** A sample value for each URL parameter, chosen so that an admin may post there. */
async function sampleParams(pattern: string): Promise<Record<string, string>> {
  const unit = await prisma.unit.findFirstOrThrow({ orderBy: { id: "asc" } });
  const admin = await prisma.user.findUniqueOrThrow({ where: { email: "admin@migri.example" } });
  const newcomer = await prisma.user.findUniqueOrThrow({ where: { email: "newcomer@migri.example" } });
  const step = await prisma.onboardingStep.findFirstOrThrow({ orderBy: { id: "asc" } });
  const summary =
    (await prisma.teamSummary.findFirst({ where: { authorId: admin.id, title: "Abuse test summary" } })) ??
    (await prisma.teamSummary.create({
      data: {
        authorId: admin.id,
        title: "Abuse test summary",
        lang: "en",
        status: "published",
        publishedAt: new Date(),
      },
    }));
  const historyOf = /\/(values|goals|strategy)\/history\//.exec(pattern)?.[1];
  const revision = await prisma.revision.findFirstOrThrow({
    where: historyOf ? { entityType: historyOf } : { entityType: "unit", entityId: unit.id },
    orderBy: { id: "asc" },
  });
  return {
    lang: "en",
    slug: unit.slug,
    userId: String(newcomer.id),
    stepId: String(step.id),
    id: String(summary.id),
    revisionId: String(revision.id),
    page: "strategy",
  };
}

export async function listActionRoutes(): Promise<ActionRoute[]> {
  const build = await loadBuild();
  const routes = actionRoutes(build);
  const result: ActionRoute[] = [];
  for (const route of routes) {
    const params = await sampleParams(route.path);
    const url = route.path.replace(/:(\w+)/g, (_: string, name: string) => {
      if (!(name in params))
        throw new Error(`No sample value for :${name} in ${route.path}: add one in action-routes.ts`);
      return params[name];
    });
    // Pages that need a query to know what the form is for.
    const query = url.endsWith("/onboarding/templates/new") ? "?scope=agency" : route.index ? "?index" : "";
    const full = url + query;
    result.push({
      id: route.id,
      pattern: route.path,
      url: full,
      limit: await bodyLimitFor(routes, url, route.index ? "?index" : ""),
    });
  }
  return result;
}

/** A checksum of every table but the sessions (signing in adds those): what a refused request must not change. */
export async function databaseChecksum(): Promise<string> {
  const onPostgres = sqlDialect(prisma) === "postgresql";
  const tables = await prisma.$queryRawUnsafe<{ name: string }[]>(
    onPostgres
      ? "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename NOT IN ('Session', 'search_index', 'search_match', 'search_term', 'search_posting', 'search_text') ORDER BY tablename"
      : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' AND name <> 'Session' ORDER BY name",
  );
  const crypto = await import("node:crypto");
  const hash = crypto.createHash("sha256");
  for (const { name } of tables) {
    const rows = await prisma.$queryRawUnsafe<unknown[]>(
      onPostgres ? `SELECT * FROM "${name}" AS t ORDER BY t::text` : `SELECT * FROM "${name}" ORDER BY rowid`,
    );
    hash.update(name);
    hash.update(JSON.stringify(rows, (_k, v) => (typeof v === "bigint" ? v.toString() : v)));
  }
  return hash.digest("hex");
}
