// Every language's messages, for the server (renders any language, mails, PDFs, CSV). The browser
// gets only the page's language: ./load-catalogue.ts.
import { en, type Messages } from "./messages/en";
import { fi } from "./messages/fi";
import { sv } from "./messages/sv";
import type { Lang } from "./languages";

export const allCatalogues: Record<Lang, Messages> = { fi, sv, en };
