// User administration over real HTTP: who may do what, what ends sessions, what is audited.
import { beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "~/models/user.server";
import { prisma } from "~/utils/db.server";
import { Client, useTestServer } from "../support/http";

const server = useTestServer();

const ROLE_ACCOUNTS = {
  employee: "newcomer@migri.example",
  unit_editor: "editor@migri.example",
  hr_editor: "hr@migri.example",
  admin: "admin@migri.example",
} as const;

async function signedIn(email: string) {
  const client = new Client(server);
  await client.signIn(email);
  return client;
}

const userId = async (email: string) => (await prisma.user.findUniqueOrThrow({ where: { email } })).id;
let serial = 0;
const uniqueEmail = () => `person-${Date.now()}-${serial++}@migri.example`;

describe("permission matrix for user administration", () => {
  // The mutations act on a user of this test's own, so seeded demo people stay as they are.
  const TARGET = "matrix-target@migri.example";
  beforeAll(async () => {
    await prisma.user.upsert({
      where: { email: TARGET },
      update: {},
      create: {
        email: TARGET,
        name: "Matrix Target",
        role: "employee",
        passwordHash: await hashPassword("matrix-target-password"),
      },
    });
  });

  const mutations = {
    "create a user": async (client: Client) =>
      client.post("/en/admin/users/new", {
        name: "Test Person",
        email: uniqueEmail(),
        role: "employee",
        homeUnitId: "",
        password: "a-long-enough-password",
      }),
    "change a role": async (client: Client) =>
      client.post(`/en/admin/users/${await userId(TARGET)}`, { intent: "access", role: "employee", homeUnitId: "" }),
    "disable a user": async (client: Client) =>
      client.post(`/en/admin/users/${await userId(TARGET)}`, { intent: "enable" }),
  };

  for (const [name, mutate] of Object.entries(mutations)) {
    for (const [role, email] of Object.entries(ROLE_ACCOUNTS)) {
      const allowed = role === "admin";
      it(`${role} → ${name}: ${allowed ? "allowed" : "403"}`, async () => {
        const response = await mutate(await signedIn(email));
        expect(response.status).toBe(allowed ? 302 : 403);
      });
    }
    it(`signed out → ${name}: redirected to sign-in`, async () => {
      const response = await mutate(new Client(server));
      expect(response.status).toBe(302);
      expect(response.headers.get("Location")).toMatch(/^\/en\/login\?redirectTo=%2Fen%2Fadmin%2Fusers/);
    });
  }

  it("only admins read the user list and the audit log", async () => {
    for (const [role, email] of Object.entries(ROLE_ACCOUNTS)) {
      const client = await signedIn(email);
      for (const path of ["/en/admin/users", "/en/admin/audit"]) {
        expect((await client.get(path)).status, `${role} ${path}`).toBe(role === "admin" ? 200 : 403);
      }
    }
  });
});

describe("user changes", () => {
  it("creates a user who can sign in, with a hashed password and an audit entry", async () => {
    const admin = await signedIn("admin@migri.example");
    const email = uniqueEmail();
    const response = await admin.post("/en/admin/users/new", {
      name: "Aino Uusi",
      email: email.toUpperCase(),
      role: "unit_editor",
      homeUnitId: "",
      editableUnitIds: [String((await prisma.unit.findUniqueOrThrow({ where: { slug: "security-unit" } })).id)],
      password: "aino-password-123",
    });
    expect(response.status).toBe(302);
    const user = await prisma.user.findUniqueOrThrow({ where: { email }, include: { editableUnits: true } });
    expect(user.passwordHash).not.toContain("aino-password-123");
    expect(user.editableUnits).toHaveLength(1);
    expect(
      await prisma.auditEvent.findFirst({ where: { action: "user.create", targetId: String(user.id) } }),
    ).toMatchObject({
      actorEmail: "admin@migri.example",
    });
    const aino = new Client(server);
    await aino.signIn(email, "aino-password-123");
  });

  it("keeps what was typed and says what is wrong", async () => {
    const admin = await signedIn("admin@migri.example");
    const response = await admin.post("/en/admin/users/new", {
      name: "Kalle",
      email: "not-an-email",
      role: "employee",
      password: "short",
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('value="Kalle"');
    expect(html).toContain("Enter an email address like name@example.fi.");
    expect(html).toContain("Use at least 12 characters.");
    expect(html).not.toContain('value="short"');
    const taken = await admin.post("/en/admin/users/new", {
      name: "Dup",
      email: "hr@migri.example",
      role: "employee",
      password: "a-long-enough-password",
    });
    expect(taken.status).toBe(409);
    expect(await taken.text()).toContain("A user with this email address already exists.");
  });

  it("changing a role ends the person's sessions and is audited", async () => {
    const admin = await signedIn("admin@migri.example");
    const email = uniqueEmail();
    await admin.post("/en/admin/users/new", {
      name: "Role Change",
      email,
      role: "employee",
      homeUnitId: "",
      password: "role-change-password",
    });
    const person = new Client(server);
    await person.signIn(email, "role-change-password");
    expect((await person.get("/en/account")).status).toBe(200);

    const id = await userId(email);
    expect(
      (await admin.post(`/en/admin/users/${id}`, { intent: "access", role: "hr_editor", homeUnitId: "" })).status,
    ).toBe(302);
    expect((await person.get("/en/account")).status).toBe(302); // signed out
    expect(
      await prisma.auditEvent.findFirst({ where: { action: "user.role_change", targetId: String(id) } }),
    ).toMatchObject({
      details: JSON.stringify({ email, from: "employee", to: "hr_editor" }),
    });
  });

  it("disabling a user ends their sessions and refuses their sign-in; an admin cannot disable themselves", async () => {
    const admin = await signedIn("admin@migri.example");
    const email = uniqueEmail();
    await admin.post("/en/admin/users/new", {
      name: "Leaving",
      email,
      role: "employee",
      homeUnitId: "",
      password: "leaving-password-1",
    });
    const person = new Client(server);
    await person.signIn(email, "leaving-password-1");
    const id = await userId(email);
    await admin.post(`/en/admin/users/${id}`, { intent: "disable" });
    expect((await person.get("/en/account")).status).toBe(302);
    expect((await new Client(server).post("/en/login", { email, password: "leaving-password-1" })).status).toBe(401);
    expect(await prisma.auditEvent.count({ where: { action: "user.disable", targetId: String(id) } })).toBe(1);
    await prisma.loginFailure.deleteMany({ where: { email } });

    const self = await admin.post(`/en/admin/users/${await userId("admin@migri.example")}`, { intent: "disable" });
    expect(self.status).toBe(400);
  });
});

describe("audit log", () => {
  it("filters by event and person", async () => {
    const admin = await signedIn("admin@migri.example");
    const html = await (await admin.get("/en/admin/audit?action=auth.sign_in&actor=admin%40migri")).text();
    expect(html).toContain("auth.sign_in");
    expect(html).not.toContain("user.create</code>");
  });

  it("is append-only, even for code that tries", async () => {
    const event = await prisma.auditEvent.findFirstOrThrow();
    await expect(prisma.auditEvent.update({ where: { id: event.id }, data: { action: "tampered" } })).rejects.toThrow(
      /append-only/,
    );
    await expect(prisma.auditEvent.deleteMany()).rejects.toThrow(/append-only/);
  });
});
