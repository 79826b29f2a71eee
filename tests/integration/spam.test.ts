import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { listMessages } from "@/lib/imap/list-messages";
import { listQuerySchema } from "@/lib/imap/list-query";
import { connectImap, getPool, type ImapIdentity } from "@/lib/imap/session-pool";
import { EMPTY_CONTEXT } from "@/lib/compose/compose-types";
import { submitMessage } from "@/lib/compose/submit-message";
import { getSendLimit } from "@/lib/smtp/size-limit";
import { fileNewInboxMail, fileNewInboxMailBeforeOpening, listMessagesFilingSpam } from "@/lib/spam/file-new-mail";
import { filingJobRunning, runFilingJob } from "@/lib/spam/filing-job";
import { learnFromFolders, type LearnProgress } from "@/lib/spam/learn-from-folders";
import { addListEntry, claimVerdict, listEntries } from "@/lib/spam/spam-store";
import { markMessages } from "@/lib/spam/mark-messages";
import { setSetting } from "@/lib/settings/account-settings";
import { spamLearnerThreshold, spamUnsureThreshold } from "@/lib/spam/spam-settings";
import { messageSpamReport } from "@/lib/spam/message-report";
import { signInAs } from "./helpers";
import { waitFor } from "./lab-mailbox";

// sink's mailbox is emptied by the seed and used by no other test file; the filter's tables for
// sink are cleared first, so each run starts untrained.
const SINK = { email: "sink@example.test", password: "sink-pass" };
const TAG = `spam-${Date.now().toString(36)}`;
let sink: ImapIdentity;

const ham = (n: number) =>
  `From: Carol Diaz <carol@example.test>\r\nTo: sink@example.test\r\nSubject: Project meeting notes ${n} ${TAG}\r\nMessage-ID: <ham-${n}-${TAG}@example.test>\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\n\r\n` +
  `Hi, here are the notes from the project meeting. We agreed on the schedule for the release and the review of the draft. ` +
  `Please read the attached agenda before Thursday's meeting and send comments on the schedule.\r\nThanks, Carol\r\n`;

const spam = (n: number) =>
  `From: Best Pharmacy <deals${n}@pills.example>\r\nTo: sink@example.test\r\nSubject: CHEAP pills, best prices!!! ${n} ${TAG}\r\nMessage-ID: <spam-${n}-${TAG}@pills.example>\r\nDate: Mon, 2 Mar 2026 11:00:00 +0000\r\n` +
  `Content-Type: text/html; charset=utf-8\r\n\r\n` +
  `<html><body><p>CHEAP pills! Buy cheap Viagra now! Best prices, cheap meds, FREE shipping!!! Order now and save $$$ on cheap pills.</p>` +
  `<a href="http://pills.example/order?id=${n}">Order now</a> <p>Limited offer: buy now, cheap cheap cheap!</p></body></html>\r\n`;

async function append(messages: string[]): Promise<void> {
  const raw = await connectImap({ credentials: { user: SINK.email, pass: SINK.password }, clientIp: null });
  try {
    for (const m of messages) await raw.append("INBOX", m);
  } finally {
    await raw.logout();
  }
}

/** Appends one message to INBOX and gives its UID (UIDPLUS). */
async function appendOne(message: string): Promise<number> {
  const raw = await connectImap({ credentials: { user: SINK.email, pass: SINK.password }, clientIp: null });
  try {
    const r = await raw.append("INBOX", message);
    if (!r || !r.uid) throw new Error("the server did not give the appended message's UID");
    return r.uid;
  } finally {
    await raw.logout();
  }
}

async function find(folder: string, text: string): Promise<number[]> {
  const page = await listMessages(sink, { folder, page: 1 });
  return page.messages.filter((m) => m.subject.includes(text) && m.subject.includes(TAG)).map((m) => m.uid);
}

async function corpus() {
  return getDb().spamCorpus.findUnique({ where: { account: SINK.email } });
}

