import { describe, expect, it } from "vitest";
import { placeDataScriptsInBody } from "./document.server";

describe("placeDataScriptsInBody", () => {
  it("moves what React wrote after </html> to the end of <body>", () => {
    const html =
      '<!DOCTYPE html><html><head></head><body><main>x</main></body></html><!--$--><script nonce="n">a()</script><!--/$-->';
    expect(placeDataScriptsInBody(html)).toBe(
      '<!DOCTYPE html><html><head></head><body><main>x</main><!--$--><script nonce="n">a()</script><!--/$--></body></html>',
    );
  });

  it("leaves a document that already ends with </html> alone", () => {
    const html = "<!DOCTYPE html><html><head></head><body>x</body></html>";
    expect(placeDataScriptsInBody(html)).toBe(html);
  });
});
