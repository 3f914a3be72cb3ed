// The editing routes called as Remix calls them, with real session cookies on this worker's
// database: who may do what (each role × each mutation), and what the forms answer.
import { beforeAll, describe, expect, it } from "vitest";
import { docSchema, getDocForEditing, loadDoc, saveDocEdit, type DocInput } from "~/models/organisation-editing.server";
import { getUnitForEditing } from "~/models/unit-editing.server";
import { prisma } from "~/utils/db.server";
import { answer, cookieFor, editorFor, routeArgs, TEST_IP } from "../../tests/support/routes";
import { loader as editorLoader } from "./$lang.editor";
import { action as goalsEditAction, loader as goalsEditLoader } from "./$lang.goals_.edit";
import { loader as strategyHistoryLoader } from "./$lang.strategy_.history._index";
import { action as valuesRestoreAction } from "./$lang.values_.history.$revisionId";
import { action as unitEditAction, loader as unitEditLoader } from "./$lang.units.$slug_.edit";
import { loader as unitHistoryLoader } from "./$lang.units.$slug_.history._index";
import { action as unitRestoreAction, loader as unitRevisionLoader } from "./$lang.units.$slug_.history.$revisionId";

const OWN = "digital-services-unit"; // editor@migri.example edits this one
const OTHER = "security-unit";
const roles = {
  signedOut: null,
  employee: "newcomer@migri.example",
  unitEditor: "editor@migri.example",
  hrEditor: "hr@migri.example",
  admin: "admin@migri.example",
} as const;
type Role = keyof typeof roles;
const cookies: Record<Role, string | null> = {
  signedOut: null,
  employee: null,
  unitEditor: null,
  hrEditor: null,
  admin: null,
};

let counter = 0;
/** A unit edit form as the page submits it, with a change that is new every time. */
async function unitForm(slug: string, lang: "fi" | "sv" | "en", changes: Record<string, string> = {}) {
  const unit = await getUnitForEditing(slug, lang);
  const values: Record<string, string> = {
    ...unit!.values,
    textVersion: String(unit!.versions.text),
    sharedVersion: String(unit!.versions.shared),
    description: `${unit!.values.description}\n\nEdit number ${++counter}.`,
    changeNote: "Permission test",
    intent: "save",
    ...changes,
  };
  if (values.needsReview !== "on") delete values.needsReview;
  return values;
}

async function docForm(doc: "goals" | "values", lang: "fi" | "sv" | "en", changes: Record<string, string>) {
  const editing = await getDocForEditing(doc, lang);
  return {
    ...editing.values,
    version: String(editing.version),
    changeNote: "Permission test",
    intent: "save",
    ...changes,
  };
}

async function seedRevisionId(entityType: string, slug: string | null) {
  const entityId = slug ? (await prisma.unit.findUniqueOrThrow({ where: { slug } })).id : 0;
  return (await prisma.revision.findFirstOrThrow({ where: { entityType, entityId, scope: "en", version: 1 } })).id;
}

beforeAll(async () => {
  for (const role of Object.keys(roles) as Role[]) {
    const email = roles[role];
    cookies[role] = email ? await cookieFor(email) : null;
  }
});

type Outcome = "allowed" | 403 | "sign-in";

/** 302 to the page itself (or history) means done; 403 forbidden; a redirect to sign-in. */
function classify(result: { status: number; location: string | null }, path: string): Outcome | string {
  if (result.status === 403) return 403;
  const lang = path.split("/")[1];
  if (result.status === 302 && result.location === `/${lang}/login?${new URLSearchParams({ redirectTo: path })}`)
    return "sign-in";
  if (result.status === 302 && /\?(saved|restored)=/.test(result.location ?? "")) return "allowed";
  if (result.status === 200) return "allowed";
  return `unexpected ${result.status} ${result.location}`;
}

/** Saves a change as the HR editor, so that a restore has something to undo. */
async function changeBeforeRestore(kind: "unit" | "values") {
  const hr = await editorFor("hr@migri.example");
  if (kind === "unit") {
    const form = await unitForm(OWN, "en");
    const result = await answer(() =>
      unitEditAction(routeArgs(`/en/units/${OWN}/edit`, { lang: "en", slug: OWN }, { cookie: cookies.hrEditor, form })),
    );
    expect(result.status).toBe(302);
    return;
  }
  const editing = await getDocForEditing("values", "en");
  const input = docSchema(await loadDoc("values", "en"), "save").parse({
    ...editing.values,
    version: String(editing.version),
    reliable__description: `Change ${++counter}`,
    changeNote: "Something to restore from",
  });
  expect(
    await saveDocEdit({ editor: hr, ipAddress: null, doc: "values", lang: "en", input: input as DocInput }),
  ).toMatchObject({ status: "saved" });
}

