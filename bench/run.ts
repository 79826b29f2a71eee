// npm run bench: measures Postern against the mail lab and prints/writes a table in which every
// figure is compared with a baseline measured in the same run (see BENCHMARKS.md for the method).
// Order matters: the library-level case 3 runs before the server starts; the memory case runs on a
// fresh server and signs in the sessions the concurrency case uses last; the server is always
// stopped, also on failure.
import path from "node:path";
import { execFileSync } from "node:child_process";
import type { ImapFlow } from "imapflow";
import { getPool } from "@/lib/imap/session-pool";
import os from "node:os";
import { Browser, listPath } from "./browser";
import { concurrency } from "./cases/concurrency";
import { folderScale } from "./cases/folder-scale";
import { idleMemory } from "./cases/idle-memory";
import { listOverhead } from "./cases/list-overhead";
import { downloadHttp, downloadLarge } from "./cases/download-large";
import { openHttp } from "./cases/open-http";
import { browserPaint } from "./cases/browser-paint";
import { newsPage } from "./cases/news-page";
import { openLarge } from "./cases/open-large";
import { rowDecoding } from "./cases/row-decoding";
import { signInRush } from "./cases/signin-rush";
import { threading } from "./cases/threading";
import { unifiedInbox } from "./cases/unified-inbox";
import { pageWeight } from "./cases/page-weight";
import { BIG_FOLDER, browserAddress, LARGE_MESSAGE_FOLDER, CONCURRENCY_LEVELS, CONCURRENCY_SECONDS, LOAD_USER, PREFERRED_PORT, RESULTS_FILE, ROOT } from "./config";
import { ensureBenchData, largeMessageUid } from "./fixtures";
import { configureLibForLab, loadIdentity, rawConnection } from "./imap";
import { labInfo, labUp } from "./lab";
import { freePort, startPostern, type RunningServer } from "./postern-server";
import { machineFacts, textTable, writeResults } from "./report";
import type { Row } from "./report-types";

const say = (s: string) => console.log(`bench: ${s}`);

/** BENCH_CASES=1,2 runs only those cases (all by default), e.g. to profile one of them. */
const only = new Set((process.env.BENCH_CASES ?? "").split(",").map((s) => s.trim()).filter(Boolean).map(Number));
const want = (k: number) => only.size === 0 || only.has(k);

async function signedIn(origin: URL, addressIndex: number): Promise<Browser> {
  const b = new Browser(origin, browserAddress(addressIndex));
  await b.signIn(LOAD_USER.email, LOAD_USER.password);
  return b;
}

async function measureIdleMemory(server: RunningServer, dovecotPid: ReturnType<typeof labInfo>["dovecotPid"]) {
  const sessions = Math.max(...CONCURRENCY_LEVELS);
  say(`5: memory of ${sessions} idle signed-in sessions`);
  return idleMemory({ server, dovecotPid, count: sessions, firstAddress: 10 });
}

