// Benchmark child: the empty Remix app (scripts/bench/empty-app, built by pages.mjs) behind the
// portal's own Express stack (createApp from scripts/serve.mjs: security headers, CSP nonce, Origin
// check, compression, static files). Reports its port over IPC; exits with the parent.
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

if (!process.send) throw new Error("empty-server.mjs is started by scripts/bench/pages.mjs");
process.on("disconnect", () => process.exit(0));

const here = path.dirname(fileURLToPath(import.meta.url));
const build = await import(pathToFileURL(path.join(here, "empty-app", "build", "index.js")).href);
const { createApp } = await import("../serve.mjs");
const app = await createApp({ build });
const server = app.listen(0, "127.0.0.1", () => process.send({ port: server.address().port }));
