// The lint rules that guard the architecture must really fire: the ESLint command with the
// project's own config, run on a small fixture project (tests/lint-fixtures, its own tsconfig
// with the same "~/" alias) that breaks them on purpose.
import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const fixtures = path.join(root, "tests/lint-fixtures");
const eslintBin = path.join(root, "node_modules/eslint/bin/eslint.js");

interface Finding {
  file: string;
  rule: string | null;
}

let linted: Promise<Finding[]> | undefined;
/** Lints the fixture project once, as `npx eslint` would from inside it; the findings, file by file. */
function lintFixtures(): Promise<Finding[]> {
  return (linted ??= runEslint());
}

async function runEslint(): Promise<Finding[]> {
  const args = [eslintBin, "--config", path.join(root, "eslint.config.js"), "--no-ignore", "--format", "json", "app"];
  const stdout = await promisify(execFile)(process.execPath, args, { cwd: fixtures }).then(
    (r) => r.stdout,
    // ESLint exits 1 when it finds errors; its report is still on stdout.
    (error: { code?: number; stdout?: string }) => {
      if (error.code !== 1 || !error.stdout) throw error;
      return error.stdout;
    },
  );
  const results = JSON.parse(stdout) as { filePath: string; messages: { ruleId: string | null }[] }[];
  return results.flatMap((r) =>
    r.messages.map((m) => ({ file: path.relative(fixtures, r.filePath).split(path.sep).join("/"), rule: m.ruleId })),
  );
}

describe("npm run lint", () => {
  it("fails on an import cycle written with the ~/ alias, and passes modules outside it", async () => {
    const findings = await lintFixtures();
    expect(findings).toContainEqual({ file: "app/models/plan.ts", rule: "import-x/no-cycle" });
    expect(findings).toContainEqual({ file: "app/models/step.ts", rule: "import-x/no-cycle" });
    expect(findings.filter((f) => f.file === "app/utils/clean.ts")).toEqual([]);
  }, 120_000);

  it("fails when a utility imports a model (imports flow routes -> components/models -> utils -> i18n)", async () => {
    const findings = await lintFixtures();
    expect(findings).toContainEqual({ file: "app/utils/format.ts", rule: "import-x/no-restricted-paths" });
    expect(findings.filter((f) => f.rule === "import-x/no-restricted-paths").map((f) => f.file)).toEqual([
      "app/utils/format.ts",
    ]);
  }, 120_000);
});
