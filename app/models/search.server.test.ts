// Site search against this worker's real, migrated and seeded database: SQLite (FTS5) or
// PostgreSQL (pg_trgm), the same expectations on both. Test data is created here, never in the seed.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { prisma, withPlaceholders } from "~/utils/db.server";
import { projectRoot } from "~/utils/paths.server";
import { fold, queryWords } from "~/utils/search-text";
import {
  SEARCH_TRIGGERS,
  ensureSearchIndex,
  ftsString,
  matchExpression,
  missingSearchTriggers,
  rebuildSearchIndex,
  reindexOrganisationTexts,
  reindexUnit,
  searchSite,
} from "./search.server";
import { PG_SEARCH_TRIGGERS, containsPattern } from "./search-postgres.server";

const onPostgres = inject("databaseProvider") === "postgresql";
/** The index table: same rows and columns on both databases. */
const INDEX = onPostgres ? "search_index" : "search_fts";
const sql = (text: string) => withPlaceholders(prisma, text.replace(/\bsearch_fts\b/g, INDEX));

const text = (segments: { text: string; match: boolean }[]) =>
  segments.map((s) => (s.match ? `[${s.text}]` : s.text)).join("");
const keys = async (lang: "fi" | "sv" | "en", q: string) => (await searchSite(lang, q)).hits.map((h) => h.key);
const indexRows = async () =>
  Number((await prisma.$queryRawUnsafe<{ n: bigint }[]>(sql("SELECT count(*) AS n FROM search_fts")))[0].n);

/**
 * On PostgreSQL, the rows of the lookup tables that differ from "search_match": postings missing,
 * extra, or with the wrong thing or name flag, and joined texts missing, extra or different. None
 * when the triggers keep them.
 */
async function lookupsOutOfStep(): Promise<{ postings: number; texts: number }> {
  const [row] = await prisma.$queryRawUnsafe<{ postings: bigint; texts: bigint }[]>(
    `WITH postings AS (
       SELECT t AS term, m."rowid", m."thing", t = ANY (tsvector_to_array(m."name_terms")) AS in_name
         FROM "search_match" m, unnest(tsvector_to_array(m."terms")) AS t),
     texts AS (
       SELECT m."rowid", m."thing", concat_ws(E'\\n', m."title_f", m."summary_f", m."names_f", m."body_f") AS text_f
         FROM "search_match" m)
     SELECT (SELECT count(*) FROM (SELECT * FROM postings
                                   EXCEPT SELECT "term", "rowid", "thing", "in_name" FROM "search_posting") AS a)
          + (SELECT count(*) FROM (SELECT "term", "rowid", "thing", "in_name" FROM "search_posting"
                                   EXCEPT SELECT * FROM postings) AS b) AS postings,
            (SELECT count(*) FROM (SELECT * FROM texts EXCEPT SELECT "rowid", "thing", "text_f" FROM "search_text") AS c)
          + (SELECT count(*) FROM (SELECT "rowid", "thing", "text_f" FROM "search_text" EXCEPT SELECT * FROM texts) AS d) AS texts`,
  );
  return { postings: Number(row.postings), texts: Number(row.texts) };
}

/** A unit of the test's own with one English text. */
const createEnglishUnit = (slug: string, text: { name: string; summary: string; description: string }) =>
  prisma.unit.create({ data: { slug, kind: "unit", texts: { create: { lang: "en", duties: "[]", ...text } } } });

let permitUnitId: number;
let residenceUnitId: number;

