// Kill the real server with SIGKILL under concurrent writes, start it again, and find every write
// that got a success response (scripts/crash-test.mjs).
import { describe, expect, inject, it } from "vitest";
import { runCrashTest } from "../../scripts/crash-test.mjs";

describe("crash safety", () => {
  it("after SIGKILL at a random moment, every acknowledged save, acknowledgement and sign-in is in the database, which passes integrity_check", async () => {
    const lines: string[] = [];
    const results = await runCrashTest({
      template: inject("templateDatabase"),
      rounds: 3,
      log: (line: string) => lines.push(line),
    });
    console.log(lines.join("\n"));
    for (const result of results) {
      expect(result.missing).toEqual([]);
      expect(result.integrity).toBe("ok");
      expect(result.journal).toBe("wal");
      expect(result.healthAfterRestart).toBe(200);
      // The kill landed while writes were flowing, not before or after them.
      expect(result.saves).toBeGreaterThan(0);
      expect(result.signIns).toBeGreaterThan(0);
      expect(result.acknowledgements).toBeGreaterThan(0);
    }
  }, 240_000);
});
