import { spawn } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMPTY_CONTEXT } from "@/lib/compose/compose-types";
import { queueMessage } from "@/lib/compose/queue-message";
import type { ComposeSubmission } from "@/lib/compose/submission";
import { getDb } from "@/lib/db/client";
import { getConfig } from "@/lib/env";
import { getPool, type ImapIdentity } from "@/lib/imap/session-pool";
import { getQueued, undoQueued } from "@/lib/outbox/outbox";
import { LEASE_MS } from "@/lib/outbox/outbox-state";
import { claimJob, findDue } from "@/lib/outbox/outbox-store";
import { OutboxWorker } from "@/lib/outbox/outbox-worker";
import { runOutboxJob } from "@/lib/outbox/run-outbox-job";
import { buildMessage } from "@/lib/smtp/build-message";
import { fileSentMessage, type Submit } from "@/lib/smtp/send-message";
import { getSendLimit } from "@/lib/smtp/size-limit";
import { createSmtpTransport } from "@/lib/smtp/transport";
import { BOB, signInAs } from "./helpers";
import { findIn, removeMatching, waitFor } from "./lab-mailbox";
import { startTempfailSmtp } from "./tempfail-smtp";

// The shared outbox against the real lab: bob queues messages to carol; several outbox workers
// (in this process, and in child processes that are SIGKILLed at chosen moments) compete for
// them. What counts is what carol's INBOX, bob's Sent and bob's Drafts hold afterwards.
const CAROL = { email: "carol@example.test", password: "carol-pass" };
const TAG = crypto.randomBytes(4).toString("hex");
const ROOT = path.resolve(import.meta.dirname, "../..");

let bob: ImapIdentity;
let limit: number;

const submission = (subject: string, body = "hello"): ComposeSubmission => ({
  from: { name: "Bob Martin", address: BOB.email },
  to: "carol@example.test",
  cc: "",
  bcc: "",
  subject,
  body,
  kept: [],
  uploads: [],
  context: EMPTY_CONTEXT,
  draft: null,
});

/** A worker of a process that is gone: it queued the message and will never act on it. */
function goneWorker(): OutboxWorker {
  const w = new OutboxWorker();
  w.stop();
  return w;
}

/** Another process, looking once the lease of a dead one has run out (its clock a lease ahead). */
const afterLease = () => new OutboxWorker({ now: () => new Date(Date.now() + LEASE_MS + 1000) });

async function queue(subject: string, delayMs = 0) {
  const queued = await queueMessage(bob, submission(subject), { limit, delayMs }, goneWorker());
  if (!queued.ok) throw queued.error;
  return queued;
}

const row = (id: string) => getDb().outboxJob.findUniqueOrThrow({ where: { id } });

/** How many copies of `subject` carol received: counted after a later message arrived, so a
 * second copy submitted earlier would have arrived too. */
let barriers = 0;
async function deliveredToCarol(subject: string): Promise<number> {
  const barrier = `Barrier ${TAG} ${++barriers}`;
  const t = nodemailer.createTransport({ host: "127.0.0.1", port: getConfig().SMTP_PORT, ignoreTLS: true, auth: { user: BOB.email, pass: BOB.password } });
  await t.sendMail({ from: BOB.email, to: CAROL.email, subject: barrier, text: "barrier" });
  t.close();
  await waitFor(CAROL, "INBOX", barrier);
  return (await findIn(CAROL, "INBOX", subject)).length;
}

/** Runs outbox-child.ts in its own Node process; resolves when it has exited (or been killed). */
function child(mode: string, subject = ""): Promise<{ signal: NodeJS.Signals | null; code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    // node itself (with tsx's loader), not the tsx wrapper: the SIGKILL must end the process we watch.
    const p = spawn(process.execPath, ["--import", "tsx", "tests/integration/outbox-child.ts", mode, subject], {
      cwd: ROOT,
      env: process.env,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let stdout = "";
    p.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    p.on("error", reject);
    p.on("exit", (code, signal) => resolve({ code, signal, stdout }));
  });
}

beforeAll(async () => {
  bob = await signInAs(BOB);
  limit = await getSendLimit();
});
afterAll(async () => {
  await removeMatching(BOB, ["Sent", "Drafts"], TAG);
  await removeMatching(CAROL, ["INBOX"], TAG);
  await getPool().closeAll();
});

