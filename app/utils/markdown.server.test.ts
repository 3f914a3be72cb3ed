import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./markdown.server";

describe("renderMarkdown", () => {
  it("renders Markdown", () => {
    expect(renderMarkdown("**Duties**\n\n- one\n- [link](https://migri.fi)")).toContain(
      '<a href="https://migri.fi">link</a>',
    );
  });

  it("never lets script, event handlers or javascript: links through, whatever an editor types", () => {
    const html = renderMarkdown(
      '<script>alert(1)</script>\n\n<img src=x onerror="alert(1)">\n\n[click](javascript:alert(1))\n\n<a href="javascript:alert(1)">x</a>',
    );
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).toContain("&lt;script&gt;");
  });
});