beforeAll(async () => {
  // Two units of the test's own: one named after residence permits (Finnish "oleskelulupa"),
  // one that only mentions them in its description.
  const named = await prisma.unit.create({
    data: {
      slug: "test-residence-permit-unit",
      kind: "unit",
      sourceLang: "fi",
      texts: {
        create: [
          {
            lang: "fi",
            name: "Oleskelulupayksikkö",
            summary: "Käsittelee oleskelulupahakemukset.",
            description: "Päätös tehdään nopeasti.",
            duties: JSON.stringify(["Oleskeluluvat", "Päätökset"]),
          },
          {
            lang: "en",
            name: "Residence Permit Unit",
            summary: "Handles residence permit applications.",
            description: "",
            duties: "[]",
            sourceVersion: 1,
          },
        ],
      },
    },
  });
  const mentions = await prisma.unit.create({
    data: {
      slug: "test-advice-unit",
      kind: "unit",
      sourceLang: "fi",
      texts: {
        create: [
          {
            lang: "fi",
            name: "Neuvontayksikkö",
            summary: "Neuvoo asiakkaita.",
            description: "Neuvomme myös **oleskelulupa**-asioissa.",
            duties: "[]",
          },
        ],
      },
    },
  });
  residenceUnitId = named.id;
  permitUnitId = mentions.id;
});

// Other test files may share this worker's database: leave it as the seed made it.
afterAll(async () => {
  await prisma.unit.deleteMany({ where: { slug: { startsWith: "test-" } } });
});

describe("site search: input is always text", () => {
  it("quotes every word as an FTS5 string", () => {
    expect(ftsString('a"b')).toBe('"a""b"');
    expect(matchExpression(["lupa", "oleskelu"])).toBe('"lupa" AND "oleskelu"');
    expect(matchExpression(["lupa"], ["title", "names"])).toBe('{title names} : ("lupa")');
    expect(matchExpression(["eu", "x"])).toBeNull();
  });

  it.each([
    ['"'],
    ["*"],
    ["NEAR("],
    ["NEAR(lupa oleskelu, 2)"],
    ["' OR 1=1 --"],
    ['\'; DROP TABLE "Unit"; --'],
    ["(((lupa"],
    ["lupa)))"],
    ["lupa*"],
    ["title: lupa"],
    ["{title body}: lupa"],
    ["^lupa"],
    ["AND OR NOT"],
    ["\u0000\ud800"],
    ["%_%"],
    ["x".repeat(10_000)],
    [Array.from({ length: 2_000 }, () => "lupa").join(" ")],
  ])("%j returns results or an empty list, never an error", async (q) => {
    const results = await searchSite("fi", q);
    expect(Array.isArray(results.hits)).toBe(true);
    expect(results.total).toBeGreaterThanOrEqual(0);
  });

  it("searches a quoted or starred word as the word", async () => {
    expect(await keys("fi", '"lupapalvelut"')).toContain("org:strategyVision");
    expect(await keys("fi", "lupa*")).toContain("org:strategyVision");
    expect(await prisma.unit.count()).toBeGreaterThan(13); // and nothing was dropped
  });
});

describe("site search: Finnish compounds and inflections", () => {
  it('"lupa" finds "lupapalvelut" in the seeded Finnish vision and "oleskelulupa" inside words', async () => {
    const results = await searchSite("fi", "lupa");
    const found = results.hits.map((h) => h.key);
    expect(found).toContain("org:strategyVision");
    expect(found).toContain(`unit:${residenceUnitId}`);
    expect(found).toContain(`unit:${permitUnitId}`);
    const vision = results.hits.find((h) => h.key === "org:strategyVision")!;
    expect(text(vision.snippet)).toContain("[Lupa]palvelut ovat Euroopan sujuvimmat.");
    expect(vision).toMatchObject({ type: "page", href: "/fi/strategy#vision", lang: "fi", hrefInTextLang: null });
  });

  it("matches without diacritics and across inflected forms sharing a stem", async () => {
    expect(await keys("fi", "paatos")).toContain(`unit:${residenceUnitId}`);
    expect(await keys("fi", "oleskelulup")).toEqual(
      expect.arrayContaining([`unit:${residenceUnitId}`, `unit:${permitUnitId}`]),
    );
  });

  it("requires every word", async () => {
    expect(await keys("fi", "oleskelulupa neuvo")).toEqual([`unit:${permitUnitId}`]);
    expect(await keys("fi", "oleskelulupa zzzqqq")).toEqual([]);
  });

  it("matches one- and two-letter words as text too", async () => {
    const results = await searchSite("en", "it");
    expect(results.total).toBeGreaterThan(0);
    expect(await keys("en", "qz")).toEqual([]);
  });
});

