// SESSION_SECRET: required in production; in evaluation mode a random one is created once and
// kept in ./data, so sessions survive restarts without any configuration.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "./project.mjs";

export function ensureSessionSecret({ mode, log = console.log }) {
  if (process.env.SESSION_SECRET) return;
  if (mode === "production") {
    throw new Error("SESSION_SECRET is not set. In production the portal refuses to start without it (see README).");
  }
  const file = path.join(projectRoot, "data", "session-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString("hex"), { mode: 0o600 });
    log(
      `start: SESSION_SECRET is not set; created a random one in ${path.relative(projectRoot, file)} (evaluation mode).`,
    );
  } else {
    log(
      `start: SESSION_SECRET is not set; using the one kept in ${path.relative(projectRoot, file)} (evaluation mode).`,
    );
  }
  process.env.SESSION_SECRET = fs.readFileSync(file, "utf8").trim();
}
