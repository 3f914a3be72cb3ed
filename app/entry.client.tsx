import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { defaultLang, isLang } from "~/i18n";
import { loadCatalogue } from "~/i18n/load-catalogue";

// Only the page's language's messages are downloaded; hydration needs them, so load them first.
const lang = document.documentElement.lang;
loadCatalogue(isLang(lang) ? lang : defaultLang).then(() =>
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  }),
);
