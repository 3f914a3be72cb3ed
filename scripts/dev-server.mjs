#!/usr/bin/env node
// `npm run dev`: `remix dev` builds and rebuilds; this migrates and seeds, then serves with
// reloads (scripts/serve.mjs in development mode).
import { prepare } from "./lib/project.mjs";

process.env.NODE_ENV = "development";
process.env.PORTAL_MODE = "development";
await prepare({ build: false });
const { startServer } = await import("./serve.mjs");
await startServer();
