// Goal summaries against this worker's real, seeded database: permissions, form rules, share
// tokens, view counts and the agency wording read from the database.
import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { endOfDayInHelsinki } from "~/utils/helsinki-time";
import { toWinAnsi } from "./summary-pdf.server";
import {
  countView,
  createShareLink,
  createSummary,
  emptyFormState,
  findSummary,
  getVisionPoints,
  listAgencyPoints,
  listSummariesFor,
  newShareToken,
  openShareLink,
  presentSummary,
  readSummaryForm,
  revokeShareLink,
  updateSummary,
  validateSummaryForm,
} from "./summary.server";
import { canComposeSummaries, canReadSummary } from "./permissions.server";
import { canManageSummary, type Actor, type Role } from "./permissions";

async function actor(email: string): Promise<Actor> {
  const user = await prisma.user.findUniqueOrThrow({ where: { email } });
  return { id: user.id, email: user.email, role: user.role as Role, editableUnitIds: [] };
}

async function publishedSummaryBy(email: string, title = "Our team and the goals") {
  const author = await actor(email);
  const goals = await prisma.goal.findMany({ orderBy: { position: "asc" }, take: 2 });
  return createSummary(
    author,
    {
      title,
      lang: "en",
      intro: "",
      items: goals.map((g) => ({ goalId: g.id, visionIndex: null, teamText: "Team text", targets: [] })),
    },
    true,
  );
}

function commonPrefixLength(a: string, b: string): number {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i;
}

