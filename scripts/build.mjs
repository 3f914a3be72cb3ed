#!/usr/bin/env node
// `npm run build`: a production build of the app, recorded so that `npm start` knows it may serve it.
import { buildForProduction } from "./lib/project.mjs";

await buildForProduction();
