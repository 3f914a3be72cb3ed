// The benchmark's baseline: the smallest Remix v2 app (one route whose loader returns three
// strings), built by the project's own @remix-run/dev with the project's node_modules and the same
// future flags, so that `npm run bench` can report each portal page as a share of it.
import portal from "../../../remix.config.js";

/** @type {import('@remix-run/dev').AppConfig} */
export default {
  serverModuleFormat: "esm",
  future: portal.future,
};
