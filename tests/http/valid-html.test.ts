// Every read page is valid HTML by the Nu Html Checker (vnu-jar, the checker behind
// validator.w3.org/nu), run locally on Java: one JVM over all pages, which is the slow part.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { Client, useTestServer } from "../support/http";

const vnu = path.resolve(__dirname, "..", "..", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");
const server = useTestServer();

const SIGNED_OUT = [
  "/en",
  "/fi/units",
  "/en/units?q=services",
  "/sv/values",
  "/en/goals",
  "/fi/strategy",
  "/en/accessibility",
  "/fi/units/digital-services-unit",
  "/en/units/chart",
  "/en/search?q=lupa",
  "/en/login",
];
const SIGNED_IN = ["/en/onboarding", "/en/values"];

type VnuMessage = { type: string; subType?: string; url: string; message: string; lastLine?: number; extract?: string };

describe("valid HTML", () => {
  it("the Nu Html Checker finds no errors on the read pages", { timeout: 120_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "migri-vnu-"));
    try {
      const reader = new Client(server);
      const newcomer = new Client(server);
      await newcomer.signIn("newcomer@migri.example");
      const pages: [Client, string, string][] = [
        ...SIGNED_OUT.map((page) => [reader, page, "signed-out"] as [Client, string, string]),
        ...SIGNED_IN.map((page) => [newcomer, page, "signed-in"] as [Client, string, string]),
      ];
      const files: string[] = [];
      for (const [client, page, who] of pages) {
        const response = await client.get(page);
        expect(response.status, page).toBe(200);
        const html = await response.text();
        // Search engines and link previews show the description (Lighthouse's SEO audit asks for one).
        expect(/<meta name="description" content="[^"]{20,}"/.test(html), `${page} has a description`).toBe(true);
        const file = path.join(dir, `${who}${page.replace(/[/?=]/g, "_")}.html`);
        fs.writeFileSync(file, html);
        files.push(file);
      }
      // vnu exits non-zero when it reports errors; its JSON report is on stderr either way.
      const { stderr } = await promisify(execFile)(
        "java",
        ["-jar", vnu, "--errors-only", "--format", "json", ...files],
        {
          maxBuffer: 16 * 2 ** 20,
        },
      ).catch((error: { stderr: string }) => error);
      const messages = (JSON.parse(stderr) as { messages: VnuMessage[] }).messages;
      const errors = messages.map(
        (m) => `${path.basename(m.url)}:${m.lastLine ?? "?"} ${m.message} ${m.extract ?? ""}`,
      );
      expect(errors).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
