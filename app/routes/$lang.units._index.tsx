// The unit directory. At the agency's size every unit is on the page and the browser filters as
// the reader types; the address follows (history.replaceState, no request). A larger organisation
// gets its results page by page from the server. Without JavaScript the same form is a GET.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation, useNavigate, useNavigation } from "@remix-run/react";
import { useEffect, useMemo, useRef, useState, type MouseEvent } from "react";
import { FallbackNotice, LocalizedInline } from "~/components/localized";
import { Pagination } from "~/components/pagination";
import { fallbackLanguages } from "~/i18n/content";
import { getDirectory } from "~/models/directory.server";
import {
  directorySearch,
  emptyFilters,
  filterUnits,
  parseDirectoryFilters,
  type DirectoryFilters,
} from "~/utils/directory";
import { langParam } from "~/utils/lang-param.server";
import { titleMeta } from "~/utils/meta";
import { useLang, useT } from "~/utils/use-lang";
import { sharedPage } from "~/utils/shared-page";

export const meta = titleMeta("units.title");
export const handle = sharedPage;

export async function loader({ params, request }: LoaderFunctionArgs) {
  return getDirectory(langParam(params), parseDirectoryFilters(new URL(request.url).searchParams));
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;
type Unit = Data["units"][number];

const sameFilters = (a: DirectoryFilters, b: DirectoryFilters) =>
  a.q === b.q && a.kind === b.kind && a.location === b.location && a.page === b.page;

export default function Units() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const navigation = useNavigation();
  const inputRef = useRef<HTMLInputElement>(null);
  const [filters, setFilters] = useState(data.filters);
  // The filters last written to the address (or asked of the server). When the loader brings
  // other ones, the reader navigated (back, a link, the language switcher): show those.
  const requested = useRef(data.filters);
  useEffect(() => {
    if (!sameFilters(data.filters, requested.current)) setFilters(data.filters);
    requested.current = data.filters;
  }, [data.filters]);

  const timer = useRef<number>();
  useEffect(() => () => window.clearTimeout(timer.current), []);
  function apply(next: DirectoryFilters) {
    setFilters(next);
    requested.current = next;
    window.clearTimeout(timer.current);
    if (data.mode === "client") {
      // Debounced only to spare the browser's history API; the list itself updates at once.
      timer.current = window.setTimeout(() => {
        window.history.replaceState(window.history.state, "", pathname + directorySearch(next));
      }, 150);
    } else {
      timer.current = window.setTimeout(() => {
        navigate(pathname + directorySearch(next), { replace: true, preventScrollReset: true });
      }, 300);
    }
  }
  const change = (patch: Partial<DirectoryFilters>) => apply({ ...filters, ...patch, page: 1 });

  // "/" jumps to the search box, unless the reader is typing somewhere.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
      event.preventDefault();
      inputRef.current?.focus();
      inputRef.current?.select();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  const visible: Unit[] = useMemo(
    () => (data.mode === "client" ? filterUnits(data.units, filters) : data.units),
    [data, filters],
  );
  const count =
    data.mode === "server" && data.pages > 1
      ? t("directory.countPaged", {
          from: (data.page - 1) * data.pageSize + 1,
          to: (data.page - 1) * data.pageSize + visible.length,
          matched: data.matched,
          total: data.total,
        })
      : t("directory.count", { count: data.mode === "server" ? data.matched : visible.length, total: data.total });
  // Screen readers hear the count once the reader pauses, not after every letter.
  const [announced, setAnnounced] = useState(count);
  useEffect(() => {
    const id = window.setTimeout(() => setAnnounced(count), 500);
    return () => window.clearTimeout(id);
  }, [count]);

  const clear = (event: MouseEvent) => {
    if (data.mode !== "client") return; // the link itself loads the unfiltered directory
    event.preventDefault();
    apply(emptyFilters);
    inputRef.current?.focus();
  };

  const departments = visible.filter((u) => u.kind === "department");
  const plainUnits = visible.filter((u) => u.kind === "unit");
  return (
    <>
      <h1>{t("units.title")}</h1>
      <p className="lead">{t("units.lead", { departments: data.departmentCount, units: data.unitCount })}</p>
      <p>
        <Link to={`/${lang}/units/chart`}>{t("directory.chartLink")}</Link>
      </p>
      <FallbackNotice langs={fallbackLanguages(data.units.flatMap((u) => [u.name, u.summary]))} />

      <Form
        method="get"
        action={pathname}
        role="search"
        aria-label={t("directory.searchRegion")}
        className="directory-form"
        onSubmit={(event) => {
          if (data.mode === "client") event.preventDefault(); // already filtered
        }}
      >
        <div className="directory-form__query">
          <label htmlFor="directory-q">{t("directory.searchLabel")}</label>
          <p id="directory-q-hint" className="field__hint">
            {t("directory.searchHint")}
          </p>
          <input
            ref={inputRef}
            type="search"
            id="directory-q"
            name="q"
            value={filters.q}
            onChange={(e) => change({ q: e.target.value })}
            aria-describedby="directory-q-hint"
            autoComplete="off"
            spellCheck={false}
            enterKeyHint="search"
            maxLength={200}
          />
        </div>
        <div className="directory-form__filter">
          <label htmlFor="directory-kind">{t("directory.kindLabel")}</label>
          <select
            id="directory-kind"
            name="kind"
            value={filters.kind}
            onChange={(e) => change({ kind: e.target.value as DirectoryFilters["kind"] })}
          >
            <option value="">{t("directory.kindAll")}</option>
            <option value="department">{t("units.departments")}</option>
            <option value="unit">{t("units.units")}</option>
          </select>
        </div>
        {data.locations.length > 0 ? (
          <div className="directory-form__filter">
            <label htmlFor="directory-location">{t("unit.location")}</label>
            <select
              id="directory-location"
              name="location"
              value={filters.location}
              onChange={(e) => change({ location: e.target.value })}
            >
              <option value="">{t("directory.locationAll")}</option>
              {data.locations.map((l) => (
                <option key={l} value={l}>
                  {l}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <button type="submit" className="button directory-form__submit">
          {t("directory.submit")}
        </button>
      </Form>

      <p className="directory-count" aria-hidden="true">
        {count}
      </p>
      <div role="status" className="visually-hidden">
        {announced}
      </div>

      <div className="directory-results" aria-busy={navigation.state === "loading" ? true : undefined}>
        {visible.length === 0 ? (
          <div className="directory-empty">
            <p>{t("directory.empty")}</p>
            <p>
              <Link to={`/${lang}/units`} onClick={clear}>
                {t("directory.clear")}
              </Link>
            </p>
          </div>
        ) : (
          <>
            {departments.length ? (
              <UnitGroup id="departments" title={t("units.departments")} units={departments} />
            ) : null}
            {plainUnits.length ? <UnitGroup id="units" title={t("units.units")} units={plainUnits} /> : null}
          </>
        )}
      </div>
      {data.mode === "server" && data.pages > 1 ? (
        <Pagination
          page={data.page}
          pages={data.pages}
          href={(p) => pathname + directorySearch({ ...data.filters, page: p })}
        />
      ) : null}
    </>
  );
}

function UnitGroup({ id, title, units }: { id: string; title: string; units: Unit[] }) {
  const lang = useLang();
  const t = useT();
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ul className="unit-list">
        {units.map((u) => (
          <li key={u.slug} className="unit-card">
            <h3>
              <Link to={`/${lang}/units/${u.slug}`}>
                <LocalizedInline text={u.name} />
              </Link>
            </h3>
            <p>
              <LocalizedInline text={u.summary} />
            </p>
            {u.location ? (
              <p className="unit-card__location">
                {t("unit.location")}: {u.location}
              </p>
            ) : null}
            {u.needsReview ? <p className="badge badge--review">{t("unit.needsReviewShort")}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
