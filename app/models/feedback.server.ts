// Accessibility feedback (Act 306/2019): stored, and answered within 14 days.
import { z } from "zod";
import type { Lang } from "~/i18n";
import { prisma } from "~/utils/db.server";
import { message } from "~/utils/forms";

export const RESPONSE_DAYS = 14;

/** An optional text field: a missing or blank value becomes null. */
const optionalText = (max: number) =>
  z.preprocess(
    (v) => v ?? "",
    z
      .string()
      .trim()
      .max(max, message("error.tooLong"))
      .transform((v) => (v === "" ? null : v)),
  );

export const feedbackSchema = z.object({
  name: optionalText(200),
  email: optionalText(320).refine((v) => v === null || z.email().safeParse(v).success, message("error.email")),
  pageUrl: optionalText(500),
  message: z.preprocess(
    (v) => v ?? "",
    z.string().trim().min(1, message("error.required")).max(5000, message("error.tooLong")),
  ),
});

export type FeedbackInput = z.output<typeof feedbackSchema>;

export async function createAccessibilityFeedback(input: FeedbackInput, lang: Lang) {
  const feedback = await prisma.accessibilityFeedback.create({
    data: { name: input.name, email: input.email, pageUrl: input.pageUrl, message: input.message, lang },
  });
  const answerBy = new Date(feedback.createdAt.getTime() + RESPONSE_DAYS * 24 * 60 * 60 * 1000);
  return { id: feedback.id, answerBy: answerBy.toISOString() };
}
