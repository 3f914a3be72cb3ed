// Benchmark child: the built portal (scripts/serve.mjs) on 127.0.0.1 and a free port. The parent
// (pages.mjs, profile.mjs) has already built, migrated and seeded, and passes DATABASE_URL,
// SESSION_SECRET, PORTAL_MODE and NODE_ENV in the environment. Reports its port over IPC; exits
// with the parent. On { profile: "start" } / { profile: "stop", file } it records a CPU profile of
// the running server (node:inspector, the same data as `node --cpu-prof`, without start-up) and
// answers { profiled: file }.
import fs from "node:fs";
import inspector from "node:inspector/promises";

if (!process.send) throw new Error("portal-server.mjs is started by scripts/bench/pages.mjs");
process.on("disconnect", () => process.exit(0));

const { startServer } = await import("../serve.mjs");
const server = await startServer({ host: "127.0.0.1", port: 0 });

let session;
process.on("message", async (message) => {
  if (message?.profile === "start") {
    session = new inspector.Session();
    session.connect();
    await session.post("Profiler.enable");
    await session.post("Profiler.setSamplingInterval", { interval: 200 });
    await session.post("Profiler.start");
    process.send({ profiling: true });
  } else if (message?.profile === "stop" && session) {
    const { profile } = await session.post("Profiler.stop");
    session.disconnect();
    fs.writeFileSync(message.file, JSON.stringify(profile));
    process.send({ profiled: message.file });
  }
});
process.send({ port: server.address().port });
