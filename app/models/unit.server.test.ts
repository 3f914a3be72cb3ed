import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { getUnit, isValidUnitSlug, listUnits, slugify } from "./unit.server";

describe("units", () => {
  it("slugs are kebab-case English names, with chart and new reserved", () => {
    expect(slugify("Information Services and Performance Guidance Unit")).toBe(
      "information-services-and-performance-guidance-unit",
    );
    expect(isValidUnitSlug("digital-services-unit")).toBe(true);
    expect(isValidUnitSlug("chart")).toBe(false);
    expect(isValidUnitSlug("new")).toBe(false);
    expect(isValidUnitSlug("Digital Services")).toBe(false);
  });

  it("lists all 13 with their kind, names falling back to English in Finnish", async () => {
    const units = await listUnits("fi");
    expect(units).toHaveLength(13);
    expect(units[0]).toMatchObject({ slug: "permit-and-citizenship-department", kind: "department" });
    expect(units[0].name).toMatchObject({ lang: "en", isFallback: true });
  });

  it("renders a unit page with sanitised description and flags outdated translations", async () => {
    const unit = await prisma.unit.findUniqueOrThrow({
      where: { slug: "human-resources-unit" },
      include: { texts: true },
    });
    await prisma.unitText.create({
      data: {
        unitId: unit.id,
        lang: "fi",
        name: "Henkilöstöyksikkö (testi)",
        summary: "s",
        description: "<script>x</script>\n\n**d**",
        duties: "[]",
        sourceVersion: 1,
      },
    });
    expect((await getUnit("fi", "human-resources-unit"))?.content).toMatchObject({
      lang: "fi",
      isFallback: false,
      isOutdated: false,
    });

    await prisma.unitText.update({ where: { id: unit.texts[0].id }, data: { version: 2 } });
    const page = await getUnit("fi", "human-resources-unit");
    expect(page?.content?.isOutdated).toBe(true);
    expect(page?.content?.value.descriptionHtml).toContain("<strong>d</strong>");
    expect(page?.content?.value.descriptionHtml).not.toContain("<script>");
  });

  it("returns null for an unknown slug", async () => {
    expect(await getUnit("en", "does-not-exist")).toBeNull();
  });
});
