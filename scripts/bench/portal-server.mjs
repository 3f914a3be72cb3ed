// Benchmark child: the built portal (scripts/serve.mjs) on 127.0.0.1 and a free port. The parent
// (pages.mjs) has already built, migrated and seeded, and passes DATABASE_URL, SESSION_SECRET,
// PORTAL_MODE and NODE_ENV in the environment. Reports its port over IPC; exits with the parent.
if (!process.send) throw new Error("portal-server.mjs is started by scripts/bench/pages.mjs");
process.on("disconnect", () => process.exit(0));

const { startServer } = await import("../serve.mjs");
const server = await startServer({ host: "127.0.0.1", port: 0 });
process.send({ port: server.address().port });
