// A page's reviews, newest first: "still accurate" confirmations and saved edits (each edit links
// to the revision it saved). Shown on the page's care page and on its history page.
import { Link } from "@remix-run/react";
import { formatDate } from "~/i18n";
import { useLang, useT } from "~/utils/use-lang";

export interface PageReviewItem {
  id: number;
  kind: "confirmed" | "edit";
  reviewedOn: string;
  revisionId: number | null;
  reviewer: string | null;
}

export function PageReviews({ reviews, historyPath }: { reviews: PageReviewItem[]; historyPath: string }) {
  const t = useT();
  const lang = useLang();
  if (reviews.length === 0) return <p>{t("care.noReviews")}</p>;
  return (
    <ul>
      {reviews.map((r) => {
        const text = t(r.kind === "edit" ? "care.review.edit" : "care.review.confirmed", {
          date: formatDate(lang, r.reviewedOn),
          name: r.reviewer ?? "—",
        });
        return (
          <li key={r.id}>
            {r.kind === "edit" && r.revisionId !== null ? (
              <Link to={`${historyPath}/${r.revisionId}`}>{text}</Link>
            ) : (
              text
            )}
          </li>
        );
      })}
    </ul>
  );
}
