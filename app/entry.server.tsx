// Server rendering. Pages are rendered whole before they are sent (no streaming), so every
// response carries its final status code; security headers are set by the server (scripts/serve.mjs).
import { Writable } from "node:stream";
import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { placeDataScriptsInBody } from "~/utils/document.server";
import { NonceProvider } from "~/utils/nonce";
import { logError } from "~/utils/request-context.server";
import { startReminderTimer } from "~/models/reminders.server";
import { markSharedPage } from "~/models/page-cache.server";

// The server (scripts/lib/page-cache.mjs) reads this export of the build to cache shared pages.
export { sharedPages } from "~/models/page-cache.server";

// For the server's refusal pages (scripts/lib/request-limits.mjs), in the catalogues' languages.
export { refusalTexts } from "~/utils/refusal-texts";

const ABORT_DELAY = 5_000;

// REMINDERS=on: this process queues review reminders and delivers mail itself (once per process).
startReminderTimer();

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = typeof loadContext.cspNonce === "string" ? loadContext.cspNonce : "";
  return new Promise((resolve, reject) => {
    let didError = false;
    // Assigned below, once the stream exists; read by the callbacks that end it.
    // eslint-disable-next-line prefer-const
    let abortTimer: ReturnType<typeof setTimeout> | undefined;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        onAllReady() {
          clearTimeout(abortTimer);
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          if (!didError) markSharedPage(responseStatusCode, responseHeaders, remixContext);
          const chunks: Buffer[] = [];
          const page = new Writable({
            write(chunk: Buffer, _encoding, done) {
              chunks.push(chunk);
              done();
            },
            final(done) {
              const html = placeDataScriptsInBody(Buffer.concat(chunks).toString("utf8"));
              resolve(new Response(html, { headers: responseHeaders, status: didError ? 500 : responseStatusCode }));
              done();
            },
          });
          page.on("error", reject);
          pipe(page);
        },
        onShellError(error: unknown) {
          clearTimeout(abortTimer);
          reject(error);
        },
        onError(error: unknown) {
          didError = true;
          logError(error);
        },
      },
    );
    abortTimer = setTimeout(abort, ABORT_DELAY);
  });
}

// Log server errors once, without the noise of aborted requests. Users never see a stack trace:
// the error boundary shows a plain message.
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  logError(error);
};

// Start-up checks and shutdown, called by scripts/serve.mjs through the server build.
export { closeDatabase, prepareForServing } from "~/models/startup.server";
