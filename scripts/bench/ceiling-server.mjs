// Benchmark child: the ceiling. A bare node:http server that answers each path with the exact bytes
// (and content-type) the portal returned for it once, and does nothing else. Receives the pages over
// IPC from pages.mjs, reports its port back; exits with the parent.
import http from "node:http";

if (!process.send) throw new Error("ceiling-server.mjs is started by scripts/bench/pages.mjs");
process.on("disconnect", () => process.exit(0));

process.once("message", ({ pages }) => {
  const responses = new Map(
    pages.map(({ path, contentType, body }) => [
      path,
      { body: Buffer.from(body, "base64"), headers: { "content-type": contentType } },
    ]),
  );
  for (const r of responses.values()) r.headers["content-length"] = String(r.body.length);

  const server = http.createServer((req, res) => {
    const page = responses.get(req.url);
    if (!page) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, page.headers);
    res.end(page.body);
  });
  server.listen(0, "127.0.0.1", () => process.send({ port: server.address().port }));
});
