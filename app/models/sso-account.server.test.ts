import { describe, expect, it } from "vitest";
import type { IdTokenClaims } from "./oidc-strategy.server";
import { profileFromClaims, roleFromGroups } from "./sso-account.server";
import { parseRoleGroups, SsoConfigurationError, type SsoSettings } from "./sso-settings.server";

const settings = (change: Partial<SsoSettings> = {}): SsoSettings => ({
  issuer: "https://login.example/tenant/v2.0",
  clientId: "portal",
  clientSecret: "secret",
  publicOrigin: null,
  allowInsecureIssuer: false,
  logoutAtProvider: false,
  trustedEmailDomains: [],
  roleGroups: new Map(),
  unitClaim: null,
  ...change,
});

const claims = (extra: Record<string, unknown>): IdTokenClaims =>
  ({
    iss: "https://login.example/tenant/v2.0",
    sub: "pairwise-sub",
    aud: "portal",
    iat: 1,
    exp: 2,
    ...extra,
  }) as IdTokenClaims;

describe("profileFromClaims", () => {
  it("keys an Entra ID person by oid, not by the per-application sub", () => {
    expect(profileFromClaims(claims({ oid: "object-id" }), settings()).subject).toBe("object-id");
    expect(profileFromClaims(claims({}), settings()).subject).toBe("pairwise-sub");
  });

  it("trusts an email only when verified or in a trusted domain", () => {
    expect(profileFromClaims(claims({ email: "a@migri.example" }), settings()).emailTrusted).toBe(false);
    expect(profileFromClaims(claims({ email: "a@migri.example", email_verified: true }), settings()).emailTrusted).toBe(
      true,
    );
    const trusted = settings({ trustedEmailDomains: ["migri.example"] });
    expect(profileFromClaims(claims({ email: "A@Migri.Example" }), trusted)).toMatchObject({
      email: "a@migri.example",
      emailTrusted: true,
    });
    expect(profileFromClaims(claims({ email: "a@evil.example" }), trusted).emailTrusted).toBe(false);
  });

  it("falls back to preferred_username for the email and to given and family name for the name", () => {
    const profile = profileFromClaims(
      claims({ preferred_username: "Maija.M@migri.example", given_name: "Maija", family_name: "Meikäläinen" }),
      settings(),
    );
    expect(profile).toMatchObject({ email: "maija.m@migri.example", name: "Maija Meikäläinen" });
  });

  it("tells a missing groups claim from an empty one", () => {
    expect(profileFromClaims(claims({}), settings()).groups).toBeNull();
    expect(profileFromClaims(claims({ groups: [] }), settings()).groups).toEqual([]);
  });
});

describe("role groups", () => {
  it("parses group=role pairs and refuses other roles", () => {
    expect([...parseRoleGroups("g1=hr_editor, g2=admin")]).toEqual([
      ["g1", "hr_editor"],
      ["g2", "admin"],
    ]);
    expect(() => parseRoleGroups("g1=unit_editor")).toThrow(SsoConfigurationError);
    expect(() => parseRoleGroups("g1")).toThrow(SsoConfigurationError);
  });

  it("gives the strongest mapped role, or none", () => {
    const map = parseRoleGroups("staff=employee,hr=hr_editor,admins=admin");
    expect(roleFromGroups(["staff", "hr"], map)).toBe("hr_editor");
    expect(roleFromGroups(["admins", "staff"], map)).toBe("admin");
    expect(roleFromGroups(["unknown"], map)).toBeNull();
  });
});
