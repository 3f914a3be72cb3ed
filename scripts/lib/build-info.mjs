// Which build is in build/: `npm start` must serve only a production build of the current sources.
// `remix dev` writes a development build into the same folder, and its files are newer than every
// source, so modification times cannot tell the two apart. After each production build we record
// the mode, a fingerprint of the sources and a hash of the server bundle; a build/ that does not
// match that record (missing, another mode, changed sources, or replaced by another build) is stale.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const SOURCE_ROOTS = ["app", "remix.config.js", "tsconfig.json", "package-lock.json"];
// Unit tests live beside the code but are not part of the build (remix.config.js ignores them).
const TEST_FILE = /\.test\.tsx?$/;

export function buildPaths(root) {
  return {
    server: path.join(root, "build", "index.js"),
    info: path.join(root, "build", "build-info.json"),
  };
}

function addSources(hash, full, root) {
  if (!fs.existsSync(full)) return;
  const stat = fs.statSync(full);
  if (stat.isDirectory()) {
    const entries = fs.readdirSync(full).sort();
    for (const entry of entries) addSources(hash, path.join(full, entry), root);
  } else if (!TEST_FILE.test(full)) {
    hash.update(`${path.relative(root, full)}\0`);
    hash.update(fs.readFileSync(full));
    hash.update("\0");
  }
}

/** A hash of everything the build is made from (file names and contents). */
export function sourceFingerprint(root) {
  const hash = crypto.createHash("sha256");
  for (const entry of SOURCE_ROOTS) addSources(hash, path.join(root, entry), root);
  return hash.digest("hex");
}

function hashServerBundle(file) {
  return crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

/** Record that build/ holds a build of the current sources in `mode`. */
export function writeBuildInfo(root, mode) {
  const { server, info } = buildPaths(root);
  const record = {
    mode,
    sources: sourceFingerprint(root),
    server: hashServerBundle(server),
    builtAt: new Date().toISOString(),
  };
  fs.writeFileSync(info, JSON.stringify(record, null, 2) + "\n");
  return record;
}

/** Why build/ cannot be served as a production build of the current sources, or null when it can. */
export function productionBuildProblem(root) {
  const { server, info } = buildPaths(root);
  if (!fs.existsSync(server)) return "there is no build yet";
  if (!fs.existsSync(info)) return "build/ has no record of how it was built";
  let record;
  try {
    record = JSON.parse(fs.readFileSync(info, "utf8"));
  } catch {
    return "build/build-info.json is unreadable";
  }
  if (record.server !== hashServerBundle(server)) return "build/ was replaced by another build (e.g. npm run dev)";
  if (record.mode !== "production") return `build/ is a ${record.mode} build`;
  if (record.sources !== sourceFingerprint(root)) return "the sources changed since the last build";
  return null;
}
