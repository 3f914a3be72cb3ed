// Request limits and bad input over real HTTP: what an outside probe once turned into a server
// error is now a clear 4xx, and a legitimate form at its maxima still goes through.
import http from "node:http";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { databaseChecksum } from "../support/action-routes";
import { Client, useTestServer } from "../support/http";

const server = useTestServer();
const FORM = { "Content-Type": "application/x-www-form-urlencoded" };

async function signedIn(email: string) {
  const client = new Client(server);
  await client.signIn(email);
  return client;
}

/** A POST whose body is streamed in chunks, without Content-Length. */
function postChunked(path: string, chunks: number, chunk: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(server.baseUrl + path);
    const req = http.request({ host: url.hostname, port: url.port, path, method: "POST", headers: FORM }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", (error) => (/EPIPE|ECONNRESET/.test(String(error)) ? undefined : reject(error)));
    let sent = 0;
    const write = () => {
      while (sent < chunks) {
        sent++;
        if (!req.write(chunk)) return req.once("drain", write);
      }
      req.end();
    };
    write();
  });
}

describe("body size", () => {
  it("refuses a body larger than the form can be, by Content-Length, in the URL's language", async () => {
    const body = `message=${"a".repeat(200_000)}`;
    for (const [prefix, lang, title] of [
      ["/fi", "fi", "Pyyntö on liian suuri"],
      ["/sv", "sv", "Begäran är för stor"],
      ["/en", "en", "Request too large"],
    ]) {
      const response = await fetch(`${server.baseUrl}${prefix}/accessibility`, { method: "POST", headers: FORM, body });
      expect(response.status).toBe(413);
      const page = await response.text();
      expect(page).toContain(`<html lang="${lang}">`);
      expect(page).toContain(title);
    }
  });

  it("refuses a streamed (chunked) body once it passes the limit", async () => {
    const before = await prisma.accessibilityFeedback.count();
    const answer = await postChunked("/sv/accessibility", 400, `message=${"a".repeat(1000)}&`);
    expect(answer.status).toBe(413);
    expect(answer.body).toContain("Begäran är för stor");
    expect(await prisma.accessibilityFeedback.count()).toBe(before);
  });

  it("accepts a form at its maxima written in the widest characters", async () => {
    const client = new Client(server);
    const response = await client.post("/en/accessibility", {
      name: "ä".repeat(200),
      email: "someone@example.fi",
      pageUrl: "–".repeat(500),
      message: "“”–€".repeat(1250),
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Thank you");
  });

  it("gives the form posted with JavaScript (single fetch, .data) the same limit", async () => {
    const body = new URLSearchParams({ message: "ä".repeat(4000) }).toString();
    expect(body.length).toBeGreaterThan(20_000);
    const response = await fetch(`${server.baseUrl}/en/accessibility.data`, { method: "POST", headers: FORM, body });
    expect(response.status).toBe(200);
    const tooLarge = await fetch(`${server.baseUrl}/en/accessibility.data`, {
      method: "POST",
      headers: FORM,
      body: `message=${"a".repeat(200_000)}`,
    });
    expect(tooLarge.status).toBe(413);
  });

  it("refuses a form with more fields than any form has, under the size limit", async () => {
    const body = Array.from({ length: 2500 }, () => "a=").join("&");
    const response = await fetch(`${server.baseUrl}/en/accessibility`, { method: "POST", headers: FORM, body });
    expect(response.status).toBe(413);
  });
});

describe("encodings and empty bodies", () => {
  const targets = ["/en/accessibility", "/en/login", "/fi/login", "/logout"];
  for (const path of targets) {
    it(`${path}: JSON, text and multipart bodies get 415, no body 400`, async () => {
      const post = (headers: Record<string, string>, body?: string) =>
        fetch(server.baseUrl + path, { method: "POST", headers, body, redirect: "manual" });
      expect((await post({ "Content-Type": "application/json" }, '{"email":"a"}')).status).toBe(415);
      expect((await post({ "Content-Type": "text/plain" }, "email=a")).status).toBe(415);
      expect((await post({ "Content-Type": "multipart/form-data; boundary=x" }, "--x--")).status).toBe(415);
      expect((await post({})).status).toBe(400);
      const put = await fetch(server.baseUrl + path, { method: "PUT", redirect: "manual" });
      expect(put.status).toBe(400);
    });
  }
});

describe("form parsing", () => {
  it("refuses a field sent twice with a message next to it, and saves nothing", async () => {
    const before = await prisma.accessibilityFeedback.count();
    const response = await fetch(`${server.baseUrl}/en/accessibility`, {
      method: "POST",
      headers: FORM,
      body: "message=first&message=second",
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("This field was sent more than once");
    expect(await prisma.accessibilityFeedback.count()).toBe(before);
  });

  it("refuses a unit description sent twice instead of saving it empty", async () => {
    const editor = await signedIn("editor@migri.example");
    const before = await databaseChecksum();
    const response = await editor.post("/en/units/digital-services-unit/edit", {
      name: "Digital Services Unit",
      summary: "A summary",
      description: ["a", "b"],
      changeNote: "two descriptions",
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("This field was sent more than once");
    expect(await databaseChecksum()).toBe(before);
  });

  it("answers a value outside a closed set with a message next to its field", async () => {
    const hr = await signedIn("hr@migri.example");
    const response = await hr.post("/en/onboarding/templates/new?scope=agency", {
      title_en: "Read the values",
      dueRule: "first_week",
      acknowledges: "x",
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Choose one of the options offered");
  });

  it("ignores names no form knows", async () => {
    const response = await new Client(server).post("/en/accessibility", {
      message: "Hello",
      isAdmin: "1",
      role: "admin",
    });
    expect(response.status).toBe(200);
  });
});

describe("addresses with characters a header cannot carry", () => {
  it("the language switcher percent-encodes its target", async () => {
    const response = await new Client(server).get("/language?to=/%E3%80%82x");
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/%E3%80%82x");
    const latin = await new Client(server).get(`/language?to=${encodeURIComponent("/fi/yksikö")}`);
    expect(latin.status).toBe(302);
    expect(latin.headers.get("Location")).toBe("/fi/yksik%C3%B6");
  });

  it("a sign-in with such a redirectTo signs in and goes there", async () => {
    const client = new Client(server);
    const response = await client.post("/en/login", {
      email: "newcomer@migri.example",
      password: "migri-demo-2026",
      redirectTo: "/en/。x",
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/en/%E3%80%82x");
    expect(response.headers.getSetCookie().join(";")).toMatch(/=/);
    expect((await client.get("/en/account")).status).toBe(200);
  });
});

describe("ids and dates that cannot exist", () => {
  const huge = "99999999999999999999";
  let stepId = 0;
  beforeAll(async () => {
    stepId = (await prisma.onboardingStep.findFirstOrThrow()).id;
  });

  it("ids beyond the database's range are not found", async () => {
    const admin = await signedIn("admin@migri.example");
    for (const path of [
      `/en/team/${huge}`,
      `/en/onboarding/templates/${huge}`,
      `/en/units/digital-services-unit/history/${huge}`,
      `/en/values/history/${huge}`,
      `/en/admin/users/${huge}`,
      `/en/summaries/${huge}`,
      `/en/admin/users/2147483648`,
    ]) {
      const response = await admin.get(path);
      expect(response.status, path).toBe(404);
    }
    expect(stepId).toBeGreaterThan(0);
  });

  it("impossible dates in the audit filter get a message", async () => {
    const admin = await signedIn("admin@migri.example");
    for (const query of ["from=2026-99-99", "from=2026-13-45", "to=2026-02-30"]) {
      const response = await admin.get(`/en/admin/audit?${query}`);
      expect(response.status, query).toBe(400);
      expect(await response.text()).toContain("Enter a date as YYYY-MM-DD");
    }
    expect((await admin.get("/en/admin/audit?from=2026-01-01")).status).toBe(200);
  });

  it("an unknown unit in the admin user forms is a message next to the field", async () => {
    const admin = await signedIn("admin@migri.example");
    const before = await databaseChecksum();
    const created = await admin.post("/en/admin/users/new", {
      name: "Unit Probe",
      email: "unit-probe@migri.example",
      role: "employee",
      homeUnitId: "99999",
      password: "a-long-enough-password",
    });
    expect(created.status).toBe(400);
    expect(await created.text()).toContain("Choose a unit from the list");
    const newcomer = await prisma.user.findUniqueOrThrow({ where: { email: "newcomer2@migri.example" } });
    const edited = await admin.post(`/en/admin/users/${newcomer.id}`, {
      intent: "access",
      role: "employee",
      homeUnitId: "",
      editableUnitIds: ["99999"],
    });
    expect(edited.status).toBe(400);
    expect(await edited.text()).toContain("Choose a unit from the list");
    const huge = await admin.post(`/en/admin/users/${newcomer.id}`, {
      intent: "access",
      role: "employee",
      homeUnitId: "99999999999999999999",
    });
    expect(huge.status).toBe(400);
    expect(await databaseChecksum()).toBe(before);
  });
});

describe("caching", () => {
  it("signed-in pages are private and not stored; signed-out pages keep their caching", async () => {
    const signedOut = await new Client(server).get("/en/values");
    expect(signedOut.headers.get("Cache-Control") ?? "").not.toContain("no-store");
    const client = await signedIn("newcomer@migri.example");
    for (const path of ["/en/values", "/en/onboarding", "/en/account"]) {
      const response = await client.get(path);
      expect(response.headers.get("Cache-Control"), path).toBe("private, no-store");
    }
  });
});

describe("cross-site checks compare scheme and host", () => {
  it("refuses an Origin with the same host but another scheme", async () => {
    const host = new URL(server.baseUrl).host;
    const post = (origin: string) =>
      fetch(`${server.baseUrl}/en/accessibility`, {
        method: "POST",
        headers: { ...FORM, Origin: origin },
        body: "message=hello",
      });
    expect((await post(`https://${host}`)).status).toBe(403);
    expect((await post(`http://${host}`)).status).toBe(200);
  });
});