interface Mutation {
  expected: Record<Role, Outcome>;
  setup?: () => Promise<void>;
  run: (cookie: string | null) => Promise<{ status: number; location: string | null; path: string }>;
}

const mutations: Record<string, Mutation> = {
  "save a text of the unit they edit": {
    expected: { signedOut: "sign-in", employee: 403, unitEditor: "allowed", hrEditor: "allowed", admin: "allowed" },
    async run(cookie) {
      const path = `/en/units/${OWN}/edit`;
      const form = await unitForm(OWN, "en");
      return {
        path,
        ...(await answer(() => unitEditAction(routeArgs(path, { lang: "en", slug: OWN }, { cookie, form })))),
      };
    },
  },
  "save a text of another unit": {
    expected: { signedOut: "sign-in", employee: 403, unitEditor: 403, hrEditor: "allowed", admin: "allowed" },
    async run(cookie) {
      const path = `/fi/units/${OTHER}/edit`;
      const form = await unitForm(OTHER, "fi", { name: "Turvallisuusyksikkö", summary: "Testikäännös." });
      return {
        path,
        ...(await answer(() => unitEditAction(routeArgs(path, { lang: "fi", slug: OTHER }, { cookie, form })))),
      };
    },
  },
  "save an organisation document": {
    expected: { signedOut: "sign-in", employee: 403, unitEditor: 403, hrEditor: "allowed", admin: "allowed" },
    async run(cookie) {
      const path = "/en/goals/edit";
      const form = await docForm("goals", "en", { networks__text: `We are active in networks (${++counter}).` });
      return { path, ...(await answer(() => goalsEditAction(routeArgs(path, { lang: "en" }, { cookie, form })))) };
    },
  },
  "restore a unit revision": {
    expected: { signedOut: "sign-in", employee: 403, unitEditor: "allowed", hrEditor: "allowed", admin: "allowed" },
    setup: () => changeBeforeRestore("unit"),
    async run(cookie) {
      const id = await seedRevisionId("unit", OWN);
      const path = `/en/units/${OWN}/history/${id}`;
      const current = (await getUnitForEditing(OWN, "en"))!.versions.text;
      const form = { baseVersion: String(current), changeNote: "Back to the seeded text" };
      return {
        path,
        ...(await answer(() =>
          unitRestoreAction(routeArgs(path, { lang: "en", slug: OWN, revisionId: String(id) }, { cookie, form })),
        )),
      };
    },
  },
  "restore an organisation document revision": {
    expected: { signedOut: "sign-in", employee: 403, unitEditor: 403, hrEditor: "allowed", admin: "allowed" },
    setup: () => changeBeforeRestore("values"),
    async run(cookie) {
      const id = await seedRevisionId("values", null);
      const path = `/en/values/history/${id}`;
      const form = {
        baseVersion: String((await loadDoc("values", "en")).version),
        changeNote: "Back to the seeded values",
      };
      return {
        path,
        ...(await answer(() =>
          valuesRestoreAction(routeArgs(path, { lang: "en", revisionId: String(id) }, { cookie, form })),
        )),
      };
    },
  },
};

describe("permission matrix: each role × each editing mutation", () => {
  for (const [name, mutation] of Object.entries(mutations)) {
    for (const role of Object.keys(roles) as Role[]) {
      const expected = mutation.expected[role];
      it(`${role}: ${name} → ${expected}`, async () => {
        await mutation.setup?.();
        const before = await prisma.revision.count();
        const result = await mutation.run(cookies[role]);
        expect(classify(result, result.path)).toBe(expected);
        if (expected === "allowed") expect(result.status).toBe(302);
        // A refused request changes nothing; an allowed one adds exactly one revision.
        expect(await prisma.revision.count()).toBe(before + (expected === "allowed" ? 1 : 0));
      });
    }
  }
});

