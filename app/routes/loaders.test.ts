// Loaders and actions called as Remix calls them, against this worker's real database.
import { describe, expect, it } from "vitest";
import { checkDatabase } from "~/models/health.server";
import { createPrismaClient } from "~/utils/db.server";
import { prisma } from "~/utils/db.server";
import { action as feedbackAction } from "./$lang.accessibility";
import { loader as langLoader } from "./$lang";
import { loader as unitLoader } from "./$lang.units.$slug";
import { loader as healthz } from "./healthz";
import { loader as languageLoader } from "./language";

const args = (url: string, params: Record<string, string>, init?: RequestInit) => ({
  request: new Request(url, init),
  params,
  context: {},
});

async function thrown(promise: Promise<unknown>): Promise<Response> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
  throw new Error("expected the loader to throw a Response");
}

describe("unit page loader", () => {
  it("answers 404 for an unknown slug", async () => {
    const response = await thrown(
      unitLoader(args("http://t/en/units/does-not-exist", { lang: "en", slug: "does-not-exist" })),
    );
    expect(response.status).toBe(404);
  });

  it("loads a unit with its title", async () => {
    const data = await unitLoader(
      args("http://t/sv/units/digital-services-unit", { lang: "sv", slug: "digital-services-unit" }),
    );
    expect(data.title).toBe("Digital Services Unit");
    expect(data.unit.content).toMatchObject({ lang: "en", isFallback: true });
  });
});

describe("language prefix", () => {
  it("redirects a path whose first segment is not a language, keeping the query", async () => {
    const response = await thrown(
      langLoader(args("http://t/units?kind=unit", { lang: "units" }, { headers: { "Accept-Language": "sv" } })),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/sv/units?kind=unit");
  });

  it("the switcher saves the choice in a cookie and returns to the same page", async () => {
    const response = await languageLoader(args("http://t/language?to=%2Ffi%2Funits%3Fq%3Ddigi", {}));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/fi/units?q=digi");
    expect(response.headers.get("Set-Cookie")).toMatch(/^lang=fi; Path=\/; Max-Age=\d+; SameSite=Lax/);
  });

  it("the switcher never redirects to another site", async () => {
    const response = await languageLoader(args("http://t/language?to=%2F%2Fevil.example", {}));
    expect(response.headers.get("Location")).toBe("/en");
  });
});

describe("accessibility feedback", () => {
  const post = (fields: Record<string, string>) =>
    feedbackAction(
      args("http://t/fi/accessibility", { lang: "fi" }, { method: "POST", body: new URLSearchParams(fields) }),
    );

  it("refuses an empty message and a bad email, keeping what was typed", async () => {
    const result = (await post({ name: "Maija", email: "not-an-email", message: "  " })) as unknown as {
      init: { status: number };
      data: { status: string; errors: Record<string, { key: string }[]>; values: Record<string, string> };
    };
    expect(result.init.status).toBe(400);
    expect(result.data.errors.message.map((e) => e.key)).toEqual(["error.required"]);
    expect(result.data.errors.email.map((e) => e.key)).toEqual(["error.email"]);
    expect(result.data.values).toMatchObject({ name: "Maija", email: "not-an-email" });
  });

  it("stores feedback and promises an answer within 14 days", async () => {
    const before = await prisma.accessibilityFeedback.count();
    const result = (await post({ name: "", email: "maija@example.fi", message: "Kontrasti on heikko." })) as {
      status: string;
      answerBy: string;
    };
    expect(result.status).toBe("saved");
    expect(await prisma.accessibilityFeedback.count()).toBe(before + 1);
    const saved = await prisma.accessibilityFeedback.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(saved).toMatchObject({ email: "maija@example.fi", name: null, lang: "fi", message: "Kontrasti on heikko." });
    const days = (new Date(result.answerBy).getTime() - saved.createdAt.getTime()) / 86_400_000;
    expect(days).toBe(14);
  });
});

describe("healthz", () => {
  const args = (renderCheck?: { ok: boolean; problem?: string }) =>
    ({ request: new Request("http://localhost/healthz"), params: {}, context: { renderCheck } }) as Parameters<
      typeof healthz
    >[0];

  it("answers 200 with JSON when the database answers and pages render", async () => {
    const response = await healthz(args({ ok: true }));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, database: "up", units: 13, render: "ok" });
  });

  it("answers 503 with the reason when the server cannot render pages", async () => {
    const response = await healthz(args({ ok: false, problem: "build/ holds a development build" }));
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({
      ok: false,
      database: "up",
      render: "failing",
      problem: "build/ holds a development build",
    });
  });

  it("is not healthy when rendering was never checked", async () => {
    expect((await healthz(args())).status).toBe(503);
  });

  it("reports the database down when it cannot be opened", async () => {
    const broken = createPrismaClient("file:/nonexistent-dir/portal.db");
    expect(await checkDatabase(broken)).toEqual({ ok: false, database: "down" });
  });
});
