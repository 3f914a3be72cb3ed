import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv";

describe("CSV for Finnish spreadsheets", () => {
  it("starts with a UTF-8 byte order mark, separates with semicolons, ends lines with CRLF", () => {
    const csv = toCsv([
      ["Nimi", "Yksikkö"],
      ["Äijä Öhman", "Åbo; enhet"],
    ]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe('Nimi;Yksikkö\r\nÄijä Öhman;"Åbo; enhet"\r\n');
    expect(new TextDecoder().decode(new TextEncoder().encode(csv))).toContain("Äijä Öhman");
  });

  it("quotes quotes and line breaks, and never lets a cell run as a formula", () => {
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell("+358 40")).toBe("'+358 40");
    expect(csvCell("@sum")).toBe("'@sum");
    expect(csvCell(-5)).toBe("-5"); // numbers are data
    expect(csvCell(null)).toBe("");
  });
});
