// Honest multilingual content: a text shown in another language than the page carries that
// language's `lang` attribute and a notice in the reader's language; an outdated translation
// says so.
import type { ReactNode } from "react";
import type { Localized } from "~/i18n/content";
import type { Lang, Translator } from "~/i18n";
import { useLang, useT } from "~/utils/use-lang";

function languageName(t: Translator, lang: Lang) {
  return t(`content.languageName.${lang}`);
}

/** A block of content (a description, a summary): notice above, text in its own language. */
export function LocalizedBlock<V>({
  text,
  children,
  className,
}: {
  text: Localized<V>;
  children: (value: V) => ReactNode;
  className?: string;
}) {
  const t = useT();
  const pageLang = useLang();
  return (
    <div className={className} lang={text.lang !== pageLang ? text.lang : undefined}>
      {text.isFallback ? (
        <p className="notice notice--fallback" lang={pageLang}>
          {t("content.fallback", { language: languageName(t, text.lang) })}
        </p>
      ) : null}
      {text.isOutdated ? (
        <p className="notice notice--outdated" lang={pageLang}>
          {t("content.outdated")}
        </p>
      ) : null}
      {children(text.value)}
    </div>
  );
}

/** An inline text (a name in a list): only the lang attribute; the page shows one notice. */
export function LocalizedInline({ text }: { text: Localized<string> | null }) {
  const pageLang = useLang();
  if (!text) return null;
  return <span lang={text.lang !== pageLang ? text.lang : undefined}>{text.value}</span>;
}

/** One notice for a page whose lists show some items in other languages. */
export function FallbackNotice({ langs }: { langs: Lang[] }) {
  const t = useT();
  if (langs.length === 0) return null;
  return (
    <p className="notice notice--fallback">
      {t("content.fallbackSome", { language: langs.map((l) => languageName(t, l)).join(", ") })}
    </p>
  );
}

/** Marks the outdated translations inside a list. */
export function OutdatedMark({ text }: { text: Localized<unknown> | null }) {
  const t = useT();
  if (!text?.isOutdated) return null;
  return <span className="badge badge--outdated"> {t("content.outdated")}</span>;
}