beforeAll(async () => {
  sink = await signInAs(SINK);
  const raw = await connectImap({ credentials: { user: SINK.email, pass: SINK.password }, clientIp: null });
  try {
    for (const folder of ["INBOX", "Junk"]) {
      const lock = await raw.getMailboxLock(folder);
      try {
        await raw.messageDelete("1:*");
      } finally {
        lock.release();
      }
    }
  } finally {
    await raw.logout();
  }
  const db = getDb();
  for (const table of [db.spamToken, db.spamWeight, db.spamModel, db.spamTrained, db.spamVerdict, db.spamSenderScore, db.spamListEntry] as { deleteMany(a: unknown): Promise<unknown> }[]) {
    await table.deleteMany({ where: { account: SINK.email } });
  }
  await db.spamCorpus.deleteMany({ where: { account: SINK.email } });
  await db.spamInboxMark.deleteMany({ where: { account: SINK.email } });
  await db.spamFilingJob.deleteMany({ where: { account: SINK.email } });
});
afterAll(() => getPool().closeAll());

describe("Spam and Not spam", () => {
  it("files nothing while the filter is untrained, and never mail that was there before", async () => {
    expect(await fileNewInboxMail(sink, SINK.email)).toEqual({ judged: 0, filed: 0, pending: false });
    await append([1, 2, 3, 4, 5, 6].map(ham));
    await append([1, 2, 3, 4, 5, 6].map(spam));
    const first = await fileNewInboxMail(sink, SINK.email);
    expect(first.filed).toBe(0);
    expect(await find("INBOX", "CHEAP pills")).toHaveLength(6);
  });

  it("files a blacklisted sender's mail even before the filter learned anything", async () => {
    await addListEntry(SINK.email, { kind: "block", pattern: "blocked.example" });
    await append([`From: x@news.blocked.example\r\nTo: sink@example.test\r\nSubject: Blocked ${TAG}\r\nMessage-ID: <blocked-${TAG}@x>\r\n\r\nhello\r\n`]);
    expect(await fileNewInboxMail(sink, SINK.email)).toMatchObject({ judged: 1, filed: 1 });
    expect(await find("Junk", "Blocked")).toHaveLength(1);
    expect(await corpus()).toBeNull();
  });

  it("learns good mail marked in INBOX without moving it", async () => {
    const uids = await find("INBOX", "Project meeting");
    const r = await markMessages(sink, SINK.email, { folder: "INBOX", selection: { uids }, label: "ham" });
    expect(r.training.learned).toBeGreaterThan(0);
    expect(await find("INBOX", "Project meeting")).toHaveLength(6);
    expect((await corpus())?.hamMessages).toBe(r.training.learned);
  });

  it('"Spam" moves the messages to Junk and trains them as spam', async () => {
    const uids = await find("INBOX", "CHEAP pills");
    const r = await markMessages(sink, SINK.email, { folder: "INBOX", selection: { uids }, label: "spam" });
    expect(r.moved.uids).toHaveLength(6);
    expect(await find("INBOX", "CHEAP pills")).toHaveLength(0);
    expect(await find("Junk", "CHEAP pills")).toHaveLength(6);
    expect((await corpus())?.spamMessages).toBe(r.training.learned);
    expect(r.training.learned).toBeGreaterThan(0);
  });

  it("files a similar message that arrives later to Junk, and leaves good mail in INBOX", async () => {
    await append([spam(7), ham(7)]);
    const r = await fileNewInboxMail(sink, SINK.email);
    expect(r).toMatchObject({ judged: 2, filed: 1 });
    expect(await find("Junk", "CHEAP pills, best prices!!! 7")).toHaveLength(1);
    expect(await find("INBOX", "Project meeting notes 7")).toHaveLength(1);
    // judged once: listing again does not judge it again
    expect((await fileNewInboxMail(sink, SINK.email)).judged).toBe(0);
    // the auto-whitelist keeps each sender's scores
    const carol = await getDb().spamSenderScore.findUnique({ where: { account_sender: { account: SINK.email, sender: "carol@example.test" } } });
    expect(carol?.count).toBe(1); // ham 7; hams 1-6 arrived before the filter had learned anything
    expect(carol!.scoreSum).toBeLessThan(0.5);
    const [uid] = await find("Junk", "CHEAP pills, best prices!!! 7");
    const why = await messageSpamReport(sink, SINK.email, "Junk", uid);
    expect(why.verdict).toMatchObject({ isSpam: true, filed: true });
    expect(why.score).toBeGreaterThan(why.threshold);
    expect(why.method).toBe("logistic");
    // the panel names the evidence that decided: features of this message, the strongest toward spam
    expect(why.learner!.evidence.length).toBeGreaterThan(0);
    expect(why.learner!.evidence[0].contribution).toBeGreaterThan(0);
  });

  it("a message the filter is unsure about stays in INBOX marked possibly spam; Not spam clears the mark and teaches it", async () => {
    // A band wide enough that a message of both kinds' words falls in it, whatever was learned.
    await setSetting(SINK.email, spamLearnerThreshold, 0.9999);
    await setSetting(SINK.email, spamUnsureThreshold, 0.001);
    try {
      const mixed = ham(30).replace("Project meeting notes 30", "Project meeting notes 30 CHEAP pills, best prices").replace(
        "Thanks, Carol",
        "Buy cheap pills now, best prices, FREE shipping. Thanks, Carol",
      );
      await append([mixed]);
      // the listing that judges it shows it marked at once
      const page = await listMessagesFilingSpam(sink, SINK.email, { folder: "INBOX", page: 1 });
      const row = page.messages.find((m) => m.subject.includes(`notes 30 CHEAP`));
      expect(row?.possiblySpam).toBe(true);
      const why = await messageSpamReport(sink, SINK.email, "INBOX", row!.uid);
      expect(why).toMatchObject({ unsure: true, isSpam: false });
      expect(why.verdict).toMatchObject({ unsure: true, filed: false });
      const r = await markMessages(sink, SINK.email, { folder: "INBOX", selection: { uids: [row!.uid] }, label: "ham" });
      expect(r.training.learned).toBe(1); // an unsure message is always learned, even in "mistakes" mode
      const after = (await listMessages(sink, { folder: "INBOX", page: 1 })).messages.find((m) => m.uid === row!.uid);
      expect(after?.possiblySpam).toBe(false);
    } finally {
      await getDb().accountSetting.deleteMany({ where: { account: SINK.email } });
    }
  });

  it("listing INBOX files new spam first: the page never shows it, and a listing with nothing new judges nothing", async () => {
    await append([spam(8), ham(8)]);
    const page = await listMessagesFilingSpam(sink, SINK.email, { folder: "INBOX", page: 1 });
    const subjects = page.messages.map((m) => m.subject);
    expect(subjects.filter((s) => s.includes(`CHEAP pills, best prices!!! 8 ${TAG}`))).toEqual([]);
    expect(subjects.filter((s) => s.includes(`Project meeting notes 8 ${TAG}`))).toHaveLength(1);
    expect(await find("Junk", "CHEAP pills, best prices!!! 8")).toHaveLength(1);
    // the page names the newest message, which has now been judged: the next listing judges nothing
    expect(page.newest?.uid).toBe(Math.max(...page.messages.map((m) => m.uid)));
    const again = await listMessagesFilingSpam(sink, SINK.email, { folder: "INBOX", page: 1 });
    expect(again.messages.map((m) => m.uid)).toEqual(page.messages.map((m) => m.uid));
    expect((await fileNewInboxMail(sink, SINK.email)).judged).toBe(0);
    // a page number past the end is answered with page 1 (this INBOX has one page), which files
    await append([spam(9)]);
    const clamped = await listMessagesFilingSpam(sink, SINK.email, { folder: "INBOX", page: 2 });
    expect(clamped.page).toBe(1);
    expect(clamped.messages.filter((m) => m.subject.includes(`CHEAP pills, best prices!!! 9 ${TAG}`))).toEqual([]);
    expect(await find("Junk", "CHEAP pills, best prices!!! 9")).toHaveLength(1);
    // a search can show new mail anywhere, so it files first
    await append([spam(10)]);
    const searched = await listMessagesFilingSpam(sink, SINK.email, { folder: "INBOX", page: 1, query: listQuerySchema.parse({ q: "CHEAP pills" }) });
    expect(searched.messages.filter((m) => m.subject.includes(`CHEAP pills, best prices!!! 10 ${TAG}`))).toEqual([]);
    expect(await find("Junk", "CHEAP pills, best prices!!! 10")).toHaveLength(1);
  });

  it("a page opening an INBOX message the filer has not judged files first; one it judged, not", async () => {
    const [judged] = await find("INBOX", "Project meeting notes 8");
    const fresh = await appendOne(spam(11));
    // judged before: the filer never moves it, so opening it needs no filing (nor any IMAP command)
    expect(await fileNewInboxMailBeforeOpening(sink, SINK.email, judged)).toBe(false);
    expect(await find("INBOX", "CHEAP pills, best prices!!! 11")).toEqual([fresh]);
    // above the mark: filed first, so the open finds it gone instead of showing spam as in INBOX
    expect(await fileNewInboxMailBeforeOpening(sink, SINK.email, fresh)).toBe(true);
    expect(await find("INBOX", "CHEAP pills, best prices!!! 11")).toEqual([]);
    expect(await find("Junk", "CHEAP pills, best prices!!! 11")).toHaveLength(1);
  });

  it('"Not spam" moves a message back to INBOX, un-trains it as spam and it stays there', async () => {
    const before = await corpus();
    const [uid] = await find("Junk", "CHEAP pills, best prices!!! 1 ");
    const r = await markMessages(sink, SINK.email, { folder: "Junk", selection: { uids: [uid] }, label: "ham" });
    expect(r.training.unlearned).toBe(1);
    expect((await corpus())?.spamMessages).toBe(before!.spamMessages - 1);
    const [back] = await find("INBOX", "CHEAP pills, best prices!!! 1 ");
    expect(back).toBeDefined();
    await fileNewInboxMail(sink, SINK.email);
    expect(await find("INBOX", "CHEAP pills, best prices!!! 1 ")).toEqual([back]);
    const why = await messageSpamReport(sink, SINK.email, "INBOX", back);
    expect(why.verdict?.isSpam).toBe(false);
  });

  it("an undo forgets what was learned and moves the messages back", async () => {
    const before = await corpus();
    const uids = await find("INBOX", "Project meeting notes 7");
    const judgedBefore = await messageSpamReport(sink, SINK.email, "INBOX", uids[0]);
    const r = await markMessages(sink, SINK.email, { folder: "INBOX", selection: { uids }, label: "spam" });
    const learned = r.training.learned;
    expect(learned).toBe(1); // good mail marked spam is a mistake the filter learns from
    const undo = await markMessages(sink, SINK.email, { folder: r.moved.folder, selection: { uids: r.moved.uids }, label: "none", to: "INBOX" });
    expect(undo.training.unlearned).toBe(learned);
    expect(await corpus()).toEqual(before);
    const [back] = await find("INBOX", "Project meeting notes 7");
    expect(back).toBeDefined();
    // the learner's weights are back where they were: the same message scores as before
    const judgedAfter = await messageSpamReport(sink, SINK.email, "INBOX", back);
    expect(judgedAfter.learner!.logOdds).toBeCloseTo(judgedBefore.learner!.logOdds, 3);
  });

  it("learns, once, a move into or out of Junk made in another mail program", async () => {
    const moveIn = async (from: string, uid: number, to: string) => {
      const raw = await connectImap({ credentials: { user: SINK.email, pass: SINK.password }, clientIp: null });
      try {
        const lock = await raw.getMailboxLock(from);
        try {
          await raw.messageMove(String(uid), to, { uid: true });
        } finally {
          lock.release();
        }
      } finally {
        await raw.logout();
      }
    };
    // Junk is looked at once before the move: what was there already is not the user's doing now
    await listMessagesFilingSpam(sink, SINK.email, { folder: "Junk", page: 1 });
    const before = await corpus();

    // good mail the filter left in INBOX, moved to Junk elsewhere: learned as spam when Junk is listed
    const [good] = await find("INBOX", "Project meeting notes 8");
    await moveIn("INBOX", good, "Junk");
    await listMessagesFilingSpam(sink, SINK.email, { folder: "Junk", page: 1 });
    expect((await corpus())?.spamMessages).toBe(before!.spamMessages + 1);
    const [inJunk] = await find("Junk", "Project meeting notes 8");
    expect((await messageSpamReport(sink, SINK.email, "Junk", inJunk)).learnedAs).toBe("spam");

    // spam Postern filed, moved back to INBOX elsewhere: learned as good mail and never filed again
    const [filed] = await find("Junk", "CHEAP pills, best prices!!! 8");
    await moveIn("Junk", filed, "INBOX");
    await listMessagesFilingSpam(sink, SINK.email, { folder: "INBOX", page: 1 });
    const [back] = await find("INBOX", "CHEAP pills, best prices!!! 8");
    expect(back).toBeDefined();
    const why = await messageSpamReport(sink, SINK.email, "INBOX", back);
    // the user's call now ("mistakes" mode: learned only if the filter would still call it spam)
    expect(why.verdict).toMatchObject({ byUser: true, isSpam: false, filed: false });
    expect(why.learnedAs === "ham" || !why.isSpam).toBe(true);

    // once: listing both folders again learns nothing more
    const after = await corpus();
    await listMessagesFilingSpam(sink, SINK.email, { folder: "Junk", page: 1 });
    await listMessagesFilingSpam(sink, SINK.email, { folder: "INBOX", page: 1 });
    expect(await corpus()).toEqual(after);
  });
});

