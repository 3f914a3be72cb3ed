import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useLocation, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { errorMessages, errorStatus } from "~/utils/error-page";
import { SiteLayout } from "~/components/layout";
import { isLang, languages, switchLanguagePath, translator } from "~/i18n";
import { preferredLanguage } from "~/i18n/negotiate.server";
import { isSupervisor } from "~/models/team.server";
import { countAttention } from "~/models/editor-desk.server";
import { pageTitle } from "~/utils/meta";
import { useNonce } from "~/utils/nonce";
import { useLang } from "~/utils/use-lang";
import appStyles from "~/styles/app.css";
import { getOptionalUser } from "~/models/auth.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: appStyles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const user = await getOptionalUser(request);
  // The server marks a signed-in user's pages private, no-store (scripts/lib/request-limits.mjs).
  if (user) context.signedIn = true;
  return {
    preferredLang: preferredLanguage(request),
    origin: process.env.PUBLIC_ORIGIN || url.origin,
    user: user && {
      id: user.id,
      name: user.name,
      role: user.role,
      editableUnitIds: user.editableUnitIds,
      // For the "My team" link: a supervisor is anyone with a report, not a role.
      isSupervisor: await isSupervisor(user.id),
      // Pages they own or edit whose review is due or that have open corrections (editor's desk).
      attention: await countAttention(user),
    },
  };
}

export const meta: MetaFunction<typeof loader> = ({ params, error, data }) => {
  const lang = isLang(params.lang) ? params.lang : (data?.preferredLang ?? "en");
  const t = translator(lang);
  return error
    ? pageTitle(lang, errorMessages(t, errorStatus(error)).title)
    : [{ title: t("site.name") }, { name: "description", content: t("site.description") }];
};

export function Layout({ children }: { children: ReactNode }) {
  const lang = useLang();
  const nonce = useNonce();
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <AlternateLinks />
        <Links />
      </head>
      <body>
        <SiteLayout>{children}</SiteLayout>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

/** Canonical and hreflang alternates of the current page, one per language. */
function AlternateLinks() {
  const root = useRouteLoaderData<typeof loader>("root");
  const location = useLocation();
  const lang = useLang();
  if (!root) return null;
  const here = location.pathname + location.search;
  return (
    <>
      <link rel="canonical" href={root.origin + switchLanguagePath(here, lang)} />
      {languages.map((l) => (
        <link key={l} rel="alternate" hrefLang={l} href={root.origin + switchLanguagePath(here, l)} />
      ))}
      <link rel="alternate" hrefLang="x-default" href={root.origin + switchLanguagePath(here, "en")} />
    </>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