describe("share tokens", () => {
  it("are 256 random bits in base64url: 43 characters, decoding to 32 bytes", () => {
    const token = newShareToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
  });

  it("cannot be guessed from one another: no shared prefix, no sequence, no bias", () => {
    const tokens = Array.from({ length: 300 }, newShareToken);
    expect(new Set(tokens).size).toBe(tokens.length);
    const numbers = tokens.map((t) => BigInt(`0x${Buffer.from(t, "base64url").toString("hex")}`));
    for (let i = 1; i < tokens.length; i++) {
      // Made one after the other in the same millisecond, yet nothing in common.
      expect(commonPrefixLength(tokens[i - 1], tokens[i])).toBeLessThan(6);
      const gap = numbers[i] > numbers[i - 1] ? numbers[i] - numbers[i - 1] : numbers[i - 1] - numbers[i];
      expect(gap > 2n ** 64n).toBe(true);
    }
    // Each bit is set about half the time (76,800 bits; 5 standard deviations ≈ 700).
    let ones = 0;
    for (const t of tokens)
      for (const byte of Buffer.from(t, "base64url")) for (let b = 0; b < 8; b++) ones += (byte >> b) & 1;
    expect(Math.abs(ones - (tokens.length * 256) / 2)).toBeLessThan(700);
  });

  it("links of one summary, made one after the other, share nothing with each other, the id or the time", async () => {
    const summary = await publishedSummaryBy("manager@migri.example");
    const author = await actor("manager@migri.example");
    const before = Date.now();
    const a = await createShareLink(summary, author, "");
    const b = await createShareLink(summary, author, "");
    expect(a.token).not.toBe(b.token);
    expect(commonPrefixLength(a.token, b.token)).toBeLessThan(6);
    // Neither the time (ms or s, decimal or hex, as text or as bytes) appears in the tokens.
    const seconds = Math.floor(before / 1000);
    const timeFacts = [String(before), before.toString(16), String(seconds), seconds.toString(16)];
    for (const token of [a.token, b.token]) {
      const hex = Buffer.from(token, "base64url").toString("hex");
      for (const fact of timeFacts) {
        expect(token).not.toContain(fact);
        expect(hex).not.toContain(fact);
      }
    }
    // Nor the link's or the summary's id: the tokens differ in far more than a counter would.
    const bitsDiffering = [...Buffer.from(a.token, "base64url")].reduce(
      (sum, byte, i) =>
        sum + [...(byte ^ Buffer.from(b.token, "base64url")[i]).toString(2)].filter((c) => c === "1").length,
      0,
    );
    expect(bitsDiffering).toBeGreaterThan(64);
    expect(b.id - a.id).toBe(1);
  });

  it("open what they share; revoked, expired, unknown and malformed ones do not", async () => {
    const summary = await publishedSummaryBy("manager@migri.example");
    const author = await actor("manager@migri.example");
    const link = await createShareLink(summary, author, "");
    expect(await openShareLink(link.token)).toMatchObject({ status: "ok", summary: { id: summary.id } });

    expect(await revokeShareLink(summary.id, link.id, author)).toBe(true);
    expect((await openShareLink(link.token)).status).toBe("revoked");

    const expiring = await createShareLink(summary, author, "");
    await prisma.summaryShareLink.update({
      where: { id: expiring.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await openShareLink(expiring.token)).status).toBe("expired");

    expect((await openShareLink(newShareToken())).status).toBe("unknown");
    expect((await openShareLink("not a token")).status).toBe("unknown");
    expect((await openShareLink(link.token.slice(0, 42))).status).toBe("unknown");
  });

  it("cannot be made for a draft, and a link is revoked only through its own summary", async () => {
    const author = await actor("manager@migri.example");
    const draft = await createSummary(author, { title: "Draft", lang: "en", intro: "", items: [] }, false);
    await expect(createShareLink(draft, author, "")).rejects.toThrow();
    const summary = await publishedSummaryBy("manager@migri.example");
    const other = await publishedSummaryBy("manager@migri.example");
    const link = await createShareLink(summary, author, "");
    expect(await revokeShareLink(other.id, link.id, author)).toBe(false);
    expect((await openShareLink(link.token)).status).toBe("ok");
  });

  it("expire at the end of the chosen day in Helsinki, winter and summer time", () => {
    expect(endOfDayInHelsinki("2026-12-31").toISOString()).toBe("2026-12-31T21:59:59.000Z");
    expect(endOfDayInHelsinki("2027-06-30").toISOString()).toBe("2027-06-30T20:59:59.000Z");
  });
});

describe("who may do what", () => {
  it("supervisors, HR editors and admins compose; an employee or unit editor without reports does not", async () => {
    expect(await canComposeSummaries(await actor("manager@migri.example"))).toBe(true);
    expect(await canComposeSummaries(await actor("manager2@migri.example"))).toBe(true);
    expect(await canComposeSummaries(await actor("hr@migri.example"))).toBe(true);
    expect(await canComposeSummaries(await actor("admin@migri.example"))).toBe(true);
    expect(await canComposeSummaries(await actor("newcomer@migri.example"))).toBe(false);
    expect(await canComposeSummaries(await actor("editor@migri.example"))).toBe(false);
  });

  it("a published summary is read by its author, the author's reports, HR editors and admins only", async () => {
    const summary = await publishedSummaryBy("manager@migri.example");
    const can = async (email: string) => canReadSummary(await actor(email), summary);
    expect(await can("manager@migri.example")).toBe(true);
    expect(await can("newcomer@migri.example")).toBe(true);
    expect(await can("hr@migri.example")).toBe(true);
    expect(await can("admin@migri.example")).toBe(true);
    expect(await can("manager2@migri.example")).toBe(false);
    expect(await can("newcomer2@migri.example")).toBe(false);
    expect(await can("editor@migri.example")).toBe(false);
  });

  it("a draft is the author's (and admins') alone; only they manage a summary", async () => {
    const author = await actor("manager@migri.example");
    const draft = await createSummary(author, { title: "Not yet", lang: "en", intro: "", items: [] }, false);
    expect(await canReadSummary(await actor("newcomer@migri.example"), draft)).toBe(false);
    expect(await canReadSummary(await actor("hr@migri.example"), draft)).toBe(false);
    expect(await canReadSummary(await actor("admin@migri.example"), draft)).toBe(true);
    expect(canManageSummary(author, draft)).toBe(true);
    expect(canManageSummary(await actor("admin@migri.example"), draft)).toBe(true);
    expect(canManageSummary(await actor("manager2@migri.example"), draft)).toBe(false);
    expect(canManageSummary(await actor("hr@migri.example"), draft)).toBe(false);
  });

  it("\"summaries for me\" lists my supervisor's published summaries, not drafts or other supervisors'", async () => {
    const mine = await publishedSummaryBy("manager@migri.example", "For the newcomer");
    const others = await publishedSummaryBy("manager2@migri.example", "For newcomer two");
    const draft = await createSummary(
      await actor("manager@migri.example"),
      { title: "Draft only", lang: "en", intro: "", items: [] },
      false,
    );
    const lists = await listSummariesFor(await actor("newcomer@migri.example"));
    const ids = lists.forMe.map((s) => s.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(others.id);
    expect(ids).not.toContain(draft.id);
    expect(lists.all).toBeNull();
    const author = await listSummariesFor(await actor("manager@migri.example"));
    expect(author.mine.map((s) => s.id)).toEqual(expect.arrayContaining([mine.id, draft.id]));
  });
});

describe("the compose form", () => {
  function form(fields: Record<string, string>) {
    const data = new FormData();
    for (const [k, v] of Object.entries(fields)) data.append(k, v);
    return data;
  }

  it("saves a draft with nothing chosen, but publishing needs a goal with the team's text", async () => {
    const points = await listAgencyPoints("en");
    const draft = validateSummaryForm(readSummaryForm(form({ title: "T", lang: "fi" }), points), points, false);
    expect(draft).toMatchObject({ ok: true, data: { title: "T", lang: "fi", items: [] } });

    const none = validateSummaryForm(readSummaryForm(form({ title: "T", lang: "fi" }), points), points, true);
    expect(none.ok === false && none.errors.items?.[0].key).toBe("summaries.errorNoItems");

    const empty = validateSummaryForm(
      readSummaryForm(form({ title: "T", lang: "fi", "goal-quality.selected": "on" }), points),
      points,
      true,
    );
    expect(empty.ok === false && empty.errors["goal-quality.teamText"]?.[0].key).toBe("summaries.errorTeamText");
  });

  it("needs a title and a known language", async () => {
    const points = await listAgencyPoints("en");
    const result = validateSummaryForm(readSummaryForm(form({ title: "  ", lang: "de" }), points), points, false);
    expect(result.ok === false && Object.keys(result.errors).sort()).toEqual(["lang", "title"]);
  });

  it("ignores empty target rows, asks a started row for its text and owner, and checks dates", async () => {
    const points = await listAgencyPoints("en");
    const fields = {
      title: "T",
      lang: "en",
      "goal-quality.selected": "on",
      "goal-quality.teamText": "Faster decisions",
      "goal-quality.targets.0.text": "Answer in 2 days",
      "goal-quality.targets.0.owner": "",
      "goal-quality.targets.0.dueDate": "2027-02-30",
      "goal-quality.targets.1.text": "",
      "goal-quality.targets.1.owner": "",
      "goal-quality.targets.1.dueDate": "",
    };
    const bad = validateSummaryForm(readSummaryForm(form(fields), points), points, true);
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors["goal-quality.targets.0.owner"]?.[0].key).toBe("summaries.errorOwner");
    expect(bad.errors["goal-quality.targets.0.dueDate"]?.[0].key).toBe("summaries.errorDate");
    expect(bad.errors["goal-quality.targets.1.text"]).toBeUndefined();

    const good = validateSummaryForm(
      readSummaryForm(
        form({ ...fields, "goal-quality.targets.0.owner": "Aino", "goal-quality.targets.0.dueDate": "2027-02-28" }),
        points,
      ),
      points,
      true,
    );
    expect(good.ok && good.data.items).toEqual([
      {
        goalId: points.find((p) => p.key === "goal-quality")!.goalId,
        visionIndex: null,
        teamText: "Faster decisions",
        targets: [{ text: "Answer in 2 days", owner: "Aino", dueDate: "2027-02-28" }],
      },
    ]);
  });

  it("offers every goal and vision point, each with empty target rows", async () => {
    const points = await listAgencyPoints("en");
    expect(points.filter((p) => p.kind === "goal")).toHaveLength(5);
    expect(points.filter((p) => p.kind === "vision")).toHaveLength(4);
    const state = emptyFormState(points, "sv");
    expect(state.lang).toBe("sv");
    expect(state.items["goal-quality"].targets.length).toBeGreaterThan(0);
  });
});

describe("reading", () => {
  it("shows the agency's current goal wording in the summary's language, never a copy", async () => {
    const author = await actor("manager@migri.example");
    const quality = await prisma.goal.findUniqueOrThrow({ where: { key: "quality" }, include: { texts: true } });
    const created = await createSummary(
      author,
      {
        title: "Fi",
        lang: "fi",
        intro: "",
        items: [{ goalId: quality.id, visionIndex: null, teamText: "x", targets: [] }],
      },
      true,
    );
    const view = await presentSummary((await findSummary(created.id))!);
    expect(view.items[0].agencyText).toMatchObject({
      value: "Toimintamme on laadukasta, sujuvaa ja ennakoitavaa",
      lang: "fi",
      isFallback: false,
    });

    // The agency rewords the goal: the summary shows the new wording at once.
    const fi = quality.texts.find((t) => t.lang === "fi")!;
    await prisma.goalText.update({ where: { id: fi.id }, data: { text: "Uusi muotoilu" } });
    try {
      const again = await presentSummary((await findSummary(created.id))!);
      expect(again.items[0].agencyText?.value).toBe("Uusi muotoilu");
    } finally {
      await prisma.goalText.update({ where: { id: fi.id }, data: { text: fi.text } });
    }
  });

  it("vision points keep their place: a partial translation falls back to the source list, marked", async () => {
    const en = await getVisionPoints("en");
    const fi = await getVisionPoints("fi");
    expect(en).toHaveLength(4);
    expect(fi).toHaveLength(4);
    expect(fi[1]).toMatchObject({ value: en[1].value, lang: "en", isFallback: true });
  });

  it("counts views as a number only, not the author's own, without changing 'last updated'", async () => {
    const summary = await publishedSummaryBy("manager@migri.example");
    const before = await prisma.teamSummary.findUniqueOrThrow({ where: { id: summary.id } });
    await countView(summary, await actor("newcomer@migri.example"));
    await countView(summary, await actor("newcomer@migri.example"));
    await countView(summary, await actor("manager@migri.example"));
    const after = await prisma.teamSummary.findUniqueOrThrow({ where: { id: summary.id } });
    expect(after.viewCount).toBe(before.viewCount + 2);
    expect(after.updatedAt.toISOString()).toBe(before.updatedAt.toISOString());
  });
});

describe("PDF text", () => {
  it("keeps Finnish and Swedish letters and transliterates what the standard font cannot show", () => {
    expect(toWinAnsi("ä ö å Ä Ö Å é š ž € – “x”")).toBe("ä ö å Ä Ö Å é š ž € – “x”");
    expect(toWinAnsi("Čáp → ŋ")).toBe("Cáp -> ?");
  });
});

describe("saving a summary", () => {
  it("two saves based on the same version: exactly one wins, the other is a conflict naming the new version", async () => {
    const summary = await publishedSummaryBy("manager@migri.example", "Two tabs");
    const author = await actor("manager@migri.example");
    const input = (teamText: string) => ({
      title: "Two tabs",
      lang: "en" as const,
      intro: "",
      items: [{ goalId: null, visionIndex: 0, teamText, targets: [] }],
    });
    const results = await Promise.all(
      ["first", "second", "third"].map((text) => updateSummary(summary.id, author, input(text), false, null, 1)),
    );
    expect(results.map((r) => r.status).sort()).toEqual(["conflict", "conflict", "saved"]);
    for (const r of results) if (r.status === "conflict") expect(r.currentVersion).toBe(2);
    const stored = await prisma.teamSummary.findUniqueOrThrow({ where: { id: summary.id }, include: { items: true } });
    expect(stored.version).toBe(2);
    expect(stored.items).toHaveLength(1);
    const winner = results.findIndex((r) => r.status === "saved");
    expect(stored.items[0].teamText).toBe(["first", "second", "third"][winner]);
    const audits = await prisma.auditEvent.count({ where: { action: "summary.update", targetId: String(summary.id) } });
    expect(audits).toBe(1);
  });

  it("a save based on an old version writes nothing", async () => {
    const summary = await publishedSummaryBy("manager@migri.example", "Stale tab");
    const author = await actor("manager@migri.example");
    const outcome = await updateSummary(
      summary.id,
      author,
      { title: "Overwritten?", lang: "en", intro: "", items: [] },
      false,
      null,
      0,
    );
    expect(outcome).toMatchObject({ status: "conflict", currentVersion: 1 });
    expect((await prisma.teamSummary.findUniqueOrThrow({ where: { id: summary.id } })).title).toBe("Stale tab");
  });
});
