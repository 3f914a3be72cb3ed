// Two server processes on one SQLite file, as in a deployment with more than one process: an edit
// saved through one is on the very next page the other serves, although the other keeps rendered
// pages. Each request checks the content version in the database, so nothing waits for a message.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "../support/http";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const children: ChildProcess[] = [];

function startServerProcess(): Promise<{ baseUrl: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, "scripts", "serve.mjs")], {
      cwd: root,
      env: { ...process.env, HOST: "127.0.0.1", PORT: "0", NODE_ENV: "production", PORTAL_MODE: "evaluation" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    children.push(child);
    let output = "";
    child.stdout!.on("data", (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) resolve({ baseUrl: match[1] });
    });
    child.once("exit", (code) => reject(new Error(`server process exited with ${code}: ${output}`)));
  });
}

/** The fields of the form posting to `action`, as a browser would send them unchanged. */
function formFields(html: string, action: string): Record<string, string> {
  const start = html.indexOf(`action="${action}"`);
  const form = html.slice(start, html.indexOf("</form>", start));
  const decode = (s: string) =>
    s
      .replace(/&quot;/g, '"')
      .replace(/&#x27;/g, "'")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
  const fields: Record<string, string> = {};
  for (const [, tag] of form.matchAll(/<input([^>]*)>/g)) {
    const name = / name="([^"]*)"/.exec(tag)?.[1];
    if (!name || / type="(checkbox|submit)"/.test(tag)) continue;
    fields[name] = decode(/ value="([^"]*)"/.exec(tag)?.[1] ?? "");
  }
  for (const [, name, text] of form.matchAll(/<textarea[^>]* name="([^"]*)"[^>]*>([\s\S]*?)<\/textarea>/g)) {
    fields[name] = decode(text.replace(/^\n/, ""));
  }
  return fields;
}

let editing: { baseUrl: string };
let reading: { baseUrl: string };

beforeAll(async () => {
  [editing, reading] = await Promise.all([startServerProcess(), startServerProcess()]);
});
afterAll(() => {
  for (const child of children) child.kill("SIGTERM");
});

describe("two server processes on one database", () => {
  it("an edit saved through one process is on the next page the other serves", { timeout: 90_000 }, async () => {
    const reader = new Client(reading);
    const first = await reader.get("/en/values");
    expect(first.status).toBe(200);
    await first.text();
    const kept = await reader.get("/en/values");
    expect(kept.headers.get("ETag")).toBe(first.headers.get("ETag"));
    expect(await kept.text()).not.toContain("Reliable, every time");

    const hr = new Client(editing);
    await hr.signIn("hr@migri.example");
    const form = formFields(await (await hr.get("/en/values/edit")).text(), "/en/values/edit");
    expect(form.reliable__name).toBe("Reliable");
    const saved = await hr.post(
      "/en/values/edit",
      { ...form, reliable__name: "Reliable, every time", changeNote: "Clearer name", intent: "save" },
      { Origin: editing.baseUrl },
    );
    expect(saved.status, await saved.clone().text()).toBeLessThan(400);

    const next = await reader.get("/en/values", { "If-None-Match": kept.headers.get("ETag")! });
    expect(next.status).toBe(200);
    expect(await next.text()).toContain("Reliable, every time");
  });
});
