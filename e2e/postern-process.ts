import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");

export type PosternProcess = { url: string; pid: number; kill: (signal?: NodeJS.Signals) => Promise<void>; /** its stdout and stderr so far */ output: () => string };

/**
 * Another Postern server (the same build as the e2e one) on its own port and data directory, for
 * journeys that restart or reconfigure it. Resolves once it answers; `kill` waits for it to exit.
 */
export async function startPostern(opts: { port: number; dataDir: string; env?: Record<string, string> }): Promise<PosternProcess> {
  const child: ChildProcess = spawn(process.execPath, ["server.mjs"], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      PORT: String(opts.port),
      HOST: "127.0.0.1",
      WORKERS: "1",
      NEXT_TELEMETRY_DISABLED: "1",
      POSTERN_DATA_DIR: path.join(ROOT, opts.dataDir),
      MAIL_CA_FILE: path.join(ROOT, "data/lab/ssl/cert.pem"),
      IMAP_PORT: process.env.LAB_IMAP_PORT ?? "3143",
      SMTP_PORT: process.env.LAB_SUBMISSION_PORT ?? "3587",
      SIEVE_PORT: process.env.LAB_SIEVE_PORT ?? "4190",
      ...opts.env,
    },
  });
  let log = "";
  child.stdout?.on("data", (d: Buffer) => (log += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (log += d.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${opts.port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Postern exited at start:\n${log}`);
    const res = await fetch(`${url}/login`).catch(() => null);
    if (res?.ok) break;
    if (Date.now() > deadline) throw new Error(`Postern did not answer on ${url} within 60 s:\n${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    pid: child.pid!,
    output: () => log,
    kill: async (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
