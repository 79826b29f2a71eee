// npm run bench:scale (issue 19): row 4's closed-loop list load with one Postern process and with
// two (WORKERS=2, node:cluster), same sessions, same run; and one session's list request through
// the lab's nginx (deploy/nginx/postern.conf, TLS) against the same request straight to Postern.
// Ratios are within this run; the machine is shared, so the load average is printed with them.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import { startPostern as startProcess } from "../e2e/postern-process";
import { Browser, listPath } from "./browser";
import { describe, runLoad } from "./cases/concurrency";
import { BIG_FOLDER, browserAddress, CONCURRENCY_PAGES, CONCURRENCY_SECONDS, LOAD_USER, PREFERRED_PORT, ROOT, SERVER_LOG } from "./config";
import { ensureBenchData } from "./fixtures";
import { configureLibForLab, rawConnection } from "./imap";
import { labInfo, labUp, type LabInfo } from "./lab";
import { freePort, startPostern } from "./postern-server";
import { summarize } from "./stats";

const say = (s: string) => console.log(`bench:scale: ${s}`);
const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 200);
const NGINX_PORT = Number(process.env.LAB_NGINX_PORT ?? 3443);
const SEQUENTIAL_REQUESTS = Number(process.env.BENCH_NGINX_REQUESTS ?? 300);

async function signInMany(origin: URL, count: number, firstAddress: number, ca?: Buffer): Promise<Browser[]> {
  const browsers: Browser[] = [];
  for (let i = 0; i < count; i += 20) {
    const batch = Array.from({ length: Math.min(20, count - i) }, (_, k) => new Browser(origin, browserAddress(firstAddress + i + k), ca));
    await Promise.all(batch.map((b) => b.signIn(LOAD_USER.email, LOAD_USER.password)));
    browsers.push(...batch);
  }
  return browsers;
}

/** Row 4 at SESSIONS closed-loop sessions, with `workers` server processes. */
async function closedLoop(lab: LabInfo, workers: number) {
  process.env.BENCH_WORKERS = String(workers);
  const server = await startPostern(lab, await freePort(PREFERRED_PORT));
  const browsers: Browser[] = [];
  try {
    const ready = () => (fs.readFileSync(SERVER_LOG, "utf8").match(/Postern ready on/g) ?? []).length;
    for (const deadline = Date.now() + 120_000; ready() < workers; ) {
      if (Date.now() > deadline) throw new Error(`${ready()} of ${workers} workers ready after 120 s (${SERVER_LOG})`);
      await new Promise((r) => setTimeout(r, 200));
    }
    browsers.push(...(await signInMany(server.origin, SESSIONS, 10)));
    // every worker has loaded the list route and holds IMAP connections before the timed run
    await runLoad(browsers, 5, server.pid, null);
    return await runLoad(browsers, CONCURRENCY_SECONDS, server.pid, lab.dovecotPid);
  } finally {
    for (const b of browsers) b.close();
    await server.stop();
  }
}

/** One session, requests one after another, alternating direct and through nginx. */
async function throughNginx(lab: LabInfo) {
  const dataDir = "data/bench/nginx";
  fs.rmSync(dataDir, { recursive: true, force: true });
  // The production layout: two processes behind nginx, one SQLite file and key between them.
  const env = { TRUST_PROXY: "1", IMAP_PORT: String(lab.imapPort), MAIL_CA_FILE: lab.caCert };
  const servers = await Promise.all([1, 2].map((k) => startProcess({ port: NGINX_PORT + k, dataDir, env })));
  const ca = fs.readFileSync(lab.caCert);
  const direct = new Browser(new URL(servers[0].url), browserAddress(5));
  const proxied = new Browser(new URL(`https://127.0.0.1:${NGINX_PORT}`), browserAddress(6), ca);
  try {
    await direct.signIn(LOAD_USER.email, LOAD_USER.password);
    await proxied.signIn(LOAD_USER.email, LOAD_USER.password);
    const time = async (b: Browser, page: number) => {
      const t = performance.now();
      const res = await b.request("GET", listPath(BIG_FOLDER.path, page));
      if (res.status !== 200) throw new Error(`list: ${res.status}`);
      return performance.now() - t;
    };
    for (let i = 0; i < 20; i++) await Promise.all([time(direct, 1), time(proxied, 1)]); // warm both processes
    const d: number[] = [];
    const p: number[] = [];
    for (let i = 0; i < SEQUENTIAL_REQUESTS; i++) {
      const page = (i % CONCURRENCY_PAGES) + 1;
      d.push(await time(direct, page));
      p.push(await time(proxied, page));
    }
    return { direct: summarize(d), proxied: summarize(p) };
  } finally {
    direct.close();
    proxied.close();
    await Promise.all(servers.map((s) => s.kill()));
  }
}

async function main(): Promise<void> {
  const load = () => os.loadavg().map((l) => l.toFixed(1)).join(" / ");
  say(`load average at start (1/5/15 min): ${load()}`);
  execFileSync("bash", ["scripts/build-if-needed.sh"], { cwd: ROOT, stdio: "inherit" });
  labUp();
  const lab = labInfo();
  configureLibForLab(lab);
  for (const p of await ensureBenchData(rawConnection)) say(`loaded ${p}`);

  const only = process.env.BENCH_SCALE_CASES ?? "workers,nginx";
  if (only.includes("workers")) {
    const one = await closedLoop(lab, 1);
    say(`load average: ${load()}`);
    const two = await closedLoop(lab, 2);
    say(`load average: ${load()}`);
    const cpuMs = (r: typeof one) => (r.cores.postern * r.seconds * 1000) / Math.max(1, r.requests);
    console.log(`\n${SESSIONS} sessions, closed loop, ${CONCURRENCY_SECONDS} s, list pages of the 100k INBOX`);
    for (const [name, r] of [["1 process", one], ["WORKERS=2", two]] as const) {
      console.log(`  ${name}: ${r.perSecond.toFixed(0)}/s, p50 ${r.latency.p50.toFixed(0)} ms, p95 ${r.latency.p95.toFixed(0)} ms; ${describe(r)}`);
      console.log(`    per Postern core: ${(r.perSecond / Math.max(0.01, r.cores.postern)).toFixed(0)} requests/s; ${cpuMs(r).toFixed(2)} ms CPU per request`);
    }
    console.log(`  throughput ratio WORKERS=2 / 1: ${(two.perSecond / one.perSecond).toFixed(2)}x (target >= 1.7x)`);
  }
  if (only.includes("nginx")) {
    const r = await throughNginx(lab);
    say(`load average: ${load()}`);
    console.log(`\none session, ${SEQUENTIAL_REQUESTS} list requests each way, alternating`);
    console.log(`  direct: p50 ${r.direct.p50.toFixed(2)} ms, p95 ${r.direct.p95.toFixed(2)} ms`);
    console.log(`  through nginx (TLS, 2 upstreams): p50 ${r.proxied.p50.toFixed(2)} ms, p95 ${r.proxied.p95.toFixed(2)} ms`);
    console.log(`  added by nginx: p50 ${(r.proxied.p50 - r.direct.p50).toFixed(2)} ms`);
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
