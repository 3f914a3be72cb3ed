// One password check for every form that takes a portal password (the sign-in page and the
// administrators' break-glass page): the attempt is reserved with the sign-in throttle before the
// password is compared, so parallel guesses are all counted. The caller releases the reservation
// only when it lets the person in.
import { authenticateWithPassword, InvalidCredentialsError } from "~/utils/auth.server";
import type { FormFields } from "~/utils/forms";
import { releaseLoginAttempt, reserveLoginAttempt } from "./login-throttle.server";

/** The email a sign-in form names, as accounts and the throttle know it. */
export function formEmail(form: FormFields): string {
  return String(form.get("email") ?? "")
    .trim()
    .toLowerCase();
}

export type PasswordCheck =
  | { status: "throttled"; email: string; retryAfter: number }
  | { status: "invalid"; email: string }
  | {
      status: "verified";
      email: string;
      user: Awaited<ReturnType<typeof authenticateWithPassword>>;
      release: () => Promise<void>;
    };

export async function checkPassword(form: FormFields, ipAddress: string): Promise<PasswordCheck> {
  const email = formEmail(form);
  const attempt = await reserveLoginAttempt(email, ipAddress);
  if (!attempt.ok) return { status: "throttled", email, retryAfter: attempt.retryAfter };
  try {
    const user = await authenticateWithPassword(form);
    return { status: "verified", email, user, release: () => releaseLoginAttempt(attempt.attemptId) };
  } catch (error) {
    if (!(error instanceof InvalidCredentialsError)) throw error;
    return { status: "invalid", email };
  }
}
