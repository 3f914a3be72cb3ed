// The organisation chart: the Director General at the root, departments and units beneath,
// sub-units under their parents. Nested lists of links are the base (readable without CSS, Tab
// walks every link, prints as an outline); with JavaScript it becomes an ARIA tree that the arrow
// keys walk (WAI-ARIA APG navigation treeview pattern).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { FallbackNotice, LocalizedInline } from "~/components/localized";
import { fallbackLanguages } from "~/i18n/content";
import { getOrgChart } from "~/models/directory.server";
import { langParam } from "~/utils/lang-param.server";
import { titleMeta } from "~/utils/meta";
import { useLang, useT } from "~/utils/use-lang";
import { sharedPage } from "~/utils/shared-page";

export const meta = titleMeta("chart.title");
export const handle = sharedPage;

export async function loader({ params }: LoaderFunctionArgs) {
  return { chart: await getOrgChart(langParam(params)) };
}

type Node = ReturnType<typeof useLoaderData<typeof loader>>["chart"]["roots"][number];
const ROOT = "director-general";

const allNodes = (nodes: Node[]): Node[] => nodes.flatMap((n) => [n, ...allNodes(n.children)]);

export default function OrgChart() {
  const { chart } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const [enhanced, setEnhanced] = useState(false);
  const [collapsed, setCollapsed] = useState<Set<string>>(() => new Set());
  const [active, setActive] = useState(ROOT);
  const treeRef = useRef<HTMLUListElement>(null);
  useEffect(() => setEnhanced(true), []);

  const tree = { enhanced, collapsed, active };

  /** The tree items a reader can currently reach, in reading order. */
  const visibleItems = () =>
    Array.from(treeRef.current?.querySelectorAll<HTMLElement>('[role="treeitem"]') ?? []).filter(
      (el) => !el.closest("[hidden]"),
    );
  const focusItem = (el: HTMLElement | undefined) => {
    if (!el) return;
    setActive(el.dataset.node!);
    el.focus();
  };
  const setOpen = (id: string, open: boolean) =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (open) next.delete(id);
      else next.add(id);
      return next;
    });

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const current = (event.target as HTMLElement).closest<HTMLElement>('[role="treeitem"]');
    if (!current || event.altKey || event.ctrlKey || event.metaKey) return;
    const items = visibleItems();
    const index = items.indexOf(current);
    const id = current.dataset.node!;
    const expanded = current.getAttribute("aria-expanded");
    const parentItem = current.parentElement?.parentElement
      ?.closest("li")
      ?.querySelector<HTMLElement>(':scope > [role="treeitem"]');
    switch (event.key) {
      case "ArrowDown":
        focusItem(items[index + 1]);
        break;
      case "ArrowUp":
        focusItem(items[index - 1]);
        break;
      case "Home":
        focusItem(items[0]);
        break;
      case "End":
        focusItem(items[items.length - 1]);
        break;
      case "ArrowRight":
        if (expanded === "false") setOpen(id, true);
        else if (expanded === "true") focusItem(items[index + 1]);
        break;
      case "ArrowLeft":
        if (expanded === "true") setOpen(id, false);
        else focusItem(parentItem ?? undefined);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  return (
    <>
      <h1 id="chart-title">{t("chart.title")}</h1>
      <p className="lead">{t("chart.lead")}</p>
      <p>
        <Link to={`/${lang}/units`}>{t("chart.directoryLink")}</Link>
      </p>
      <FallbackNotice langs={fallbackLanguages(allNodes(chart.roots).map((n) => n.name))} />
      {enhanced ? (
        <p id="chart-help" className="field__hint org-chart__help">
          {t("chart.keyboardHint")}
        </p>
      ) : null}
      <div className="org-chart">
        <ul
          ref={treeRef}
          className="org-chart__level org-chart__level--top"
          role={enhanced ? "tree" : undefined}
          aria-labelledby={enhanced ? "chart-title" : undefined}
          aria-describedby={enhanced ? "chart-help" : undefined}
          onKeyDown={enhanced ? onKeyDown : undefined}
        >
          <li className="org-chart__branch" role={enhanced ? "none" : undefined}>
            <span
              className="org-chart__node org-chart__node--root"
              id={ROOT}
              data-node={ROOT}
              role={enhanced ? "treeitem" : undefined}
              aria-expanded={enhanced && chart.roots.length ? !collapsed.has(ROOT) : undefined}
              tabIndex={enhanced ? (active === ROOT ? 0 : -1) : undefined}
              onFocus={() => setActive(ROOT)}
            >
              <span className="org-chart__title">{t("unit.directorGeneral")}</span>
              {chart.directorGeneralName ? (
                <span className="org-chart__person">{chart.directorGeneralName}</span>
              ) : null}
            </span>
            <Level nodes={chart.roots} tree={tree} parent={ROOT} onFocusNode={setActive} />
          </li>
        </ul>
      </div>
    </>
  );
}

function Level({
  nodes,
  tree,
  parent,
  onFocusNode,
}: {
  nodes: Node[];
  tree: { enhanced: boolean; collapsed: Set<string>; active: string };
  parent: string;
  onFocusNode: (slug: string) => void;
}) {
  if (nodes.length === 0) return null;
  return (
    <ul
      className="org-chart__level"
      role={tree.enhanced ? "group" : undefined}
      hidden={tree.collapsed.has(parent) || undefined}
    >
      {nodes.map((node) => (
        <ChartItem key={node.slug} node={node} tree={tree} onFocusNode={onFocusNode} />
      ))}
    </ul>
  );
}

function ChartItem({
  node,
  tree,
  onFocusNode,
}: {
  node: Node;
  tree: { enhanced: boolean; collapsed: Set<string>; active: string };
  onFocusNode: (slug: string) => void;
}) {
  const lang = useLang();
  const children = node.children as Node[];
  return (
    <li
      id={`unit-${node.slug}`}
      className={`org-chart__branch org-chart__branch--${node.kind}`}
      role={tree.enhanced ? "none" : undefined}
    >
      <Link
        to={`/${lang}/units/${node.slug}`}
        className="org-chart__node"
        data-node={node.slug}
        role={tree.enhanced ? "treeitem" : undefined}
        aria-expanded={tree.enhanced && children.length ? !tree.collapsed.has(node.slug) : undefined}
        tabIndex={tree.enhanced ? (tree.active === node.slug ? 0 : -1) : undefined}
        onFocus={() => onFocusNode(node.slug)}
      >
        <LocalizedInline text={node.name} />
      </Link>
      <Level nodes={children} tree={tree} parent={node.slug} onFocusNode={onFocusNode} />
    </li>
  );
}
