// One engine's half of `npm run bench:db` (bench/db-engines.ts), in a process of its own because
// Postern opens one database per process: DATABASE_URL (PostgreSQL) or POSTERN_DATA_DIR (SQLite)
// is set by the parent. Prints one JSON line of figures.
import crypto from "node:crypto";
import { performance } from "node:perf_hooks";
import { summarize } from "./stats";

const ALICE = { email: "alice@example.test", password: "alice-pass" };
const SIGN_INS = 20;
const LISTS = 40;
const CLICKS = 50;

async function timed<T>(n: number, run: (i: number) => Promise<T>): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await run(i);
    ms.push(performance.now() - t0);
  }
  return ms;
}

async function main(): Promise<void> {
  const { signIn } = await import("@/lib/auth/sign-in");
  const { listMessagesFilingSpam } = await import("@/lib/spam/file-new-mail");
  const { getPool } = await import("@/lib/imap/session-pool");
  const { createReadLink, openReadLink } = await import("@/lib/read-links/read-link-store");
  const { evaluateMessage } = await import("@/lib/spam/evaluate-message");
  const { trainLearner } = await import("@/lib/spam/learner");
  const { readSpamMessage } = await import("@/lib/spam/read-spam-message");
  const { tokenize } = await import("@/lib/spam/tokenize");
  const { stdlibCorpus } = await import("./spam/load-corpus");

  // sign-in: IMAP LOGIN plus the limiter's reads and writes and the session row
  const signIns = await timed(SIGN_INS, (i) => signIn({ ...ALICE, clientIp: `127.0.6.${i + 1}`, userAgent: "bench" }));
  const { session } = await signIn({ ...ALICE, clientIp: "127.0.6.200", userAgent: "bench" });
  const id = { sessionId: session.id, credentials: session.credentials, clientIp: session.clientIp };
  // list: INBOX page 1 with its spam-filing check (mark, settings) on a warm connection
  await listMessagesFilingSpam(id, ALICE.email, { folder: "INBOX", page: 1 });
  const lists = await timed(LISTS, () => listMessagesFilingSpam(id, ALICE.email, { folder: "INBOX", page: 1 }));

  // spam classify: a learner trained on 1,000 messages, 200 others judged (settings, lists, sender
  // history, the model's version check per message)
  const corpus = stdlibCorpus();
  const account = `bench-db-${crypto.randomUUID()}@example.test`;
  const read = async (raw: Buffer) => (await readSpamMessage(raw)).message;
  const train = await Promise.all(corpus.train.slice(0, 1000).map(async (m) => ({ tokens: tokenize(await read(m.raw)), label: m.label })));
  await trainLearner(account, train);
  const judged = await Promise.all(corpus.test.slice(0, 200).map((m) => read(m.raw)));
  await evaluateMessage(account, judged[0]);
  const classify = await timed(judged.length, (i) => evaluateMessage(account, judged[i]));

  // read link: 50 clicks on one link at once; exactly one may reveal it
  const from = { name: "Bench", address: account };
  const link = await createReadLink({
    id: crypto.randomUUID(),
    account,
    messageId: `<${crypto.randomUUID()}@example.test>`,
    recipient: "bob@example.test",
    sender: from,
    message: { from, to: [{ name: "", address: "bob@example.test" }], cc: [], date: new Date().toISOString(), subject: "Race", text: "x".repeat(2000), files: [] },
    expiresAt: new Date(Date.now() + 3_600_000),
  });
  const t0 = performance.now();
  const outcomes = await Promise.all(Array.from({ length: CLICKS }, () => openReadLink(link.token, { agent: "bench", ip: null })));
  const raceMs = performance.now() - t0;
  const winners = outcomes.filter((o) => o?.ok).length;

  await getPool().closeAll();
  console.log(JSON.stringify({ signIn: summarize(signIns), list: summarize(lists), classify: summarize(classify), raceMs, winners }));
  process.exit(0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
