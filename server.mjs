// Postern's HTTP entry point: Next.js behind a plain Node server, so that the browser's real
// address (the socket's, or X-Forwarded-For from TRUST_PROXY trusted proxies) reaches the app
// in a header clients cannot forge. It is passed to the IMAP server with the ID command.
//
// WORKERS=N (default: one per CPU core) runs N such servers on one port with node:cluster; the
// primary only starts them, starts a new one when one dies, and stops them all on SIGTERM.
// Nothing a request needs lives in one worker only (sessions, limiters, the send queue are in
// the database), so any worker serves any request. WORKERS=1 is a single process, no primary.
import cluster from "node:cluster";
import http from "node:http";
import os from "node:os";
import next from "next";

const dev = process.argv.includes("--dev");
const hostname = process.env.HOST ?? "127.0.0.1";
const port = Number(process.env.PORT ?? 3000);
const trustProxy = Number(process.env.TRUST_PROXY ?? 0);
const workers = parseWorkers(process.env.WORKERS);
/** How long a stopping server lets requests in flight finish. */
const DRAIN_MS = 10_000;
/** Server-Sent Events never finish: a stopping server closes them at once, and the browser's
 * EventSource reconnects (through the proxy, to another process). */
const LIVE_STREAM = /^\/api\/live(?:\?|$)/;

function parseWorkers(value) {
  if (value === undefined || value === "") return os.availableParallelism();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256) {
    console.error(`WORKERS=${value} is not a number of processes (1 to 256)`);
    process.exit(1);
  }
  return n;
}

/** The address of the client: the socket's peer, or the entry trusted proxies vouch for. */
function clientIp(req) {
  const forwarded = trustProxy > 0 ? String(req.headers["x-forwarded-for"] ?? "").split(",") : [];
  const chain = [...forwarded.map((s) => s.trim()).filter(Boolean), req.socket.remoteAddress ?? ""];
  const ip = chain[Math.max(0, chain.length - 1 - trustProxy)];
  return ip.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
}

/** Headers only a proxy of ours may set: without one, a client's own are dropped, so that Next,
 * Auth.js and Postern see the host and scheme the connection really has (lib/http/request-origin.ts). */
const FORWARDED_HEADERS = ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "forwarded"];

// Request timing, id and log line (lib/observability/observe-request.ts, set up by instrumentation.ts).
const OBSERVER = Symbol.for("postern.observeRequest");

async function serve() {
  process.env.NEXT_TELEMETRY_DISABLED ??= "1";
  const app = next({ dev, hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();

  const liveStreams = new Set();
  const server = http.createServer((req, res) => {
    if (trustProxy === 0) for (const name of FORWARDED_HEADERS) delete req.headers[name];
    req.headers["x-postern-client-ip"] = clientIp(req);
    if (LIVE_STREAM.test(req.url ?? "")) {
      liveStreams.add(res);
      res.once("close", () => liveStreams.delete(res));
    }
    globalThis[OBSERVER]?.(req, res);
    handle(req, res);
  });
  server.listen(port, hostname, () => {
    const who = cluster.isWorker ? ` (worker ${cluster.worker.id}, pid ${process.pid})` : "";
    console.log(`Postern ready on http://${hostname}:${port}${dev ? " (development)" : ""}${who}`);
  });

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    // No new connections; idle keep-alive ones close now, busy ones after their response.
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    for (const res of liveStreams) res.destroy();
    setTimeout(() => {
      server.closeAllConnections();
      process.exit(0);
    }, DRAIN_MS).unref();
  };
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, stop);
}

/** Waits before replacing a worker, by how many died in a row within 30 s of their start: a crash
 * loop (a bad config, the port taken) must not fork as fast as the CPU allows. */
const RESTART_DELAYS_MS = [0, 0, 1_000, 5_000, 30_000];

function supervise() {
  let stopping = false;
  let quickDeaths = 0;
  const startedAt = new Map();
  const fork = () => startedAt.set(cluster.fork().id, Date.now());

  cluster.on("exit", (worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker.id) ?? 0);
    startedAt.delete(worker.id);
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    quickDeaths = lived < 30_000 ? quickDeaths + 1 : 0;
    const delay = RESTART_DELAYS_MS[Math.min(quickDeaths, RESTART_DELAYS_MS.length - 1)];
    console.error(`Postern worker ${worker.id} (pid ${worker.process.pid}) died (${signal ?? `exit ${code}`}); starting another${delay ? ` in ${delay / 1000} s` : ""}`);
    setTimeout(() => stopping || fork(), delay);
  });

  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    const running = Object.values(cluster.workers ?? {});
    if (running.length === 0) process.exit(0);
    for (const worker of running) worker.process.kill(signal);
    // A worker drains for DRAIN_MS; one that hangs past that is not waited for.
    setTimeout(() => {
      for (const worker of Object.values(cluster.workers ?? {})) worker.process.kill("SIGKILL");
      process.exit(1);
    }, DRAIN_MS + 5_000).unref();
  };
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stop(signal));

  console.log(`Postern starting ${workers} workers on http://${hostname}:${port} (primary pid ${process.pid})`);
  for (let i = 0; i < workers; i++) fork();
}

if (workers > 1 && cluster.isPrimary && !dev) supervise();
else await serve();
