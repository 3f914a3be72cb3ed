// A signed-out read page comes with an ETag and "Cache-Control: no-cache": on a repeat visit the
// browser revalidates, the server answers 304 without a Content-Security-Policy, and the browser
// shows its stored copy, whose scripts carry that copy's nonce. If the 304 carried a new policy
// (a new nonce), the browser would block those scripts and the page would never hydrate.
import { expect, test } from "@playwright/test";

test("a page revalidated with 304 still hydrates and navigates client-side", async ({ page }) => {
  const blocked: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy|Refused to/i.test(message.text()))
      blocked.push(message.text());
  });

  // Raw status codes from the network, by request (DevTools protocol).
  const wire = new Map<string, number>();
  const documentRequests = new Map<string, string>();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  cdp.on("Network.requestWillBeSent", (event) => {
    if (event.type === "Document") documentRequests.set(event.requestId, event.request.url);
  });
  cdp.on("Network.responseReceivedExtraInfo", (event) => {
    const url = documentRequests.get(event.requestId);
    if (url) wire.set(url, event.statusCode);
  });

  const first = await page.goto("/en/units");
  expect(first!.status()).toBe(200);
  const etag = await first!.headerValue("etag");
  expect(etag).toBeTruthy();
  await page.waitForFunction(() => "__remixRouter" in window);

  // Reload: the browser revalidates its stored copy with If-None-Match.
  const revalidation = page.waitForRequest(
    (request) => request.url().endsWith("/en/units") && request.isNavigationRequest(),
  );
  const again = await page.reload();
  expect(await (await revalidation).headerValue("if-none-match")).toBe(etag);
  // What came over the wire: a 304, shown from the stored copy.
  await expect.poll(() => wire.get(page.url())).toBe(304);
  expect(again!.status()).toBe(200);

  await page.waitForFunction(() => "__remixRouter" in window);
  expect(blocked).toEqual([]);

  // Hydrated: following a link is a client-side navigation, not a new document.
  let documents = 0;
  page.on("request", (request) => {
    if (request.isNavigationRequest()) documents++;
  });
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Values" }).click();
  await expect(page).toHaveURL(/\/en\/values$/);
  await expect(page.locator("h1")).toHaveText(/values/i);
  expect(documents).toBe(0);
});