describe("learning from folders and from sent mail", () => {
  it("learns INBOX as good mail and Junk as spam, skipping what it already knows, and reports progress", async () => {
    const progress: LearnProgress[] = [];
    const r = await learnFromFolders(sink, SINK.email, (p) => progress.push(p));
    expect(r.skipped).toBeGreaterThan(0);
    expect(r.ham + r.spam).toBeGreaterThan(0);
    for (const folder of ["INBOX", "Junk"]) {
      const last = progress.filter((p) => p.folder === folder).at(-1)!;
      expect(last.done).toBe(last.total);
    }
    // a second run finds nothing new
    expect(await learnFromFolders(sink, SINK.email, () => undefined)).toMatchObject({ spam: 0, ham: 0 });
  });

  it("whitelists the recipients of a message the user sends", async () => {
    const outcome = await submitMessage(
      sink,
      { from: { name: "", address: SINK.email }, to: "Sink <sink@example.test>", cc: "", bcc: "", subject: `Note to self ${TAG}`, body: "hi", kept: [], uploads: [], context: EMPTY_CONTEXT, draft: null },
      await getSendLimit(),
    );
    expect(outcome.ok).toBe(true);
    expect(await listEntries(SINK.email)).toContainEqual({ kind: "allow", pattern: "sink@example.test", source: "sent" });
  });
});

