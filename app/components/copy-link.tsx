// A link to hand on: a read-only field anyone can select and copy (works without JavaScript),
// plus, once JavaScript runs, a button that copies it and says so through a live region.
import { useEffect, useRef, useState } from "react";
import { useT } from "~/utils/use-lang";

export function CopyLink({ id, url, label }: { id: string; url: string; label: string }) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [canCopy, setCanCopy] = useState(false);
  const [status, setStatus] = useState("");
  // The button appears only where it can work: after hydration, with a clipboard or a fallback.
  useEffect(() => setCanCopy(true), []);

  async function copy() {
    setStatus("");
    try {
      await navigator.clipboard.writeText(url);
      setStatus(t("summaries.copied"));
    } catch {
      input.current?.select();
      setStatus(t("summaries.copyFailed"));
    }
  }

  return (
    <div className="copy-link">
      <label htmlFor={id}>{label}</label>
      <div className="copy-link__row">
        <input id={id} ref={input} type="text" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
        {canCopy ? (
          <button type="button" className="button button--secondary" onClick={copy}>
            {t("summaries.copyLink")}
          </button>
        ) : null}
      </div>
      <p className="copy-link__status" role="status">
        {status}
      </p>
    </div>
  );
}
