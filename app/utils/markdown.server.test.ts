import { describe, expect, it } from "vitest";
import { markdownToPlainText, plainTextOfFirstBlock, renderMarkdown } from "./markdown.server";

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

describe("plainTextOfFirstBlock", () => {
  const has = (word: string) => (text: string) => text.toLowerCase().includes(word);

  it("gives the first block holding the word, as plain text, and says whether it is the first", () => {
    const markdown = "Opening paragraph.\n\nSecond with **lupa** and a [link](https://migri.fi).\n\n- lupa in a list";
    expect(plainTextOfFirstBlock(markdown, has("lupa"))).toEqual({
      text: "Second with lupa and a link.",
      isFirst: false,
    });
    expect(plainTextOfFirstBlock(markdown, has("opening"))).toEqual({ text: "Opening paragraph.", isFirst: true });
    expect(plainTextOfFirstBlock("- one\n- two lupa", has("lupa"))).toEqual({
      text: "• one\n• two lupa",
      isFirst: true,
    });
    expect(plainTextOfFirstBlock(markdown, has("zzz"))).toBeNull();
  });

  it("skips a block whose word is only in Markdown syntax, such as a link address", () => {
    const markdown = "See [the guide](https://lupa.example).\n\nThe lupa itself.";
    expect(plainTextOfFirstBlock(markdown, has("lupa"))).toEqual({ text: "The lupa itself.", isFirst: false });
  });

  it("renders the whole text when a link reference is defined in another block", () => {
    const markdown = "Read [the guide][g] on lupa.\n\n[g]: https://migri.fi";
    expect(plainTextOfFirstBlock(markdown, has("lupa"))).toEqual({ text: "Read the guide on lupa.", isFirst: true });
  });

  it("looks only at blocks that start within the limit", () => {
    const markdown = `${"word ".repeat(100)}\n\nlate lupa`;
    expect(plainTextOfFirstBlock(markdown, has("lupa"), { within: 100 })).toBeNull();
    expect(plainTextOfFirstBlock(markdown, has("lupa"))?.text).toBe("late lupa");
  });
});
