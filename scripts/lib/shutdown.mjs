// Graceful shutdown: on SIGTERM or SIGINT stop accepting connections, let the requests in flight
// finish (for at most `graceMs`), close the database, exit 0. A second signal does not cut it
// short: the grace period already bounds it.

/**
 * @param {import("node:http").Server} server
 * @param {{ close?: () => Promise<void>, graceMs?: number, log?: (line: string) => void,
 *           exit?: (code: number) => void, signals?: NodeJS.Signals[] }} [options]
 * @returns {(signal: string) => Promise<void>} the shutdown, for callers that want to start it themselves
 */
export function installGracefulShutdown(
  server,
  {
    close = async () => {},
    graceMs = 10_000,
    log = console.log,
    exit = (code) => process.exit(code),
    signals = ["SIGTERM", "SIGINT"],
  } = {},
) {
  let started = false;
  const shutdown = async (signal) => {
    if (started) return;
    started = true;
    log(`shutdown: ${signal}: no new connections; finishing the requests in flight (at most ${graceMs / 1000} s)`);
    const closed = new Promise((resolve) => server.close(() => resolve(undefined)));
    // Keep-alive connections with no request in flight would hold close() open: end them now.
    server.closeIdleConnections?.();
    const idleSweep = setInterval(() => server.closeIdleConnections?.(), 100);
    const deadline = setTimeout(() => {
      log("shutdown: grace period over; closing the connections still open");
      server.closeAllConnections?.();
    }, graceMs);
    await closed;
    clearInterval(idleSweep);
    clearTimeout(deadline);
    let code = 0;
    try {
      await close();
      log("shutdown: database closed; bye");
    } catch (error) {
      log(`shutdown: closing the database failed: ${error instanceof Error ? error.message : error}`);
      code = 1;
    }
    exit(code);
  };
  for (const signal of signals) process.on(signal, () => void shutdown(signal));
  return shutdown;
}