describe("site search: ranking and results", () => {
  it("ranks a unit named after the word above one that only mentions it", async () => {
    const found = await keys("fi", "oleskelulupa");
    expect(found.indexOf(`unit:${residenceUnitId}`)).toBeLessThan(found.indexOf(`unit:${permitUnitId}`));
    expect(found.indexOf(`unit:${residenceUnitId}`)).toBe(0);
  });

  it("shows each thing once, in the reader's language when that text matched", async () => {
    const en = await searchSite("en", "residence permit");
    const hits = en.hits.filter((h) => h.key === `unit:${residenceUnitId}`);
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({
      lang: "en",
      href: "/en/units/test-residence-permit-unit",
      hrefInTextLang: null,
      type: "unit",
    });
    expect(text(hits[0].title)).toBe("[Residence] [Permit] Unit");

    const fiOnly = (await searchSite("en", "neuvontayksikkö")).hits[0];
    expect(fiOnly).toMatchObject({
      key: `unit:${permitUnitId}`,
      lang: "fi",
      href: "/en/units/test-advice-unit",
      hrefInTextLang: "/fi/units/test-advice-unit",
    });
  });

  it("finds units, strategy, values and goals in all three languages", async () => {
    expect(await keys("en", "digital services")).toContain(
      `unit:${(await prisma.unit.findUniqueOrThrow({ where: { slug: "digital-services-unit" } })).id}`,
    );
    const goal = (await searchSite("sv", "asiakaskokemus")).hits[0];
    expect(goal).toMatchObject({ type: "goal", href: "/sv/goals", lang: "fi" });
    expect(text(goal.title)).toBe("Mål 2");
    const value = (await searchSite("en", "transparent")).hits[0];
    expect(value).toMatchObject({ type: "value", href: "/en/values" });
    const duties = (await searchSite("en", "alien's passports")).hits[0];
    expect(duties).toMatchObject({ key: "org:agencyDuties", href: "/en/strategy#duties" });
    expect(text(duties.title)).toBe("Strategy › Duties of the agency");
  });

  it("shows the description's block that matched, as plain text, when the summary did not match", async () => {
    const unit = await createEnglishUnit("test-snippet-unit", {
      name: "Snippet Unit",
      summary: "Nothing to see here.",
      description: "The first paragraph.\n\nThe second one has a **quokka** and [a link](https://migri.fi).",
    });
    const hit = (await searchSite("en", "quokka")).hits[0];
    expect(text(hit.snippet)).toBe("… The second one has a [quokka] and a link.");
    await prisma.unit.delete({ where: { id: unit.id } });
  });

  it("keeps HTML in content as text in the snippet", async () => {
    const unit = await createEnglishUnit("test-html-unit", {
      name: "Markup Unit",
      summary: "<img src=x onerror=alert(1)> zanzibar",
      description: "",
    });
    const hit = (await searchSite("en", "zanzibar")).hits[0];
    expect(text(hit.snippet)).toBe("<img src=x onerror=alert(1)> [zanzibar]");
    await prisma.unit.delete({ where: { id: unit.id } });
    expect(await keys("en", "zanzibar")).toEqual([]);
  });

  it("pages the results and still counts them past the last page", async () => {
    const first = await searchSite("en", "e", { page: 1 });
    expect(first.total).toBeGreaterThan(20);
    expect(first.hits).toHaveLength(20);
    const second = await searchSite("en", "e", { page: 2 });
    expect(second.hits.map((h) => h.key)).not.toContain(first.hits[0].key);
    const beyond = await searchSite("en", "e", { page: 999 });
    expect(beyond).toMatchObject({ total: first.total, hits: [] });
  });

  it("gives the same results inside a transaction (on PostgreSQL: Prisma's pipeline, not its driver adapter)", async () => {
    for (const q of ["lupa", "security unit", "e", "qqqzzz"]) {
      const outside = await searchSite("fi", q, { page: 1 });
      const inside = await prisma.$transaction((tx) => searchSite("fi", q, { page: 1, db: tx as typeof prisma }));
      expect({ ...inside, durationMs: 0 }, q).toEqual({ ...outside, durationMs: 0 });
    }
  });
});