describe("several Postern processes (issue 19)", () => {
  it("two processes filing the same new mail at once judge and file each message once", async () => {
    // A second session has its own IMAP connection, as another process would; both start from the
    // mark in the shared database (each process caches its own).
    const other = await signInAs(SINK);
    await waitFor(SINK, "INBOX", `Note to self ${TAG}`); // the previous test's message: judged first
    await fileNewInboxMail(sink, SINK.email);
    const mark = await getDb().spamInboxMark.findUniqueOrThrow({ where: { account: SINK.email }, select: { uidValidity: true, lastUid: true } });
    const carolBefore = (await getDb().spamSenderScore.findUnique({ where: { account_sender: { account: SINK.email, sender: "carol@example.test" } } }))?.count ?? 0;
    const blocked = `From: y@news.blocked.example\r\nTo: sink@example.test\r\nSubject: Blocked again ${TAG}\r\nMessage-ID: <blocked-2-${TAG}@x>\r\n\r\nhello\r\n`;
    await append([blocked, ham(11)]);
    const [a, b] = await Promise.all([fileNewInboxMail(sink, SINK.email, mark), fileNewInboxMail(other, SINK.email, mark)]);
    expect(a.judged + b.judged).toBe(2);
    expect(a.filed + b.filed).toBe(1);
    expect(await find("Junk", "Blocked again")).toHaveLength(1);
    expect(await find("INBOX", "Project meeting notes 11")).toHaveLength(1);
    const carol = await getDb().spamSenderScore.findUnique({ where: { account_sender: { account: SINK.email, sender: "carol@example.test" } } });
    expect(carol?.count).toBe(carolBefore + 1); // her message counted once
  });

  it("of verdicts claimed at once for one message, exactly one is stored (the one that files it)", async () => {
    const key = `<claim-${TAG}@example.test>`;
    const verdict = { uid: 1, score: 0.99, isSpam: true, filed: true };
    const claims = await Promise.all(Array.from({ length: 10 }, () => claimVerdict(SINK.email, key, verdict)));
    expect(claims.filter(Boolean)).toHaveLength(1);
  });
});

