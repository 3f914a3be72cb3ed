// Log lines on stderr, in the shape the Prisma CLI reads from the native schema engine:
// one JSON object per line, `{"level":..,"fields":{"message":..},"target":..}`. The CLI keeps
// every `fields.message` and treats the last `ERROR` line as the reason when the engine exits 1.

export const LOGGER_TARGET = "schema_engine::logger";

/** Write one log line; `fields` may add e.g. `error_code` (the one-shot `cli` mode reads it). */
export function log(level, message, fields = {}, target = LOGGER_TARGET) {
  const line = { timestamp: new Date().toISOString(), level, fields: { message, ...fields }, target };
  process.stderr.write(JSON.stringify(line) + "\n");
}

/** The WASM engine hands us ready JSON lines (with a trailing newline): pass them through. */
export function engineLog(line) {
  const text = String(line).trimEnd();
  if (text) process.stderr.write(text + "\n");
}