async function main(): Promise<void> {
  const started = Date.now();
  // other people's builds and tests share this machine: record how busy it was
  const loadAverage = os.loadavg()[0];
  execFileSync("bash", ["scripts/build-if-needed.sh"], { cwd: ROOT, stdio: "inherit" });
  labUp();
  const lab = labInfo();
  configureLibForLab(lab);
  say("checking the bench data of load@example.test");
  // the news case (8) reads the lab's news groups only: no need to load 100k messages for it
  const prepared = [1, 2, 3, 4, 5, 6, 9, 11, 12].some(want) ? await ensureBenchData(rawConnection) : [];
  for (const p of prepared) say(`loaded ${p}`);

  const results: Record<string, Row[]> = {};
  if (want(10)) {
    say("10: JavaScript of a page's first load, from the production build");
    results[10] = pageWeight(path.join(ROOT, ".next"));
  }
  const browsers: Browser[] = [];
  let raw: ImapFlow | undefined;
  let server: RunningServer | undefined;
  const stopAll = async () => {
    for (const b of browsers) b.close();
    await server?.stop();
    await raw?.logout().catch(() => raw?.close());
    await getPool().closeAll();
  };
  process.once("SIGINT", () => void stopAll().finally(() => process.exit(130)));
  try {
    raw = await rawConnection();
    if (want(3)) {
      say("3: opening the 20 MB message (library level)");
      const uid = await largeMessageUid(raw);
      results[3] = await openLarge({ identity: loadIdentity("open", "127.0.3.3"), raw, uid });
      say("3c: downloading its 20 MB attachment (library level)");
      results[3].push(...(await downloadLarge({ identity: loadIdentity("download", "127.0.3.4"), raw, folder: LARGE_MESSAGE_FOLDER, uid })));
    }
    if (want(1)) {
      say("1g: building list rows, defensive row code vs the code before it (library level)");
      results[7] = await rowDecoding(raw);
    }
    if (want(6)) {
      say("6: threading the 100k folder vs the 1k folder, THREAD and JWZ (library level)");
      results[6] = await threading({ big: loadIdentity("threads-big", "127.0.3.6"), small: loadIdentity("threads-small", "127.0.3.7") });
    }
    if (want(9)) {
      say("9: unified inbox page 1 over 100k, 10k and 1k mailboxes vs one mailbox's page 1 (library level)");
      const id = (name: string, n: number) => loadIdentity(`unified-${name}`, `127.0.3.${20 + n}`);
      results[9] = await unifiedInbox({ sources: [id("100k", 0), id("10k", 1), id("1k", 2)], single: id("single", 3) });
    }
    if ([1, 2, 4, 5, 8, 11, 12].some(want)) {
      server = await startPostern(lab, await freePort(PREFERRED_PORT));
      say(`Postern started (pid ${server.pid}, ${server.origin.origin})`);
      const bigBrowser = await signedIn(server.origin, 0);
      const smallBrowser = await signedIn(server.origin, 1);
      const anonymous = new Browser(server.origin, browserAddress(2));
      browsers.push(bigBrowser, smallBrowser, anonymous);
      await bigBrowser.getJson(listPath(BIG_FOLDER.path, 1)); // loads the list route's code before memory is measured

      // case 4 reuses the sessions case 5 signs in
      const memory = want(5) || want(4) ? await measureIdleMemory(server, lab.dovecotPid) : undefined;
      if (memory) {
        browsers.push(...memory.browsers);
        if (want(5)) results[5] = memory.rows;
      }

      if (want(1)) {
        say("1: INBOX page 1, HTTP vs raw imapflow");
        results[1] = await listOverhead({
          browser: bigBrowser,
          anonymous,
          raw,
          libIdentity: loadIdentity("list", "127.0.3.1"),
          serverPid: server.pid,
        });
      }
      if (want(2)) {
        say("2: 100k folder vs 1k folder");
        results[2] = await folderScale({
          bigBrowser,
          smallBrowser,
          bigSearch: loadIdentity("search-big", "127.0.3.4"),
          smallSearch: loadIdentity("search-small", "127.0.3.5"),
        });
      }
      if (want(11)) {
        say("11: opening a 1 KB message of the 100k folder and downloading the 20 MB attachment, HTTP vs raw imapflow");
        results[11] = await openHttp({ browser: bigBrowser, raw });
        results[11].push(...(await downloadHttp({ browser: bigBrowser, raw, folder: LARGE_MESSAGE_FOLDER, uid: await largeMessageUid(raw) })));
      }
      if (want(12)) {
        say("12: click → message painted and back → list painted, in Chromium");
        results[12] = await browserPaint({ origin: server.origin });
      }
      if (want(8)) {
        say("8: news group page 1 of 10,000 articles, HTTP vs bare NNTP OVER");
        results[8] = await newsPage({ browser: bigBrowser, nntpPort: lab.nntpPort, caFile: lab.caCert });
      }
      if (want(4) && memory) {
        say(`4: ${CONCURRENCY_LEVELS.join(" and ")} concurrent sessions, ${CONCURRENCY_SECONDS} s each`);
        results[4] = await concurrency({
          browsers: memory.browsers,
          levels: CONCURRENCY_LEVELS,
          seconds: CONCURRENCY_SECONDS,
          serverPid: server.pid,
          dovecotPid: lab.dovecotPid,
        });
        // last: it leaves 200 more sessions with the 100k INBOX selected on Dovecot
        // BENCH_NO_RUSH=1: the closed loops alone (e.g. to profile them without 200 sign-ins)
        if (!process.env.BENCH_NO_RUSH) {
          say(`4r: ${Math.max(...CONCURRENCY_LEVELS)} browsers signing in at once`);
          const rush = await signInRush({ origin: server.origin, count: Math.max(...CONCURRENCY_LEVELS), firstAddress: 300, serverPid: server.pid, dovecotPid: lab.dovecotPid });
          browsers.push(...rush.browsers);
          results[4].push(...rush.rows);
        }
      }
    }
  } finally {
    await stopAll();
  }

  // results[7] holds row 1g (library level, run before the server), listed after case 1
  const rows = [1, 7, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12].flatMap((k) => results[k] ?? []);
  // Other suites restart the shared lab (e.g. the reconnect test): every connection then drops.
  const labRestarted = labInfo().dovecotPid !== lab.dovecotPid;
  const seconds = Math.round((Date.now() - started) / 1000);
  const machine = machineFacts();
  console.log("\n" + textTable(rows) + "\n");
  console.log(`machine: ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGiB} GiB, Node ${machine.node}, Dovecot ${machine.dovecot}`);
  console.log(`load average (1 min) at start ${loadAverage.toFixed(2)}, at end ${os.loadavg()[0].toFixed(2)}`);
  if (labRestarted) console.log("WARNING: Dovecot was restarted during the run (new master pid): run the bench again");
  writeResults(RESULTS_FILE, {
    startedAt: new Date(started).toISOString(),
    seconds,
    machine,
    loadAverage: { start: loadAverage, end: os.loadavg()[0] },
    labRestarted,
    prepared,
    rows,
  });
  say(`wrote ${RESULTS_FILE} (${seconds} s)`);
}

main().then(
  () => process.exit(0), // imapflow/undici timers must not keep a finished bench alive
  (e: unknown) => {
    console.error("bench failed:", e);
    process.exit(1);
  },
);
