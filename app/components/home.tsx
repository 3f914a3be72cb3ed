// The personal front page of a signed-in person: greeting, unit and supervisor, the next steps of
// their onboarding with one-click "Mark as done", what changed since their previous visit, and for
// supervisors their team's overdue steps. Plain links and forms: no JavaScript needed.
import { Link } from "@remix-run/react";
import { formatDate, formatDateTime } from "~/i18n";
import type { PersonalHome as PersonalHomeData } from "~/models/home.server";
import type { StepStatus } from "~/models/onboarding-rules";
import { useLang, useT } from "~/utils/use-lang";
import { LocalizedInline } from "./localized";
import { OverdueTag, PlanProgress, StepTitle } from "./onboarding";
import { HomeStepForm, undoStatus } from "./onboarding-plan";

/** What the loader sends. */
type HomeView = PersonalHomeData & { was: StepStatus | null };

export function PersonalHome({ home }: { home: HomeView }) {
  const t = useT();
  const lang = useLang();
  return (
    <>
      <h1>{t("home.personal.greeting", { name: home.name })}</h1>
      <dl className="facts">
        <dt>{t("home.personal.unit")}</dt>
        <dd>
          {home.unit ? (
            <Link to={`/${lang}/units/${home.unit.slug}`}>
              {home.unit.name ? <LocalizedInline text={home.unit.name} /> : home.unit.slug}
            </Link>
          ) : (
            t("onboarding.notRecorded")
          )}
        </dd>
        <dt>{t("home.personal.supervisor")}</dt>
        <dd>{home.supervisor ? home.supervisor.name : t("onboarding.notRecorded")}</dd>
      </dl>
      {home.plan || home.changed ? <HomePlan home={home} /> : null}
      <HomeChanges home={home} />
      {home.teamOverdue ? <TeamOverdue lines={home.teamOverdue} /> : null}
      {home.isHr ? (
        <section aria-labelledby="home-hr">
          <h2 id="home-hr">{t("home.personal.hrHeading")}</h2>
          <p>
            <Link to={`/${lang}/hr/onboarding`}>{t("onboarding.hr.title")}</Link>
          </p>
        </section>
      ) : null}
      <ExploreLinks />
    </>
  );
}

function HomePlan({ home }: { home: HomeView }) {
  const t = useT();
  const lang = useLang();
  const changed = home.changed;
  return (
    <section aria-labelledby="home-plan-heading" id="home-plan" className="home-plan">
      <h2 id="home-plan-heading">{t("home.personal.planHeading")}</h2>
      {changed ? (
        <div className="notice notice--success home-plan__changed" role="status">
          <p>
            {t("onboarding.savedPrefix")} <StepTitle item={changed} /> – {t(`onboarding.status.${changed.status}`)}
          </p>
          {changed.status === "completed" && !changed.acknowledges ? (
            <HomeStepForm
              stepId={changed.stepId}
              status={undoStatus(home.was)}
              label={t("plan.undo")}
              className="button button--secondary"
            >
              <span className="visually-hidden">
                : <StepTitle item={changed} />
              </span>
            </HomeStepForm>
          ) : null}
        </div>
      ) : null}
      {home.plan ? (
        <>
          <PlanProgress summary={home.plan.summary} id="home-progress" />
          <h3>{t("home.personal.nextSteps")}</h3>
          <ol className="home-steps">
            {home.plan.next.map((item) => (
              <li key={item.stepId} id={`home-step-${item.stepId}`} className="home-step">
                <span className="home-step__title">
                  <StepTitle item={item} />
                </span>{" "}
                {item.dueDate ? (
                  <span className="home-step__due">
                    {t("onboarding.dueOn", { date: formatDate(lang, item.dueDate) })}
                  </span>
                ) : null}{" "}
                {item.overdue ? <OverdueTag /> : null}
                {item.acknowledges && item.contentPath ? (
                  <Link className="button button--secondary home-step__action" to={`/${lang}${item.contentPath}`}>
                    {t("onboarding.readAndAcknowledge")}
                    <span className="visually-hidden">
                      : <StepTitle item={item} />
                    </span>
                  </Link>
                ) : (
                  <HomeStepForm
                    stepId={item.stepId}
                    status="completed"
                    label={t("plan.markDone")}
                    className="button button--secondary home-step__action"
                  >
                    <span className="visually-hidden">
                      : <StepTitle item={item} />
                    </span>
                  </HomeStepForm>
                )}
              </li>
            ))}
          </ol>
        </>
      ) : (
        <p>{t("onboarding.nextNone")}</p>
      )}
      <p>
        <Link to={`/${lang}/onboarding`}>{t("home.personal.wholePlan")}</Link>
      </p>
    </section>
  );
}

function HomeChanges({ home }: { home: HomeView }) {
  const t = useT();
  const lang = useLang();
  const pageName = (c: HomeView["changes"][number]) =>
    c.unitName ? <LocalizedInline text={c.unitName} /> : t(`nav.${c.entityType as "strategy" | "values" | "goals"}`);
  return (
    <section aria-labelledby="home-changes" className="home-changes">
      <h2 id="home-changes">{t("home.personal.changesHeading")}</h2>
      {!home.previousVisit ? (
        <p>{t("home.personal.firstVisit")}</p>
      ) : home.changes.length === 0 ? (
        <p>{t("home.personal.noChanges", { date: formatDateTime(lang, home.previousVisit) })}</p>
      ) : (
        <>
          <p>{t("home.personal.changesSince", { date: formatDateTime(lang, home.previousVisit) })}</p>
          <ul className="home-changes__list">
            {home.changes.map((c) => (
              <li key={c.path}>
                <Link to={`/${lang}${c.path}`}>{pageName(c)}</Link>{" "}
                <span className="muted">({formatDate(lang, c.changedAt)})</span>: {c.changeNote}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function TeamOverdue({ lines }: { lines: NonNullable<HomeView["teamOverdue"]> }) {
  const t = useT();
  const lang = useLang();
  return (
    <section aria-labelledby="home-team" className="home-team">
      <h2 id="home-team">{t("home.personal.teamHeading")}</h2>
      {lines.length === 0 ? (
        <p>{t("home.personal.teamNone")}</p>
      ) : (
        <ul className="home-team__list">
          {lines.map((line) => (
            <li key={`${line.personId}-${line.stepId}`}>
              <Link to={`/${lang}/team/${line.personId}#step-${line.stepId}`}>{line.personName}</Link>:{" "}
              {line.title ? <LocalizedInline text={line.title} /> : t("onboarding.untitled", { id: line.stepId })} –{" "}
              {t("home.personal.dueWas", { date: formatDate(lang, line.dueDate) })}
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to={`/${lang}/team`}>{t("home.personal.teamLink")}</Link>
      </p>
    </section>
  );
}

/** "Start here": the four pages every newcomer reads (public and personal front pages alike). */
export function ExploreLinks() {
  const t = useT();
  const lang = useLang();
  return (
    <section aria-labelledby="start-here">
      <h2 id="start-here">{t("home.exploreHeading")}</h2>
      <ul className="card-links">
        <li>
          <Link to={`/${lang}/strategy`}>{t("home.linkStrategy")}</Link>
        </li>
        <li>
          <Link to={`/${lang}/values`}>{t("home.linkValues")}</Link>
        </li>
        <li>
          <Link to={`/${lang}/goals`}>{t("home.linkGoals")}</Link>
        </li>
        <li>
          <Link to={`/${lang}/units`}>{t("home.linkUnits")}</Link>
        </li>
      </ul>
    </section>
  );
}