describe("permission matrix: the editing and history pages", () => {
  const pages: Record<
    string,
    { call: (cookie: string | null) => Promise<unknown>; path: string; unitEditor: Outcome }
  > = {
    "edit own unit": {
      path: `/en/units/${OWN}/edit`,
      unitEditor: "allowed",
      call: (cookie) => unitEditLoader(routeArgs(`/en/units/${OWN}/edit`, { lang: "en", slug: OWN }, { cookie })),
    },
    "history of own unit": {
      path: `/en/units/${OWN}/history`,
      unitEditor: "allowed",
      call: (cookie) => unitHistoryLoader(routeArgs(`/en/units/${OWN}/history`, { lang: "en", slug: OWN }, { cookie })),
    },
    "edit another unit": {
      path: `/en/units/${OTHER}/edit`,
      unitEditor: 403,
      call: (cookie) => unitEditLoader(routeArgs(`/en/units/${OTHER}/edit`, { lang: "en", slug: OTHER }, { cookie })),
    },
    "history of another unit": {
      path: `/en/units/${OTHER}/history`,
      unitEditor: 403,
      call: (cookie) =>
        unitHistoryLoader(routeArgs(`/en/units/${OTHER}/history`, { lang: "en", slug: OTHER }, { cookie })),
    },
    "edit goals": {
      path: "/en/goals/edit",
      unitEditor: 403,
      call: (cookie) => goalsEditLoader(routeArgs("/en/goals/edit", { lang: "en" }, { cookie })),
    },
    "strategy history": {
      path: "/en/strategy/history",
      unitEditor: 403,
      call: (cookie) => strategyHistoryLoader(routeArgs("/en/strategy/history", { lang: "en" }, { cookie })),
    },
  };
  for (const [name, page] of Object.entries(pages)) {
    it(`${name}: signed out → sign-in and back; newcomer → 403; unit editor → ${page.unitEditor}; HR editor and admin → allowed`, async () => {
      const outcomes: Record<string, Outcome | string> = {};
      for (const role of Object.keys(roles) as Role[])
        outcomes[role] = classify(await answer(() => page.call(cookies[role])), page.path);
      expect(outcomes).toEqual({
        signedOut: "sign-in",
        employee: 403,
        unitEditor: page.unitEditor,
        hrEditor: "allowed",
        admin: "allowed",
      });
    });
  }

  it("the editors' page is for editors only", async () => {
    const call = (role: Role) =>
      answer(() => editorLoader(routeArgs("/en/editor", { lang: "en" }, { cookie: cookies[role] })));
    expect((await call("employee")).status).toBe(403);
    expect((await call("signedOut")).location).toBe("/en/login?redirectTo=%2Fen%2Feditor");
    const unitEditor = await call("unitEditor");
    expect(unitEditor.data).toMatchObject({ docs: [], units: [{ slug: OWN }] });
    expect((await call("hrEditor")).data.docs).toEqual(["strategy", "values", "goals"]);
  });
});

