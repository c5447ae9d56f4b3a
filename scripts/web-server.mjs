/**
 * The web server `npm start` (and `npm run dev`) runs: Next.js's own request handler behind a
 * plain node:http server, for one reason — Next.js does not tell route handlers or server actions
 * the socket peer's address (it puts it in X-Forwarded-For only when the client sent none), and
 * per-client limits and the loopback-only development mailbox need it
 * (docs/decisions/0008-client-address.md, src/server/client-address.ts).
 *
 * Each request gets the header `x-rc-peer: <token> <peer address> direct|forwarded`
 * (scripts/lib/peer-header.mjs), replacing anything a client sent under that name. The token is
 * random per process and known only to this process (RC_PEER_TOKEN), so an app served some other
 * way ignores a forged header.
 *
 * Usage: node scripts/web-server.mjs [--dev] [--port 3000] [--hostname 127.0.0.1]
 */
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import { markPeer } from "./lib/peer-header.mjs";

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const dev = args.includes("--dev");
const port = Number(option("--port") ?? process.env.PORT ?? 3000);
const hostname = option("--hostname") ?? "127.0.0.1";
const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const token = randomBytes(24).toString("base64url");
process.env.RC_PEER_TOKEN = token;

const app = next({ dev, dir, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  markPeer(req, token);
  handle(req, res).catch((error) => {
    console.error(error);
    if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
    res.end("Internal server error");
  });
});

// SIGTERM/SIGINT: accept nothing new, let requests in flight finish (within the 4 s that
// scripts/lib/runtime.ts grants the web server, so that the whole stop stays under 15 s), then exit.
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 3_500).unref();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);

server.listen(port, hostname, () => console.log(`Web server ready on http://${hostname}:${port}`));
