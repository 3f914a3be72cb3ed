// The directory filters in the browser at the agency's size and on the server at a large one:
// both must show the same units for the same URL. Against this worker's real database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Lang } from "~/i18n";
import { prisma } from "~/utils/db.server";
import { filterUnits, parseDirectoryFilters } from "~/utils/directory";
import { buildTree, getDirectory, getOrgChart, getUnitAncestors } from "./directory.server";

const filtersOf = (search: string) => parseDirectoryFilters(new URLSearchParams(search));

/** What the reader sees for a URL: the browser's filter over every unit, or the server's page. */
async function shown(lang: Lang, search: string, clientFilterLimit?: number) {
  const directory = await getDirectory(lang, filtersOf(search), { clientFilterLimit });
  if (directory.mode === "client")
    return { mode: "client", slugs: filterUnits(directory.units, directory.filters).map((u) => u.slug) };
  return { mode: "server", slugs: directory.units.map((u) => u.slug), matched: directory.matched };
}

beforeAll(async () => {
  const parent = await prisma.unit.create({
    data: {
      slug: "test-parent-department",
      kind: "department",
      position: 100,
      location: "Tampere",
      sourceLang: "fi",
      texts: {
        create: [
          {
            lang: "fi",
            name: "Lupaosasto",
            summary: "Käsittelee lupahakemukset.",
            description: "",
            duties: JSON.stringify(["Päätösten valmistelu"]),
          },
          {
            lang: "sv",
            name: "Tillståndsavdelningen",
            summary: "Behandlar ansökningar.",
            description: "",
            duties: "[]",
            sourceVersion: 1,
          },
        ],
      },
    },
  });
  const child = await prisma.unit.create({
    data: {
      slug: "test-child-unit",
      kind: "unit",
      position: 101,
      parentId: parent.id,
      texts: {
        create: {
          lang: "en",
          name: "Child Unit",
          summary: "Drafts decisions.",
          description: "Mentions zeppelins only here.",
          duties: "[]",
        },
      },
    },
  });
  await prisma.unit.create({
    data: {
      slug: "test-grandchild-unit",
      kind: "unit",
      position: 102,
      parentId: child.id,
      texts: {
        create: {
          lang: "en",
          name: "Grandchild Unit",
          summary: "Small team.",
          description: "",
          duties: JSON.stringify(["Archiving"]),
        },
      },
    },
  });
});

afterAll(async () => {
  for (const slug of ["test-grandchild-unit", "test-child-unit", "test-parent-department"]) {
    await prisma.unit.deleteMany({ where: { slug } });
  }
});