describe("the unit edit form", () => {
  const slug = "finance-and-administration-unit";
  const path = `/en/units/${slug}/edit`;
  const post = (role: Role, form: Record<string, string>) =>
    answer(() => unitEditAction(routeArgs(path, { lang: "en", slug }, { cookie: cookies[role], form })));

  it("answers a same-language conflict with 409, what the other person changed, and the loser's own text", async () => {
    const base = await unitForm(slug, "en");
    const first = await post("hrEditor", { ...base, description: "HR's new description.", changeNote: "HR update" });
    expect(first).toMatchObject({ status: 302, location: `/en/units/${slug}?saved=1` });

    const loser = await post("admin", {
      ...base,
      description: "Admin's own careful text.",
      changeNote: "Admin update",
    });
    expect(loser.status).toBe(409);
    expect(loser.data.status).toBe("conflict");
    expect(loser.data.values).toMatchObject({
      description: "Admin's own careful text.",
      changeNote: "Admin update",
      textVersion: "2",
      sharedVersion: base.sharedVersion,
    });
    expect(loser.data.conflicts[0]).toMatchObject({
      scope: "en",
      baseVersion: 1,
      currentVersion: 2,
      changes: [{ authorName: "Demo HR Editor", changeNote: "HR update" }],
    });
    expect((await getUnitForEditing(slug, "en"))!.values.description).toBe("HR's new description.");

    // "Save mine over theirs" resubmits the same text on the new base version.
    const mine = await post("admin", loser.data.values);
    expect(mine).toMatchObject({ status: 302, location: `/en/units/${slug}?saved=1` });
    expect((await getUnitForEditing(slug, "en"))!.values.description).toBe("Admin's own careful text.");
  });

  it("a preview renders the sanitised page without saving anything", async () => {
    const revisions = await prisma.revision.count();
    const audits = await prisma.auditEvent.count();
    const before = await getUnitForEditing(slug, "en");
    const form = await unitForm(slug, "en", {
      intent: "preview",
      changeNote: "",
      description:
        'Hello **world** <script>alert(1)</script> <img src=x onerror="alert(1)"> [click](javascript:alert(1))',
    });
    const result = await post("hrEditor", form);
    expect(result.status).toBe(200);
    expect(result.data.status).toBe("preview");
    const html: string = result.data.preview.content.value.descriptionHtml;
    expect(html).toContain("<strong>world</strong>");
    expect(html).not.toMatch(/<script|<img|javascript:/i);
    expect(result.data.values.description).toBe(form.description);
    expect(await prisma.revision.count()).toBe(revisions);
    expect(await prisma.auditEvent.count()).toBe(audits);
    expect(await getUnitForEditing(slug, "en")).toEqual(before);
  });

  it("refuses invalid input with 400, errors by field and everything typed kept", async () => {
    const form = await unitForm(slug, "en", {
      name: "",
      contactEmail: "not an email",
      changeNote: " ",
      summary: "Kept summary",
    });
    const result = await post("hrEditor", form);
    expect(result.status).toBe(400);
    expect(
      Object.fromEntries(
        Object.entries(result.data.errors).map(([k, v]) => [k, (v as { key: string }[]).map((e) => e.key)]),
      ),
    ).toEqual({
      name: ["error.required"],
      contactEmail: ["error.email"],
      changeNote: ["error.required"],
    });
    expect(result.data.values).toMatchObject({ summary: "Kept summary", contactEmail: "not an email" });
  });

  it("records the client address in the audit trail", async () => {
    await post("hrEditor", await unitForm(slug, "en"));
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "content.update", targetType: "unit" },
      orderBy: { id: "desc" },
    });
    expect(audit).toMatchObject({ actorEmail: "hr@migri.example", ipAddress: TEST_IP });
  });

  it("shows a revision with its Markdown rendered safely, and a diff from the previous version", async () => {
    const unit = await prisma.unit.findUniqueOrThrow({ where: { slug } });
    const latest = await prisma.revision.findFirstOrThrow({
      where: { entityType: "unit", entityId: unit.id, scope: "en" },
      orderBy: { version: "desc" },
    });
    const page = await answer(() =>
      unitRevisionLoader(
        routeArgs(
          `/en/units/${slug}/history/${latest.id}`,
          { lang: "en", slug, revisionId: String(latest.id) },
          { cookie: cookies.hrEditor },
        ),
      ),
    );
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ isLatest: true, revision: { version: latest.version, scope: "en" } });
    expect(page.data.diff.find((d: { field: string }) => d.field === "description").changed).toBe(true);
    const missing = await answer(() =>
      unitRevisionLoader(
        routeArgs(
          `/en/units/${slug}/history/999999`,
          { lang: "en", slug, revisionId: "999999" },
          { cookie: cookies.hrEditor },
        ),
      ),
    );
    expect(missing.status).toBe(404);
  });
});

describe("the document edit form", () => {
  it("a preview shows the texts, with fallbacks marked, and saves nothing", async () => {
    const revisions = await prisma.revision.count();
    const form = await docForm("goals", "sv", {
      quality__text: "Vårt arbete håller hög kvalitet.",
      intent: "preview",
      changeNote: "",
    });
    const result = await answer(() =>
      goalsEditAction(routeArgs("/sv/goals/edit", { lang: "sv" }, { cookie: cookies.hrEditor, form })),
    );
    expect(result.status).toBe(200);
    expect(result.data.preview.quality__text).toEqual({
      value: "Vårt arbete håller hög kvalitet.",
      lang: "sv",
      isFallback: false,
      isOutdated: false,
    });
    expect(result.data.preview["customer-experience__text"]).toMatchObject({ lang: "en", isFallback: true });
    expect(await prisma.revision.count()).toBe(revisions);
  });
});
