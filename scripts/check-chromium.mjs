#!/usr/bin/env node
// The browser tests drive Debian's Chromium; Playwright cannot download a browser here.
// Fail loudly (never skip) when it is missing, and say how to install it.
import fs from "node:fs";

const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
if (!fs.existsSync(chromium)) {
  console.error(
    `Browser tests need Chromium at ${chromium}, and it is not there.\n` +
      "Install it with:  sudo apt-get update && sudo apt-get install -y chromium\n" +
      "(or set CHROMIUM_PATH to a Chromium binary). The browser tests are not skipped.",
  );
  process.exit(1);
}