describe("site search: very broad queries", () => {
  it("list the name matches first, then the rest, and count them as 'at least'", async () => {
    const full = await searchSite("en", "unit");
    expect(full.totalIsExact).toBe(true);
    const capped = await searchSite("en", "unit", { rankAllUpTo: 3 });
    expect(capped.totalIsExact).toBe(false);
    expect(capped.total).toBeGreaterThan(0);
    expect(capped.total).toBeLessThanOrEqual(full.total);
    expect(capped.hits.map((h) => h.key).sort()).toEqual(full.hits.map((h) => h.key).sort());
    const named = (h: { title: { text: string; match: boolean }[] }) => h.title.some((s) => s.match);
    expect(named(capped.hits[0])).toBe(true);
    const firstUnnamed = capped.hits.findIndex((h) => !named(h));
    if (firstUnnamed !== -1) expect(capped.hits.slice(firstUnnamed).every((h) => !named(h))).toBe(true);
  });

  it("count 'at least' the things among the first rows in row id order, on both databases alike", async () => {
    // Saved again, the first units' rows are stored anew (on PostgreSQL, at the end of the table):
    // the count must not depend on where rows are stored.
    const firstUnits = await prisma.unit.findMany({ orderBy: { id: "asc" }, take: 3, include: { texts: true } });
    for (const t of firstUnits.flatMap((u) => u.texts)) {
      await prisma.unitText.update({ where: { id: t.id }, data: { summary: t.summary } });
    }
    const rows = await prisma.$queryRawUnsafe<{ key: string; text: string }[]>(
      sql(`SELECT doc_key AS key, title || ' ' || summary || ' ' || names || ' ' || body AS text
             FROM search_fts ORDER BY rowid`),
    );
    let checked = 0;
    for (const word of ["unit", "services", "migri", "permit"]) {
      const holding = rows.filter((r) => fold(r.text).includes(word));
      for (const rankAllUpTo of [2, 5, 9]) {
        if (holding.length <= rankAllUpTo) continue;
        const things = new Set(holding.slice(0, rankAllUpTo + 1).map((r) => r.key)).size;
        const found = await searchSite("en", word, { rankAllUpTo });
        expect({ word, rankAllUpTo, total: found.total, exact: found.totalIsExact }).toEqual({
          word,
          rankAllUpTo,
          total: things,
          exact: false,
        });
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(6);
  });
});

describe.runIf(onPostgres)("site search on PostgreSQL: the index of terms finds what LIKE finds", () => {
  it("finds exactly the rows holding every word, whatever splits the words in the text", async () => {
    // Punctuation, addresses, other scripts, digits, and a 1,100-character run with words in it
    // (indexed as overlapping pieces).
    const unit = await prisma.unit.create({
      data: {
        slug: "test-terms-unit",
        kind: "unit",
        texts: {
          create: {
            lang: "en",
            name: "Ελλάδα-yhteistyö (Kyiv/Київ) 2027",
            summary: "Write to lupa.asiat@migri.fi or see https://migri.fi/oleskelulupa?x=1 — e-mail; pre_fix",
            description: `${"x".repeat(480)}kiwimatch${"y".repeat(600)}`,
            duties: JSON.stringify(["Päätös #42", "C++ & C#"]),
          },
        },
      },
    });
    const queries = [
      "ελλαδα",
      "yhteistyo",
      "kyiv",
      "київ",
      "asiat migri",
      "oleskelulupa",
      "mail",
      "pre fix",
      "kiwimatch",
      "x".repeat(200),
      "xxxkiwimatchyyy",
      "paatos 42",
      "c",
      "2027 ellada",
      "residence permit",
      "unit",
      "e",
      "Päätös lu",
      "security unit",
    ].map(queryWords);
    for (const words of queries) {
      const like = words.map(
        (_, i) => `search_fold("title" || E'\\n' || "summary" || E'\\n' || "names" || E'\\n' || "body") LIKE $${i + 1}`,
      );
      const [scanned] = await prisma.$queryRawUnsafe<{ n: bigint }[]>(
        `SELECT count(*) AS n FROM "search_index" WHERE ${like.join(" AND ")}`,
        ...words.map(containsPattern),
      );
      const [found] = await prisma.$queryRawUnsafe<{ rows: number }[]>(
        `SELECT "rows" FROM "search_find"(ARRAY(SELECT jsonb_array_elements_text($1::jsonb)), 1000000, 1, 'en', 0, 1) LIMIT 1`,
        JSON.stringify(words),
      );
      expect(found.rows, words.join(" ")).toBe(Number(scanned.n));
    }
    expect(await keys("en", "kiwimatch")).toEqual([`unit:${unit.id}`]);
    expect(await keys("en", "yhteistyo kyiv")).toEqual([`unit:${unit.id}`]);
    await prisma.unit.delete({ where: { id: unit.id } });
    expect(await keys("en", "kiwimatch")).toEqual([]);
  });
});

describe("the index stays current on every save", () => {
  it("follows a unit text's update, a new translation and a delete", async () => {
    const unit = await prisma.unit.findUniqueOrThrow({ where: { slug: "security-unit" }, include: { texts: true } });
    const id = `unit:${unit.id}`;
    await prisma.unitText.update({
      where: { id: unit.texts[0].id },
      data: { summary: "Guards the quokka enclosure." },
    });
    expect(await keys("en", "quokka")).toEqual([id]);
    await prisma.unitText.update({
      where: { id: unit.texts[0].id },
      data: { summary: "Guards the wombat enclosure." },
    });
    expect(await keys("en", "quokka")).toEqual([]);
    expect(await keys("en", "wombat")).toEqual([id]);

    // A Finnish name makes the unit findable by it from every language's rows.
    const fi = await prisma.unitText.create({
      data: {
        unitId: unit.id,
        lang: "fi",
        name: "Turvallisuusyksikkö",
        summary: "Vastaa turvallisuudesta.",
        description: "",
        duties: "[]",
        sourceVersion: 1,
      },
    });
    expect(await keys("en", "turvallisuusyksikko")).toEqual([id]);
    const rows = await prisma.$queryRawUnsafe<{ lang: string; names: string }[]>(
      sql("SELECT lang, names FROM search_fts WHERE doc_key = ? ORDER BY lang"),
      id,
    );
    expect(rows).toEqual([
      { lang: "en", names: "Security Unit\nTurvallisuusyksikkö" },
      { lang: "fi", names: "Security Unit\nTurvallisuusyksikkö" },
    ]);
    await prisma.unitText.delete({ where: { id: fi.id } });
    expect(await keys("en", "turvallisuusyksikko")).toEqual([]);
    await prisma.unitText.update({ where: { id: unit.texts[0].id }, data: { summary: unit.texts[0].summary } });
    if (onPostgres) expect(await lookupsOutOfStep()).toEqual({ postings: 0, texts: 0 });
  });

  it("follows organisation texts, values and goals", async () => {
    const vision = await prisma.organisationText.findUniqueOrThrow({
      where: { key_lang: { key: "strategyVision", lang: "fi" } },
    });
    await prisma.organisationText.update({
      where: { id: vision.id },
      data: { body: JSON.stringify(["Kansalaisuuspalvelut ovat sujuvia."]) },
    });
    expect(await keys("fi", "kansalaisuuspalvelu")).toEqual(["org:strategyVision"]);
    expect(await keys("fi", "lupapalvelut")).toEqual([]);
    await prisma.organisationText.update({ where: { id: vision.id }, data: { body: vision.body } });
    expect(await keys("fi", "lupapalvelut")).toEqual(["org:strategyVision"]);

    const value = await prisma.value.findUniqueOrThrow({ where: { key: "reliable" } });
    const sv = await prisma.valueText.create({
      data: { valueId: value.id, lang: "sv", name: "Pålitlig", sourceVersion: 1 },
    });
    expect(await keys("sv", "palitlig")).toEqual([`value:${value.id}`]);
    await prisma.valueText.delete({ where: { id: sv.id } });
    expect(await keys("sv", "palitlig")).toEqual([]);

    const goal = await prisma.goalText.findFirstOrThrow({ where: { lang: "en", goal: { key: "networks" } } });
    await prisma.goalText.update({ where: { id: goal.id }, data: { text: "We build bridges with partners." } });
    expect(await keys("en", "bridges")).toEqual([`goal:${goal.goalId}`]);
    await prisma.goalText.update({ where: { id: goal.id }, data: { text: goal.text } });
  });

  it("has every trigger the migration creates, and the migration creates exactly these", async () => {
    expect(await missingSearchTriggers()).toEqual([]);
    const dir = path.join(projectRoot, "prisma", ...(onPostgres ? ["postgres"] : []), "migrations");
    const sql = fs
      .readdirSync(dir)
      .filter((d) => fs.existsSync(path.join(dir, d, "migration.sql")))
      .map((d) => fs.readFileSync(path.join(dir, d, "migration.sql"), "utf8"))
      .join("\n");
    const created = [...sql.matchAll(/CREATE TRIGGER (?:IF NOT EXISTS )?"?(search_\w+)"?/g)].map((m) => m[1]);
    expect(created.sort()).toEqual([...(onPostgres ? PG_SEARCH_TRIGGERS : SEARCH_TRIGGERS)].sort());
  });

  it("rebuilds to the same index the triggers keep, and the explicit re-index calls are harmless", async () => {
    const snapshot = () =>
      prisma.$queryRawUnsafe<unknown[]>(
        sql("SELECT rowid AS id, doc_key, lang, title, summary, names, body FROM search_fts ORDER BY rowid"),
      );
    const before = await snapshot();
    await rebuildSearchIndex();
    expect(await snapshot()).toEqual(before);

    const unit = await prisma.unit.findUniqueOrThrow({ where: { slug: "digital-services-unit" } });
    await prisma.$executeRawUnsafe(sql("DELETE FROM search_fts WHERE doc_key = ?"), `unit:${unit.id}`);
    expect(await keys("en", "digital")).toEqual([]);
    await reindexUnit(unit.id);
    await reindexOrganisationTexts();
    expect(await snapshot()).toEqual(before);
    if (onPostgres) {
      // What the search reads follows the index row for row, and lists every term it holds.
      const [mirror] = await prisma.$queryRawUnsafe<Record<string, bigint>[]>(
        `SELECT (SELECT count(*) FROM "search_index" s
                  WHERE NOT EXISTS (SELECT 1 FROM "search_match" m WHERE m."rowid" = s."rowid")) AS "missing",
                (SELECT count(*) FROM "search_match" m
                  WHERE NOT EXISTS (SELECT 1 FROM "search_index" s WHERE s."rowid" = m."rowid")) AS "extra",
                (SELECT count(*) FROM (SELECT DISTINCT t FROM "search_match", unnest(tsvector_to_array("terms")) AS t) d
                  WHERE NOT EXISTS (SELECT 1 FROM "search_term" x WHERE x."term" = d.t)) AS "unlisted"`,
      );
      expect(Object.values(mirror).map(Number)).toEqual([0, 0, 0]);
      expect(await lookupsOutOfStep()).toEqual({ postings: 0, texts: 0 });
    }

    const textRows =
      (await prisma.unitText.count()) +
      (await prisma.organisationText.count()) +
      (await prisma.valueText.count()) +
      (await prisma.goalText.count());
    expect(await indexRows()).toBe(textRows);

    // The seed's check: nothing to do when complete, a rebuild when rows are missing.
    expect(await ensureSearchIndex()).toBe(false);
    await prisma.$executeRawUnsafe(sql("DELETE FROM search_fts WHERE doc_key LIKE 'goal:%'"));
    expect(await ensureSearchIndex()).toBe(true);
    expect(await snapshot()).toEqual(before);
  });
});
