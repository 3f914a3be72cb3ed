// The frame of every page: skip link, header with navigation and language switcher, footer.
import { Form, Link, NavLink, useLocation, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { languageNames, languages, switchLanguagePath, type Lang } from "~/i18n";
import type { loader as rootLoader } from "~/root";
import { useLang, useT } from "~/utils/use-lang";

export function SiteLayout({ children }: { children: ReactNode }) {
  const t = useT();
  const lang = useLang();
  return (
    <>
      <a className="skip-link" href="#main">
        {t("site.skipToContent")}
      </a>
      <header className="site-header">
        <div className="container site-header__top">
          <Link to={`/${lang}`} className="site-brand">
            <span className="site-brand__agency">{t("site.agency")}</span>
            <span className="site-brand__name">{t("site.name")}</span>
          </Link>
          <SiteSearch />
          <div className="site-header__tools">
            <LanguageSwitcher />
            <AccountLinks />
          </div>
        </div>
        <nav aria-label={t("nav.label")} className="site-nav">
          <ul className="container site-nav__list">
            <NavItem to={`/${lang}`} end label={t("nav.home")} />
            <NavItem to={`/${lang}/strategy`} label={t("nav.strategy")} />
            <NavItem to={`/${lang}/values`} label={t("nav.values")} />
            <NavItem to={`/${lang}/goals`} label={t("nav.goals")} />
            <NavItem to={`/${lang}/units`} label={t("nav.units")} />
            <OnboardingNavItems />
            <SummariesNavItem />
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1} className="container site-main">
        {children}
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>{t("footer.text")}</p>
          <p>
            <Link to={`/${lang}/accessibility`}>{t("footer.accessibility")}</Link>
          </p>
        </div>
      </footer>
    </>
  );
}

function NavItem({ to, label, end }: { to: string; label: string; end?: boolean }) {
  return (
    <li>
      <NavLink to={to} end={end} prefetch="intent">
        {label}
      </NavLink>
    </li>
  );
}

/** Sign in, or who is signed in with their account link and a sign-out button. */
function AccountLinks() {
  const t = useT();
  const lang = useLang();
  const location = useLocation();
  const root = useRouteLoaderData<typeof rootLoader>("root");
  const user = root?.user;
  if (!user) {
    if (/\/login$/.test(location.pathname)) return null;
    const redirectTo = location.pathname + location.search;
    return (
      <Link className="account-links__sign-in" to={`/${lang}/login?${new URLSearchParams({ redirectTo })}`}>
        {t("auth.signIn")}
      </Link>
    );
  }
  return (
    <div className="account-links">
      <Link to={`/${lang}/account`}>{user.name}</Link>
      {user.role !== "employee" || user.attention > 0 ? (
        <Link to={`/${lang}/editor`}>
          {t("editor.navLink")}
          {user.attention > 0 ? (
            <>
              {" "}
              <span className="badge" aria-hidden="true">
                {user.attention}
              </span>
              <span className="visually-hidden"> ({t("desk.attentionCount", { count: user.attention })})</span>
            </>
          ) : null}
        </Link>
      ) : null}
      <Link to={`/${lang}/suggestions`}>{t("suggestions.navLink")}</Link>
      <Form method="post" action="/logout" reloadDocument>
        <input type="hidden" name="lang" value={lang} />
        <button type="submit" className="link-button">
          {t("auth.signOut")}
        </button>
      </Form>
    </div>
  );
}

/** The site search (issue 5): a GET form, so it works without JavaScript too. */
function SiteSearch() {
  const t = useT();
  const lang = useLang();
  return (
    <Form
      method="get"
      action={`/${lang}/search`}
      role="search"
      aria-label={t("search.siteLabel")}
      className="site-search"
    >
      <label htmlFor="site-search-q" className="visually-hidden">
        {t("search.siteLabel")}
      </label>
      <input type="search" id="site-search-q" name="q" autoComplete="off" enterKeyHint="search" maxLength={200} />
      <button type="submit">{t("search.submit")}</button>
    </Form>
  );
}

/** Links to the same page in the other languages; a plain link, so it works without JavaScript. */
function LanguageSwitcher() {
  const t = useT();
  const current = useLang();
  const location = useLocation();
  const here = location.pathname + location.search;
  return (
    <nav aria-label={t("lang.switcherLabel")} className="language-switcher">
      <ul>
        {languages.map((lang: Lang) => (
          <li key={lang}>
            {lang === current ? (
              <span aria-current="true" lang={lang} className="language-switcher__current">
                {languageNames[lang]}
              </span>
            ) : (
              <a
                href={`/language?to=${encodeURIComponent(switchLanguagePath(here, lang))}`}
                lang={lang}
                hrefLang={lang}
                // The unit directory updates the address as the reader filters without telling the
                // router (no request per keystroke): take the filters from the address bar.
                onClick={(e) => {
                  e.currentTarget.href = `/language?to=${encodeURIComponent(switchLanguagePath(window.location.pathname + window.location.search, lang))}`;
                }}
              >
                {languageNames[lang]}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Onboarding links for signed-in people (issue 6): own plan; team for supervisors; HR overview. */
function OnboardingNavItems() {
  const t = useT();
  const lang = useLang();
  const user = useRouteLoaderData<typeof rootLoader>("root")?.user;
  if (!user) return null;
  return (
    <>
      <NavItem to={`/${lang}/onboarding`} end label={t("onboarding.nav.mine")} />
      {user.isSupervisor ? <NavItem to={`/${lang}/team`} label={t("onboarding.nav.team")} /> : null}
      {user.role === "hr_editor" || user.role === "admin" ? (
        <NavItem to={`/${lang}/hr/onboarding`} label={t("onboarding.nav.hr")} />
      ) : null}
      {user.role === "unit_editor" ? (
        <NavItem to={`/${lang}/onboarding/templates`} label={t("onboarding.nav.templates")} />
      ) : null}
    </>
  );
}

/** Goal summaries (issue 7): for every signed-in employee (summaries for me, my summaries). */
function SummariesNavItem() {
  const t = useT();
  const lang = useLang();
  const user = useRouteLoaderData<typeof rootLoader>("root")?.user;
  if (!user) return null;
  return <NavItem to={`/${lang}/summaries`} label={t("nav.summaries")} />;
}
