// Seeds the onboarding step templates and, outside production, the demo newcomers'
// plans in progress. Like the rest of the seed it only adds: the agency steps are created only when
// there are none at all (so HR's edits and removals survive), a unit's placeholder only when the
// unit has no steps, and demo progress only for a newcomer who has none.
import type { PrismaClient } from "~/generated/prisma/client";
import * as content from "./seed-content";

type Step = content.SeedStep;

async function createStep(prisma: PrismaClient, step: Step, scope: "agency" | "unit", unitId: number | null) {
  const texts = Object.entries(step.texts);
  return prisma.onboardingStep.create({
    data: {
      scope,
      unitId,
      dueRule: step.dueRule,
      position: step.position,
      contentPath: step.contentPath ?? null,
      acknowledges: step.acknowledges ?? null,
      sourceLang: "en",
      texts: {
        create: texts.map(([lang, text]) => ({
          lang,
          title: text!.title,
          description: text!.description ?? null,
          sourceVersion: lang === "en" ? null : 1,
        })),
      },
    },
  });
}

/** Returns how many rows it added. */
export async function seedOnboarding(prisma: PrismaClient, withDemoProgress: boolean): Promise<number> {
  let created = 0;
  const idByKey = new Map<string, number>();

  if ((await prisma.onboardingStep.count({ where: { scope: "agency" } })) === 0) {
    for (const step of content.onboardingSteps) {
      idByKey.set(step.key, (await createStep(prisma, step, "agency", null)).id);
      created += 1;
    }
  }
  for (const step of content.onboardingUnitSteps) {
    const unit = await prisma.unit.findUnique({ where: { slug: step.unit } });
    if (!unit || (await prisma.onboardingStep.count({ where: { scope: "unit", unitId: unit.id } })) > 0) continue;
    idByKey.set(step.key, (await createStep(prisma, step, "unit", unit.id)).id);
    created += 1;
  }

  if (!withDemoProgress) return created;
  // On a later run the steps already exist: find them by their seeded English title.
  const stepIdOf = async (key: string) => {
    if (idByKey.has(key)) return idByKey.get(key)!;
    const seeded = content.onboardingSteps.find((s) => s.key === key);
    const text = seeded
      ? await prisma.onboardingStepText.findFirst({
          where: { lang: "en", title: seeded.texts.en!.title, step: { scope: "agency" } },
        })
      : null;
    return text?.stepId ?? null;
  };
  for (const plan of content.demoOnboardingProgress) {
    const user = await prisma.user.findUnique({ where: { email: plan.email } });
    if (!user || (await prisma.onboardingProgress.count({ where: { userId: user.id } })) > 0) continue;
    for (const entry of plan.steps) {
      const stepId = await stepIdOf(entry.key);
      if (stepId === null) continue;
      await prisma.onboardingProgress.create({
        data: {
          userId: user.id,
          stepId,
          status: entry.status,
          blockedReason: entry.status === "blocked" ? (entry.blockedReason ?? null) : null,
          completedAt: entry.status === "completed" ? new Date() : null,
          updatedById: user.id,
        },
      });
      created += 1;
    }
  }
  return created;
}