describe("shared outbox", () => {
  it("two outboxes racing for a due message: exactly one claims it, carol gets it once", async () => {
    const s = `Race ${TAG}`;
    const queued = await queue(s);
    const job = await row(queued.job.id);
    // At rest the row holds neither the password nor the text in clear.
    expect(job.credentials).not.toContain(BOB.password);
    expect(Buffer.from(job.payload as Uint8Array).includes(Buffer.from(s))).toBe(false);

    const workers = Array.from({ length: 4 }, () => new OutboxWorker());
    await Promise.all(workers.map((w) => w.tick()));
    expect(await row(queued.job.id)).toMatchObject({ state: "sent", attempts: 1, payload: null, credentials: null });
    expect(await deliveredToCarol(s)).toBe(1);
    expect(await findIn(BOB, "Sent", s)).toHaveLength(1);
    expect(await findIn(BOB, "Drafts", s)).toEqual([]);
  });

  it("the claim is a compare-and-swap: of 20 simultaneous claims one wins", async () => {
    const queued = await queue(`Claims ${TAG}`, 60_000);
    await getDb().outboxJob.update({ where: { id: queued.job.id }, data: { dueAt: new Date(Date.now() - 1) } });
    const [due] = (await findDue(new Date(), 50)).filter((j) => j.id === queued.job.id);
    const claims = await Promise.all(Array.from({ length: 20 }, () => claimJob(due!, new Date())));
    expect(claims.filter(Boolean)).toHaveLength(1);
    await runOutboxJob(claims.find(Boolean)!);
    expect((await row(queued.job.id)).state).toBe("sent");
  });

  it("the process that queued it is killed during the wait: another process sends it, once", async () => {
    const s = `Orphan ${TAG}`;
    const died = await child("queue-then-die", s);
    expect(died.signal).toBe("SIGKILL");
    const { id } = JSON.parse(died.stdout) as { id: string };
    expect((await row(id)).state).toBe("waiting");
    const survivor = new OutboxWorker();
    await expect.poll(async () => (await survivor.tick(), (await getQueued(id, BOB.email))?.state), { timeout: 20_000, interval: 200 }).toBe("sent");
    expect(await deliveredToCarol(s)).toBe(1);
    expect(await findIn(BOB, "Sent", s)).toHaveLength(1);
  });

  it("a process killed while sending holds it only until its lease ends; then another sends it, once", async () => {
    const s = `Killed mid-send ${TAG}`;
    const queued = await queue(s);
    expect((await child("die-while-sending")).signal).toBe("SIGKILL");
    expect(await row(queued.job.id)).toMatchObject({ state: "sending", attempts: 1, acceptedAt: null });
    await new OutboxWorker().tick(); // the lease still holds: nobody else may touch it
    expect((await row(queued.job.id)).attempts).toBe(1);
    await afterLease().tick();
    expect(await row(queued.job.id)).toMatchObject({ state: "sent", attempts: 2 });
    expect(await deliveredToCarol(s)).toBe(1);
  });

  it("a crash between the server's acceptance and the Sent copy: the retry files it and never sends it again", async () => {
    const s = `Accepted then crashed ${TAG}`;
    const queued = await queue(s);
    expect((await child("die-after-accept")).signal).toBe("SIGKILL");
    const crashed = await row(queued.job.id);
    expect(crashed.state).toBe("accepted");
    expect(crashed.acceptedAt).not.toBeNull();
    expect(crashed.messageId).toMatch(/^<.+@example\.test>$/);
    expect(await findIn(BOB, "Sent", s)).toEqual([]);
    expect(await findIn(BOB, "Drafts", s)).toHaveLength(1);
    await waitFor(CAROL, "INBOX", s);

    await afterLease().tick();
    expect(await row(queued.job.id)).toMatchObject({ state: "sent", attempts: 2 });
    expect(await getQueued(queued.job.id, BOB.email)).toMatchObject({ state: "sent", warnings: [] });
    expect(await deliveredToCarol(s)).toBe(1);
    const sent = await findIn(BOB, "Sent", s);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.source.toString()).toContain(crashed.messageId);
    expect(await findIn(BOB, "Drafts", s)).toEqual([]);
  });

  it("filing again after a crash that came after the Sent copy finds that copy instead of adding a second", async () => {
    const s = `Filed twice ${TAG}`;
    const built = await buildMessage({ from: { name: "Bob", address: BOB.email }, to: [{ name: "", address: CAROL.email }], cc: [], bcc: [], subject: s, text: "x", attachments: [] });
    const first = await fileSentMessage(bob, built, { rejected: [], resumed: true });
    const again = await fileSentMessage(bob, built, { rejected: [], resumed: true });
    expect(again.sentCopy).toEqual(first.sentCopy);
    expect(await findIn(BOB, "Sent", s)).toHaveLength(1);
  });

  it("undo cancels a waiting message at once; once a process has claimed it, it is too late", async () => {
    const waiting = await queue(`Undo ${TAG}`, 60_000);
    expect((await undoQueued(waiting.job.id, BOB.email)).state).toBe("cancelled");
    expect((await undoQueued(waiting.job.id, BOB.email)).state).toBe("cancelled");
    await expect(undoQueued(waiting.job.id, "mallory@example.test")).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await row(waiting.job.id)).toMatchObject({ payload: null, credentials: null, dueAt: null });

    const s = `Too late ${TAG}`;
    const going = await queue(s);
    const [due] = (await findDue(new Date(), 50)).filter((j) => j.id === going.job.id);
    const claim = await claimJob(due!, new Date());
    await expect(undoQueued(going.job.id, BOB.email)).rejects.toMatchObject({ code: "CONFLICT" });
    await runOutboxJob(claim!);
    expect(await deliveredToCarol(s)).toBe(1);
  });
});

describe("a send that fails", () => {
  it("a temporary failure (454 while the server's sign-in backend is down) says 'try again later' and keeps the draft", async () => {
    const server = await startTempfailSmtp();
    const viaTempfail: Submit = async (creds, built) => {
      const t = createSmtpTransport({ ...getConfig(), SMTP_PORT: server.port, SMTP_TLS: "none" }, creds);
      try {
        return await t.sendMail({ envelope: built.envelope, raw: built.wire });
      } finally {
        t.close();
      }
    };
    try {
      const s = `Tempfail ${TAG}`;
      const queued = await queue(s);
      await new OutboxWorker({ submit: viaTempfail }).tick();
      const job = await getQueued(queued.job.id, BOB.email);
      expect(job).toMatchObject({ state: "failed", error: { code: "SMTP_UNAVAILABLE" } });
      expect(job?.error?.message).toMatch(/temporary failure\). Please try again later/);
      expect(job?.error?.message).toContain("454 4.7.0 Temporary authentication failure");
      expect(job?.error?.message).not.toMatch(/authentication failed/);
      expect((await findIn(BOB, "Drafts", s)).map((d) => d.uid)).toEqual([queued.job.draft.uid]);
      expect(await findIn(BOB, "Sent", s)).toEqual([]);
      expect(await row(queued.job.id)).toMatchObject({ payload: null, credentials: null });
    } finally {
      await server.close();
    }
  });
});
