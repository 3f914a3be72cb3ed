import { describe, expect, it } from "vitest";
import { markdownToPlainText, renderMarkdown } from "./markdown.server";

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

describe("markdownToPlainText", () => {
  it("keeps link addresses for print, with list bullets", () => {
    expect(markdownToPlainText("Hello **team** & [guide](https://migri.fi)\n\n- one\n- two")).toBe(
      "Hello team & guide (https://migri.fi)\n\n• one\n• two",
    );
  });

  it("drops link targets and marks for search snippets", () => {
    expect(
      markdownToPlainText("## Heading\n\n**Bold** and [a link](https://x.fi) and `code`", { linkAddresses: false }),
    ).toBe("Heading\n\nBold and a link and code");
  });

  it("never passes raw HTML through as markup", () => {
    expect(markdownToPlainText("<script>alert(1)</script> text")).toBe("<script>alert(1)</script> text");
  });
});
