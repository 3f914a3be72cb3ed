// Site search: units, strategy, values and goals in every language, ranked, with the matched
// words marked. A GET form, so it works without JavaScript; results render as text (never HTML).
import { data, type HeadersFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { Pagination } from "~/components/pagination";
import { searchSite } from "~/models/search.server";
import { langParam } from "~/utils/lang-param.server";
import { titleMeta } from "~/utils/meta";
import { MAX_QUERY_LENGTH, type Segment } from "~/utils/search-text";
import { useLang, useT } from "~/utils/use-lang";

export const meta = titleMeta("search.title");

export async function loader({ params, request }: LoaderFunctionArgs) {
  const lang = langParam(params);
  const url = new URL(request.url);
  const query = (url.searchParams.get("q") ?? "").slice(0, MAX_QUERY_LENGTH);
  const page = Math.max(1, Math.min(Number.parseInt(url.searchParams.get("page") ?? "1", 10) || 1, 10_000));
  const results = await searchSite(lang, query, { page });
  const { durationMs, ...rest } = results;
  return data({ results: rest }, { headers: { "Server-Timing": `search;dur=${durationMs.toFixed(2)}` } });
}

export const headers: HeadersFunction = ({ loaderHeaders }) => {
  const timing = loaderHeaders.get("Server-Timing");
  return timing ? { "Server-Timing": timing } : new Headers();
};

export default function Search() {
  const { results } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const searched = results.query.trim() !== "";
  return (
    <>
      <h1>{t("search.title")}</h1>
      <p className="lead">{t("search.lead")}</p>
      <Form method="get" role="search" aria-label={t("search.title")} className="search-form">
        <label htmlFor="search-q">{t("search.queryLabel")}</label>
        <div className="search-form__row">
          <input
            key={results.query}
            type="search"
            id="search-q"
            name="q"
            defaultValue={results.query}
            autoComplete="off"
            enterKeyHint="search"
            maxLength={MAX_QUERY_LENGTH}
          />
          <button type="submit" className="button">
            {t("search.submit")}
          </button>
        </div>
      </Form>

      {searched ? (
        <section aria-labelledby="search-results" className="search-results">
          <h2 id="search-results">{t("search.resultsHeading")}</h2>
          {/* Announced when a search made without reloading the page lands. */}
          <p role="status">
            {results.total === 0
              ? t("search.none", { query: results.query })
              : results.totalIsExact
                ? t("search.count", { query: results.query, count: results.total })
                : t("search.countAtLeast", { query: results.query, count: results.total })}
          </p>
          {results.total === 0 ? <p>{t("search.noneTips")}</p> : null}
          {results.hits.length ? (
            <ol className="search-hits" start={(results.page - 1) * results.pageSize + 1}>
              {results.hits.map((hit) => (
                <li key={hit.key} className="search-hit">
                  <h3 className="search-hit__title">
                    <Link to={hit.href} lang={hit.titleIsContent && hit.lang !== lang ? hit.lang : undefined}>
                      <Marked segments={hit.title} />
                    </Link>
                  </h3>
                  <p className="search-hit__type">{hitType(t, hit.type)}</p>
                  {hit.snippet.length ? (
                    <p className="search-hit__snippet" lang={hit.lang !== lang ? hit.lang : undefined}>
                      <Marked segments={hit.snippet} />
                    </p>
                  ) : null}
                  {hit.hrefInTextLang ? (
                    <p className="search-hit__other">
                      <Link to={hit.hrefInTextLang} hrefLang={hit.lang}>
                        {t("search.openIn", { language: t(`content.languageName.${hit.lang}`) })}
                      </Link>
                    </p>
                  ) : null}
                </li>
              ))}
            </ol>
          ) : null}
          {results.pages > 1 ? (
            <Pagination
              page={results.page}
              pages={results.pages}
              href={(p) => `?${new URLSearchParams({ q: results.query, ...(p > 1 ? { page: String(p) } : {}) })}`}
            />
          ) : null}
        </section>
      ) : null}
    </>
  );
}

function hitType(t: ReturnType<typeof useT>, type: string) {
  switch (type) {
    case "department":
      return t("units.kind.department");
    case "unit":
      return t("units.kind.unit");
    case "value":
      return t("search.type.value");
    case "goal":
      return t("search.type.goal");
    default:
      return t("search.type.page");
  }
}

/** Text with the matched words in <mark>: React escapes every piece, so content stays text. */
function Marked({ segments }: { segments: Segment[] }) {
  return (
    <>{segments.map((s, i) => (s.match ? <mark key={i}>{s.text}</mark> : <Fragment key={i}>{s.text}</Fragment>))}</>
  );
}
