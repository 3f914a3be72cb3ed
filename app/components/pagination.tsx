// Previous / next links with "page x of y", for any list paged through GET parameters.
import { Link } from "@remix-run/react";
import { useT } from "~/utils/use-lang";

export function Pagination({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  const t = useT();
  return (
    <nav aria-label={t("pagination.label")} className="pagination">
      {page > 1 ? (
        <Link to={href(Math.min(page - 1, pages))} rel="prev">
          {t("pagination.previous")}
        </Link>
      ) : null}
      <span>{t("pagination.status", { page, pages })}</span>
      {page < pages ? (
        <Link to={href(page + 1)} rel="next">
          {t("pagination.next")}
        </Link>
      ) : null}
    </nav>
  );
}
