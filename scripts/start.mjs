#!/usr/bin/env node
// `npm start`: builds if needed, applies pending migrations, seeds, then serves. With NODE_ENV
// unset this is evaluation mode and needs no configuration; NODE_ENV=production is production.
import { portalModeFrom } from "./lib/mode.mjs";
import { prepare } from "./lib/project.mjs";

process.env.PORTAL_MODE = portalModeFrom(process.env);

try {
  await prepare();
  // React and Remix run their optimised code in both modes; PORTAL_MODE carries the difference.
  process.env.NODE_ENV = "production";
  const { startServer } = await import("./serve.mjs");
  await startServer({ handleSignals: true });
} catch (error) {
  console.error(`start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
