// One web worker of the production server: scripts/serve.mts forks it through node:cluster, with
// `--port N [--hostname H]`. It is `next start` through Next's programmatic API, with one step in
// front of every request: the app is told the TCP peer's address in PEER_ADDRESS_HEADER. Route
// handlers and server actions never see the socket, and Next fills X-Forwarded-For with the peer
// only when the client sent none, so without this a client could name any address it likes (and
// dodge the sign-in budgets, which are kept per address; see src/server/auth/authenticate.ts).
import http from "node:http";
import { parseArgs } from "node:util";

import { tsImport } from "tsx/esm/api";

/** src/lib/client-ip.ts's PEER_ADDRESS_HEADER (this file runs untranspiled, so it cannot import it). */
const PEER_ADDRESS_HEADER = "x-momentum-peer-address";

const { values } = parseArgs({ options: { port: { type: "string" }, hostname: { type: "string" } } });
const port = Number(values.port);
const hostname = values.hostname;

// What `next start` does for a missing or non-standard NODE_ENV, before anything reads it (hence
// the dynamic import: React picks its build when it is first loaded). The app trusts the header
// only when this worker is the one that sets it (src/env.ts MOMENTUM_PEER_HEADER).
if (process.env.NODE_ENV !== "production") process.env.NODE_ENV = "production";
process.env.MOMENTUM_PEER_HEADER = "on";
const { default: next } = await import("next");

const app = next({ dev: false, dir: process.cwd(), port, hostname });
await app.prepare();
const handle = app.getRequestHandler();

// The upload limit that next.config.ts gives Next (src/lib/upload-limits.ts). A request announcing a
// larger body is answered here, at once, and its body drained unread: through Next, the proxy's copy
// of the body would take up to the limit in memory and the answer would wait for the whole upload.
const { requestTooLarge, UPLOAD_TOO_LARGE_MESSAGE } = await tsImport("../src/lib/upload-limits.ts", import.meta.url);

const server = http.createServer((req, res) => {
  if (requestTooLarge(req.headers["content-length"] ?? null)) {
    // text/plain exactly, as the proxy answers where this worker is not in front (`next dev`): the
    // upload form shows it on the file.
    res.writeHead(413, { "Content-Type": "text/plain" }).end(UPLOAD_TOO_LARGE_MESSAGE);
    req.resume();
    return;
  }
  // Whatever copy the client sent goes first (header names arrive lower-cased in req.headers).
  delete req.headers[PEER_ADDRESS_HEADER];
  const peer = req.socket.remoteAddress;
  if (peer) req.headers[PEER_ADDRESS_HEADER] = peer;
  handle(req, res).catch((err) => {
    console.error(`[momentum] request ${req.method} ${req.url} failed:`, err);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
server.once("error", (err) => {
  console.error("[momentum] web worker could not listen:", err);
  process.exit(1);
});
server.listen(port, hostname);

// As `next start`: stop taking requests and exit on SIGTERM/SIGINT (the app's own handlers, e.g.
// the job worker's, run first); the primary kills a worker that is still there 15 s later.
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
