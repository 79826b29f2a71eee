// npm run bench:db (issue 19): the same work on Postern's two database engines in one run: the
// embedded SQLite default and the lab's PostgreSQL. Sign-in, INBOX page 1, spam classification and
// 50 simultaneous clicks on one read link (exactly one may reveal it), each in a process of its
// own per engine (bench/db-engines-child.ts), in the order SQLite, PostgreSQL, SQLite, PostgreSQL so
// that a burst of noise on the shared machine hits both; the better of each engine's two rounds.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT } from "./config";
import { configureLibForLab } from "./imap";
import { labInfo, labUp } from "./lab";
import type { Summary } from "./stats";

type Figures = { signIn: Summary; list: Summary; classify: Summary; raceMs: number; winners: number };
type Engine = "sqlite" | "postgresql";

const say = (s: string) => console.log(`bench:db: ${s}`);

function runChild(engine: Engine, env: NodeJS.ProcessEnv): Promise<Figures> {
  return new Promise((resolve, reject) => {
    const child = spawn("npx", ["--no-install", "tsx", "bench/db-engines-child.ts"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.on("error", reject);
    child.on("exit", (code) => {
      const last = out.trim().split("\n").at(-1) ?? "";
      if (code !== 0 || !last.startsWith("{")) reject(new Error(`${engine} run failed (exit ${code}): ${out.slice(-500)}`));
      else resolve(JSON.parse(last) as Figures);
    });
  });
}

const better = (a: Figures, b: Figures): Figures => ({
  signIn: a.signIn.p50 <= b.signIn.p50 ? a.signIn : b.signIn,
  list: a.list.p50 <= b.list.p50 ? a.list : b.list,
  classify: a.classify.p50 <= b.classify.p50 ? a.classify : b.classify,
  raceMs: Math.min(a.raceMs, b.raceMs),
  winners: Math.max(a.winners, b.winners),
});

async function main(): Promise<void> {
  const load = os.loadavg()[0];
  labUp();
  const lab = labInfo();
  configureLibForLab(lab);
  const pgDb = `postern_bench_${Date.now()}`;
  const pgUrl = execFileSync("bash", [path.join(ROOT, "mail-lab/pg"), "createdb", pgDb], { encoding: "utf8" }).trim();
  const dirs: string[] = [];
  const envFor = (engine: Engine): NodeJS.ProcessEnv => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `postern-bench-db-${engine}-`));
    dirs.push(dir);
    const env: NodeJS.ProcessEnv = { ...process.env, POSTERN_DATA_DIR: dir, NODE_ENV: "production" };
    if (engine === "postgresql") env.DATABASE_URL = pgUrl;
    else delete env.DATABASE_URL;
    return env;
  };
  try {
    const rounds: Record<Engine, Figures[]> = { sqlite: [], postgresql: [] };
    for (let round = 1; round <= 2; round++) {
      for (const engine of ["sqlite", "postgresql"] as const) {
        say(`round ${round}: ${engine}`);
        rounds[engine].push(await runChild(engine, envFor(engine)));
      }
    }
    const s = better(rounds.sqlite[0], rounds.sqlite[1]);
    const p = better(rounds.postgresql[0], rounds.postgresql[1]);
    const line = (name: string, a: number, b: number) => `| ${name} | ${a.toFixed(2)} | ${b.toFixed(2)} | ${(b / a).toFixed(2)}× |`;
    console.log(`\nPostern on SQLite vs PostgreSQL (p50 ms, the better of two rounds each; load average ${load.toFixed(2)} at the start)\n`);
    console.log("| step | SQLite | PostgreSQL | PostgreSQL / SQLite |");
    console.log("|---|---|---|---|");
    console.log(line("sign-in (IMAP login, limiter, session row)", s.signIn.p50, p.signIn.p50));
    console.log(line("INBOX page 1 (warm connection, spam-filing check)", s.list.p50, p.list.p50));
    console.log(line("spam: judge one message (trained learner)", s.classify.p50, p.classify.p50));
    console.log(line("read link: 50 simultaneous clicks, all answered", s.raceMs, p.raceMs));
    const winners = (f: Figures[]) => f.map((x) => x.winners).join(" and ");
    console.log(`\nRead link winners per round: SQLite ${winners(rounds.sqlite)}, PostgreSQL ${winners(rounds.postgresql)} (must be exactly 1 each).`);
    fs.writeFileSync(path.join(ROOT, "data/bench-db.json"), JSON.stringify({ loadAverage: load, rounds }, null, 2));
    if ([...rounds.sqlite, ...rounds.postgresql].some((f) => f.winners !== 1)) process.exitCode = 1;
  } finally {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
    execFileSync("bash", [path.join(ROOT, "mail-lab/pg"), "dropdb", pgDb], { stdio: "ignore" });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
