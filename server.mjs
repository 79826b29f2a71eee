// Postern's HTTP entry point: Next.js behind a plain Node server, so that the browser's real
// address (the socket's, or X-Forwarded-For from TRUST_PROXY trusted proxies) reaches the app
// in a header clients cannot forge. It is passed to the IMAP server with the ID command.
import http from "node:http";
import next from "next";

const dev = process.argv.includes("--dev");
const hostname = process.env.HOST ?? "127.0.0.1";
const port = Number(process.env.PORT ?? 3000);
const trustProxy = Number(process.env.TRUST_PROXY ?? 0);

/** The address of the client: the socket's peer, or the entry trusted proxies vouch for. */
function clientIp(req) {
  const forwarded = trustProxy > 0 ? String(req.headers["x-forwarded-for"] ?? "").split(",") : [];
  const chain = [...forwarded.map((s) => s.trim()).filter(Boolean), req.socket.remoteAddress ?? ""];
  const ip = chain[Math.max(0, chain.length - 1 - trustProxy)];
  return ip.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
}

process.env.NEXT_TELEMETRY_DISABLED ??= "1";
const app = next({ dev, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

/** Headers only a proxy of ours may set: without one, a client's own are dropped, so that Next,
 * Auth.js and Postern see the host and scheme the connection really has (lib/http/request-origin.ts). */
const FORWARDED_HEADERS = ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "forwarded"];

// Request timing, id and log line (lib/observability/observe-request.ts, set up by instrumentation.ts).
const OBSERVER = Symbol.for("postern.observeRequest");

const server = http.createServer((req, res) => {
  if (trustProxy === 0) for (const name of FORWARDED_HEADERS) delete req.headers[name];
  req.headers["x-postern-client-ip"] = clientIp(req);
  globalThis[OBSERVER]?.(req, res);
  handle(req, res);
});
server.listen(port, hostname, () => {
  console.log(`Postern ready on http://${hostname}:${port}${dev ? " (development)" : ""}`);
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close();
    process.exit(0);
  });
}