describe("a flood of new mail (issue 20)", () => {
  const FLOOD = Array.from({ length: 70 }, (_, i) => 200 + i);
  const isSpamNumber = (n: number) => n % 2 === 0;

  it("a listing files one batch and answers; a background job files the rest, each message once", async () => {
    await fileNewInboxMail(sink, SINK.email); // nothing older left to judge
    const verdictsBefore = await getDb().spamVerdict.count({ where: { account: SINK.email } });
    await append(FLOOD.map((n) => (isSpamNumber(n) ? spam(n) : ham(n))));
    await listMessagesFilingSpam(sink, SINK.email, { folder: "INBOX", page: 1 });
    // the job goes on after the listing answered: wait for the flood's last spam to reach Junk
    await waitFor(SINK, "Junk", `CHEAP pills, best prices!!! ${FLOOD.at(-1)! - 1} ${TAG}`, 60_000);
    await expect.poll(() => filingJobRunning(SINK.email), { timeout: 30_000 }).toBe(false);
    const flood = async (folder: string) =>
      (await listMessages(sink, { folder, page: 1 })).messages.filter((m) => m.subject.includes(TAG) && / 2\d\d /.test(m.subject)).map((m) => m.subject);
    expect((await flood("Junk")).every((s) => s.startsWith("CHEAP pills"))).toBe(true);
    expect(await flood("Junk")).toHaveLength(35);
    expect((await flood("INBOX")).every((s) => s.startsWith("Project meeting notes"))).toBe(true);
    expect(await flood("INBOX")).toHaveLength(35);
    expect(await getDb().spamVerdict.count({ where: { account: SINK.email } })).toBe(verdictsBefore + 70);
    expect(await getDb().spamFilingJob.count({ where: { account: SINK.email } })).toBe(0);
  });

  it("while another process's job runs, a listing files nothing; once its claim lapses, the next one files", async () => {
    const db = getDb();
    await db.spamFilingJob.create({ data: { account: SINK.email, token: "another-process", until: new Date(Date.now() + 60_000) } });
    try {
      await append([spam(300)]);
      const page = await listMessagesFilingSpam(sink, SINK.email, { folder: "INBOX", page: 1 });
      expect(page.messages.filter((m) => m.subject.includes(`best prices!!! 300 ${TAG}`))).toHaveLength(1);
      expect(await runFilingJob(SINK.email, async () => ({ pending: false }))).toBe(false); // claimed elsewhere
      // that process died: its lease runs out, and the next listing files the message
      await db.spamFilingJob.update({ where: { account: SINK.email }, data: { until: new Date(Date.now() - 1) } });
      const next = await listMessagesFilingSpam(sink, SINK.email, { folder: "INBOX", page: 1 });
      expect(next.messages.filter((m) => m.subject.includes(`best prices!!! 300 ${TAG}`))).toEqual([]);
      expect(await find("Junk", "CHEAP pills, best prices!!! 300")).toHaveLength(1);
    } finally {
      await db.spamFilingJob.deleteMany({ where: { account: SINK.email } });
    }
  });
});
