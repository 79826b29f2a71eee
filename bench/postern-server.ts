import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { ROOT, SERVER_DATA_DIR, SERVER_LOG, SERVER_MEMORY_FILE } from "./config";
import type { LabInfo } from "./lab";

export type RunningServer = {
  pid: number;
  origin: URL;
  /** Full garbage collection in the server, then its process.memoryUsage() (bench/server-gc-hook.mjs). */
  collectGarbage: () => Promise<NodeJS.MemoryUsage>;
  stop: () => Promise<void>;
};

/** `preferred` if nothing listens there, else a port the kernel picks. */
export async function freePort(preferred: number): Promise<number> {
  const tryListen = (port: number) =>
    new Promise<number | null>((resolve) => {
      const srv = net.createServer();
      srv.once("error", () => resolve(null));
      srv.listen(port, "127.0.0.1", () => {
        const got = (srv.address() as net.AddressInfo).port;
        srv.close(() => resolve(got));
      });
    });
  return (await tryListen(preferred)) ?? (await tryListen(0))!;
}

/**
 * Starts the production build (`node server.mjs`) with its own data directory, so the bench's
 * sessions never mix with the demo's or the tests', and waits until /login answers. The caller
 * must call stop(), also on failure.
 */
export async function startPostern(lab: LabInfo, port: number): Promise<RunningServer> {
  fs.rmSync(SERVER_DATA_DIR, { recursive: true, force: true }); // sessions of an earlier run are useless
  fs.mkdirSync(SERVER_DATA_DIR, { recursive: true });
  const log = fs.openSync(SERVER_LOG, "w");
  // e.g. BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=data/bench/prof" to see where the time goes
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const gcHook = ["--expose-gc", `--import=${path.join(ROOT, "bench/server-gc-hook.mjs")}`];
  const child = spawn(process.execPath, [...gcHook, ...nodeArgs, path.join(ROOT, "server.mjs")], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      HOST: "127.0.0.1",
      PORT: String(port),
      // The cases measure one process (collectGarbage signals it directly); BENCH_WORKERS for more.
      WORKERS: process.env.BENCH_WORKERS ?? "1",
      POSTERN_DATA_DIR: SERVER_DATA_DIR,
      MAIL_CA_FILE: lab.caCert,
      IMAP_PORT: String(lab.imapPort),
      NNTP_PORT: String(lab.nntpPort),
      // 200 benchmark sessions plus a few: the default cap (200) would start closing the oldest.
      IMAP_MAX_CONNECTIONS: "500",
      BENCH_MEMORY_FILE: SERVER_MEMORY_FILE,
    },
    stdio: ["ignore", log, log],
  });
  fs.closeSync(log);
  const origin = new URL(`http://127.0.0.1:${port}`);
  const stop = () => stopChild(child);
  try {
    await waitForLogin(origin, child);
  } catch (e) {
    await stop();
    throw e;
  }
  const collectGarbage = async () => {
    fs.rmSync(SERVER_MEMORY_FILE, { force: true });
    child.kill("SIGUSR2");
    for (let i = 0; i < 100 && !fs.existsSync(SERVER_MEMORY_FILE); i++) await new Promise((r) => setTimeout(r, 50));
    return JSON.parse(fs.readFileSync(SERVER_MEMORY_FILE, "utf8")) as NodeJS.MemoryUsage;
  };
  return { pid: child.pid!, origin, stop, collectGarbage };
}

async function waitForLogin(origin: URL, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Postern exited with ${child.exitCode}; see ${SERVER_LOG}`);
    try {
      const res = await fetch(new URL("/login", origin));
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Postern did not answer /login within 90 s; see ${SERVER_LOG}`);
}

/** SIGTERM to our own child only (by its pid), SIGKILL if it has not exited after 5 s. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
