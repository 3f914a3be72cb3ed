import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { seed } from "./seed";
import * as content from "./seed-content";

const quiet = () => {};

describe("seed", () => {
  beforeAll(async () => {
    await seed(prisma, quiet);
  });

  it("seeds the 13 units: 4 departments and 9 units, with the public names", async () => {
    const units = await prisma.unit.findMany({ include: { texts: true }, orderBy: { position: "asc" } });
    expect(units).toHaveLength(13);
    expect(units.filter((u) => u.kind === "department")).toHaveLength(4);
    expect(units.filter((u) => u.kind === "unit")).toHaveLength(9);
    expect(units.map((u) => u.texts.find((t) => t.lang === "en")?.name)).toEqual([
      "Permit and Citizenship Department",
      "Department for International Protection",
      "Reception Services Department",
      "Control and Monitoring Department",
      "Communications Unit",
      "Customer Relations Unit",
      "Digital Services Unit",
      "Finance and Administration Unit",
      "Human Resources Unit",
      "Information Services and Performance Guidance Unit",
      "Legal and Specialist Services Unit",
      "Management Support",
      "Security Unit",
    ]);
    expect(units.find((u) => u.slug === "digital-services-unit")).toBeTruthy();
  });

  it("invents nothing: no locations, no heads but the public one, placeholders flagged for review", async () => {
    const units = await prisma.unit.findMany();
    expect(units.every((u) => u.location === null)).toBe(true);
    expect(units.filter((u) => u.head).map((u) => [u.slug, u.head])).toEqual([
      ["permit-and-citizenship-department", "Pauliina Helminen"],
    ]);
    expect(units.filter((u) => u.contactEmail).map((u) => u.contactEmail)).toEqual(["media@migri.fi"]);
    const digital = await prisma.unit.findUniqueOrThrow({
      where: { slug: "digital-services-unit" },
      include: { texts: true },
    });
    expect(digital.needsReview).toBe(true);
    expect(digital.texts.map((t) => t.lang)).toEqual(["en"]);
    expect(JSON.parse(digital.texts[0].duties)).toEqual([]);
  });

  it("seeds the 3 values and 5 goals in the agency's exact wording, in order", async () => {
    const values = await prisma.value.findMany({ orderBy: { position: "asc" }, include: { texts: true } });
    expect(values.map((v) => v.texts.find((t) => t.lang === "en")?.name)).toEqual([
      "Reliable",
      "Open and transparent",
      "Bold and proactive",
    ]);
    const goals = await prisma.goal.findMany({ orderBy: { position: "asc" }, include: { texts: true } });
    expect(goals.map((g) => g.texts.find((t) => t.lang === "en")?.text)).toEqual([
      "Our work is of good quality, our processes are smooth and efficient and the way we work is predictable.",
      "The customer experience with us is excellent.",
      "We seek to continuously update and improve the way we work.",
      "We are active in networks and seek to achieve solutions.",
      "We are an attractive workplace where the well-being of employees is seen to.",
    ]);
    expect(goals.map((g) => g.texts.find((t) => t.lang === "sv"))).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(goals[1].texts.find((t) => t.lang === "fi")).toMatchObject({
      text: "Asiakaskokemus on erinomainen",
      sourceVersion: 1,
    });
  });

  it("seeds the mission line, ambition and strategy facts", async () => {
    const texts = await prisma.organisationText.findMany({ where: { lang: "en" } });
    const byKey = Object.fromEntries(texts.map((t) => [t.key, t.body]));
    expect(byKey.missionLine).toBe("for customers and for society");
    expect(byKey.ambition).toBe(content.organisationTexts.ambition.en);
    expect(byKey.strategyTitle).toBe("Organisational strategy of the Finnish Immigration Service 2023-2027");
    const profile = await prisma.organisationProfile.findUniqueOrThrow({ where: { id: 1 } });
    expect(profile).toMatchObject({
      directorGeneralName: "Ilkka Haahtela",
      strategyPeriodStart: 2023,
      strategyPeriodEnd: 2027,
    });
  });

  it("is idempotent and never overwrites an editor's change", async () => {
    const unit = await prisma.unit.findUniqueOrThrow({ where: { slug: "security-unit" }, include: { texts: true } });
    await prisma.unitText.update({
      where: { id: unit.texts[0].id },
      data: { summary: "Edited by an editor", version: 2 },
    });
    await prisma.valueText.deleteMany({ where: { lang: "fi", value: { key: "reliable" } } });

    const lines: string[] = [];
    const { created } = await seed(prisma, (line) => lines.push(line));

    expect(created).toBe(1); // only the deleted Finnish value text came back
    expect(lines).toContain("seed: value texts: added 1");
    expect(lines).toContain("seed: units: up to date");
    const after = await prisma.unitText.findUniqueOrThrow({ where: { id: unit.texts[0].id } });
    expect(after.summary).toBe("Edited by an editor");
    expect(await prisma.unit.count()).toBe(13);
  });
});
