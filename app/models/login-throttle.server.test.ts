// The sign-in throttle's delays: free attempts, then a wait that doubles up to a cap, never a lock.
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import {
  delayAfter,
  FIRST_DELAY_MS,
  MAX_DELAY_PER_ACCOUNT_MS,
  releaseLoginAttempt,
  reserveLoginAttempt,
  WINDOW_MS,
} from "./login-throttle.server";

const EMAIL = "throttle-unit@test.example";
const IP = "192.0.2.44";

beforeEach(async () => {
  await prisma.loginFailure.deleteMany({ where: { OR: [{ email: EMAIL }, { ipAddress: IP }] } });
});

describe("delayAfter", () => {
  it("is 0 for the free failures, then doubles from 30 s and stops at the cap", () => {
    expect([0, 4].map((n) => delayAfter(n, 5, MAX_DELAY_PER_ACCOUNT_MS))).toEqual([0, 0]);
    expect([5, 6, 7, 8, 9, 10].map((n) => delayAfter(n, 5, MAX_DELAY_PER_ACCOUNT_MS) / 1000)).toEqual([
      30, 60, 120, 240, 480, 900,
    ]);
    expect(delayAfter(10_000, 5, MAX_DELAY_PER_ACCOUNT_MS)).toBe(MAX_DELAY_PER_ACCOUNT_MS);
  });
});

describe("reserveLoginAttempt", () => {
  it("lets the user in again after the delay, however many guesses a stranger made", async () => {
    let now = Date.parse("2026-12-03T10:00:00Z");
    const at = () => new Date(now);
    for (let i = 0; i < 5; i++) expect(await reserveLoginAttempt(EMAIL, IP, at())).toMatchObject({ ok: true });
    // The sixth attempt waits 30 s; hammering meanwhile is refused and not counted.
    for (let i = 0; i < 50; i++) {
      now += 100;
      expect(await reserveLoginAttempt(EMAIL, IP, at())).toMatchObject({ ok: false });
    }
    const refused = await reserveLoginAttempt(EMAIL, IP, at());
    expect(refused.ok || refused.retryAfter).toBeLessThanOrEqual(FIRST_DELAY_MS / 1000);
    now += FIRST_DELAY_MS;
    const sixth = await reserveLoginAttempt(EMAIL, IP, at());
    expect(sixth).toMatchObject({ ok: true });
    // Keep guessing for hours at the allowed pace: the wait never exceeds the cap.
    let longest = 0;
    for (let i = 0; i < 20; i++) {
      const answer = await reserveLoginAttempt(EMAIL, IP, at());
      if (answer.ok) continue;
      longest = Math.max(longest, answer.retryAfter);
      now += answer.retryAfter * 1000;
      expect(await reserveLoginAttempt(EMAIL, IP, at())).toMatchObject({ ok: true });
    }
    expect(longest * 1000).toBeLessThanOrEqual(MAX_DELAY_PER_ACCOUNT_MS);
    expect(longest * 1000).toBeGreaterThan(FIRST_DELAY_MS);
    // The right password takes its reservation back, so it does not count as a failure.
    now += MAX_DELAY_PER_ACCOUNT_MS;
    const right = await reserveLoginAttempt(EMAIL, IP, at());
    const before = await prisma.loginFailure.count({ where: { email: EMAIL } });
    if (right.ok) await releaseLoginAttempt(right.attemptId);
    expect(await prisma.loginFailure.count({ where: { email: EMAIL } })).toBe(before - 1);
  });

  it("forgets failures older than the window", async () => {
    const start = Date.parse("2026-12-03T12:00:00Z");
    for (let i = 0; i < 5; i++) await reserveLoginAttempt(EMAIL, IP, new Date(start));
    expect(await reserveLoginAttempt(EMAIL, IP, new Date(start + 1000))).toMatchObject({ ok: false });
    expect(await reserveLoginAttempt(EMAIL, IP, new Date(start + WINDOW_MS + 1))).toMatchObject({ ok: true });
  });

  // Two people behind one office address sign in at the same moment: the attempt that reserved
  // first may carry a timestamp a few milliseconds after the other's clock reading.
  it("does not refuse a free attempt because a parallel one was stamped a moment later", async () => {
    const now = Date.parse("2026-12-03T14:00:00Z");
    expect(await reserveLoginAttempt("someone-else@test.example", IP, new Date(now + 5))).toMatchObject({ ok: true });
    expect(await reserveLoginAttempt(EMAIL, IP, new Date(now))).toMatchObject({ ok: true });
    await prisma.loginFailure.deleteMany({ where: { email: "someone-else@test.example" } });
  });
});
