// In the browser, only the page's language's messages are loaded: each catalogue is its own module,
// fetched by import() before hydration (entry.client) and before a client-side navigation into
// another language (the $lang route's clientLoader). The server has them all (./catalogues.server).
import { catalogues, type Lang, type Messages } from "./index";

const loaders: Record<Lang, () => Promise<Messages>> = {
  fi: () => import("./messages/fi").then((module) => module.fi),
  sv: () => import("./messages/sv").then((module) => module.sv),
  en: () => import("./messages/en").then((module) => module.en),
};

export async function loadCatalogue(lang: Lang): Promise<void> {
  catalogues[lang] ??= await loaders[lang]();
}
