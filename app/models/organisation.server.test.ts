import { describe, expect, it } from "vitest";
import { getGoals, getOrganisation, getValues } from "./organisation.server";

describe("organisation texts by language", () => {
  it("shows the Finnish values where they are public", async () => {
    const values = await getValues("fi");
    expect(values.map((v) => [v.name?.value, v.name?.lang, v.name?.isFallback])).toEqual([
      ["Luotettava", "fi", false],
      ["Avoin", "fi", false],
      ["Rohkea", "fi", false],
    ]);
  });

  it("falls back to English for Swedish values, flagged as fallback, never invented", async () => {
    const values = await getValues("sv");
    expect(values.map((v) => v.name)).toEqual([
      { value: "Reliable", lang: "en", isFallback: true, isOutdated: false },
      { value: "Open and transparent", lang: "en", isFallback: true, isOutdated: false },
      { value: "Bold and proactive", lang: "en", isFallback: true, isOutdated: false },
    ]);
  });

  it("orders the five goals and keeps the national names of the agency", async () => {
    const goals = await getGoals("fi");
    expect(goals.map((g) => g.position)).toEqual([1, 2, 3, 4, 5]);
    expect(goals[4].text?.value).toBe("Olemme hyvinvoiva työyhteisö ja houkutteleva työpaikka");
    expect((await getOrganisation("sv")).agencyName?.value).toBe("Migrationsverket");
    const fi = await getOrganisation("fi");
    expect(fi.strategyVision?.value).toEqual([
      "Lupapalvelut ovat Euroopan sujuvimmat.",
      "Vastaanottotoiminta on suunnitelmallista ja tehokasta.",
    ]);
    expect(fi.missionLine).toMatchObject({ value: "for customers and for society", lang: "en", isFallback: true });
  });
});