describe("directory", () => {
  it("filters in the browser at the agency's size: typing digi leaves the Digital Services Unit", async () => {
    expect(await shown("en", "q=digi")).toEqual({ mode: "client", slugs: ["digital-services-unit"] });
    expect(await shown("fi", "q=DIGI")).toEqual({ mode: "client", slugs: ["digital-services-unit"] });
  });

  it("sends every unit with what the browser filters on, and the locations to filter by", async () => {
    const directory = await getDirectory("en", filtersOf("q=digi"));
    expect(directory.mode).toBe("client");
    const [total, departments] = [
      await prisma.unit.count(),
      await prisma.unit.count({ where: { kind: "department" } }),
    ];
    expect(directory.units).toHaveLength(total);
    expect(directory.locations).toContain("Tampere");
    expect(directory).toMatchObject({ total, departmentCount: departments, unitCount: total - departments });
    const parent = directory.units.find((u) => u.slug === "test-parent-department")!;
    expect(parent.name).toMatchObject({ value: "Lupaosasto", lang: "fi", isFallback: true });
    expect(directory.mode === "client" && parent.haystack).toContain("tillstandsavdelningen");
  });

  it.each([
    "",
    "q=digi",
    "q=unit",
    "q=services unit",
    "q=permit",
    "q=lupaosasto",
    "q=tillstand",
    "q=paatosten",
    "q=archiving",
    "q=zeppelins",
    "q=hr",
    "q=it unit",
    "kind=department",
    "kind=unit&q=child",
    "location=Tampere",
    "location=Nowhere",
    "q=%22%20OR%201%3D1%20--",
    "q=NEAR(",
    `q=${"x".repeat(10_000)}`,
  ])("shows the same units for ?%s whether the browser or the server filters", async (search) => {
    for (const lang of ["en", "fi", "sv"] as const) {
      const inBrowser = await shown(lang, search);
      const onServer = await shown(lang, search, 0);
      expect(inBrowser.mode).toBe("client");
      expect(onServer.mode).toBe("server");
      expect(onServer.slugs, `${lang} ?${search}`).toEqual(inBrowser.slugs);
      expect(onServer.matched).toBe(inBrowser.slugs.length);
    }
  });

  it("finds a unit by its name in another language, but not by text the reader is not shown", async () => {
    expect((await shown("en", "q=tillstandsavdelningen")).slugs).toEqual(["test-parent-department"]);
    expect((await shown("en", "q=tillstandsavdelningen", 0)).slugs).toEqual(["test-parent-department"]);
    // The Swedish summary is shown only to Swedish readers.
    expect((await shown("sv", "q=behandlar", 0)).slugs).toEqual(["test-parent-department"]);
    expect((await shown("en", "q=behandlar", 0)).slugs).toEqual([]);
    // Descriptions are for the unit page; the directory searches names, summaries and duties.
    expect((await shown("en", "q=zeppelins", 0)).slugs).toEqual([]);
  });

  it("pages the server's results and reports the total past the last page", async () => {
    const all = await getDirectory("en", filtersOf(""), { clientFilterLimit: 0 });
    expect(all).toMatchObject({ mode: "server", matched: await prisma.unit.count(), page: 1, pages: 1 });
    const beyond = await getDirectory("en", filtersOf("q=unit&page=5"), { clientFilterLimit: 0 });
    expect(beyond.units).toEqual([]);
    expect(beyond.mode === "server" && beyond.matched).toBeGreaterThan(0);
  });
});

describe("organisation chart", () => {
  it("puts the Director General at the root and nests sub-units under their parents", async () => {
    const chart = await getOrgChart("en");
    expect(chart.directorGeneralName).toBe("Ilkka Haahtela");
    expect(chart.roots.map((n) => n.slug).slice(0, 5)).toEqual([
      "permit-and-citizenship-department",
      "department-for-international-protection",
      "reception-services-department",
      "control-and-monitoring-department",
      "test-parent-department",
    ]);
    expect(chart.roots).toHaveLength(await prisma.unit.count({ where: { parentId: null } }));
    const parent = chart.roots.find((n) => n.slug === "test-parent-department")!;
    expect(parent.children.map((n) => n.slug)).toEqual(["test-child-unit"]);
    expect(parent.children[0].children.map((n) => n.slug)).toEqual(["test-grandchild-unit"]);
  });

  it("survives a missing parent or a cycle by showing the unit at the top", () => {
    const unit = (id: number, parentId: number | null) => ({
      id,
      parentId,
      slug: `u${id}`,
      kind: "unit",
      sourceLang: "en",
      texts: [],
    });
    const tree = buildTree([unit(1, 2), unit(2, 1), unit(3, 99), unit(4, null), unit(5, 4)], "en");
    expect(tree.map((n) => n.slug).sort()).toEqual(["u1", "u2", "u3", "u4"]);
    expect(tree.find((n) => n.slug === "u4")!.children.map((n) => n.slug)).toEqual(["u5"]);
  });

  it("gives a unit's ancestors from the top down, for breadcrumbs", async () => {
    const chain = await getUnitAncestors("en", "test-grandchild-unit");
    expect(chain.map((a) => a.slug)).toEqual(["test-parent-department", "test-child-unit"]);
    expect(chain[0].name).toMatchObject({ value: "Lupaosasto", lang: "fi" });
    expect(await getUnitAncestors("en", "digital-services-unit")).toEqual([]);
    expect(await getUnitAncestors("en", "no-such-unit")).toEqual([]);
  });
});
