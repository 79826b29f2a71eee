import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { getConfig } from "@/lib/env";
import { mailTlsSettings } from "@/lib/imap/connection-options";
import { getPool } from "@/lib/imap/session-pool";
import { NO_FILTERS, NO_VACATION, type Filters } from "@/lib/sieve/filter-rules";
import { loadFilters, POSTERN_SCRIPT, saveFilters } from "@/lib/sieve/filter-store";
import { ManageSieveClient } from "@/lib/sieve/managesieve-client";
import { createSmtpTransport } from "@/lib/smtp/transport";
import { uidsBySubject } from "@/tests/fixtures/mailbox-by-subject";
import { BOB, signInAs } from "./helpers";
import { raw } from "./lab-mailbox";

// Postern uploads carol's filters with ManageSieve; bob's mail then goes through the lab's real
// Postfix and Dovecot LMTP, which runs the script at delivery. (carol, not alice: later files count
// alice's seeded INBOX.)
const CAROL = { email: "carol@example.test", password: "carol-pass" };
const TAG = crypto.randomBytes(4).toString("hex");
const root = path.resolve(import.meta.dirname, "../..");

function sieveAs(user: { email: string; password: string }): Promise<ManageSieveClient> {
  const config = getConfig();
  return ManageSieveClient.connect({
    host: config.IMAP_HOST,
    port: config.SIEVE_PORT,
    security: "starttls",
    tls: mailTlsSettings(config),
    user: user.email,
    pass: user.password,
  });
}

/** Leaves no script behind: later files expect plain delivery to INBOX. */
async function removeScripts(user: { email: string; password: string }): Promise<void> {
  const c = await sieveAs(user);
  await c.setActive("");
  for (const s of await c.listScripts()) await c.deleteScript(s.name);
  await c.logout();
}

afterEach(() => removeScripts(CAROL));
afterAll(() => getPool().closeAll());

async function send(from: typeof BOB, to: string, subject: string): Promise<void> {
  const transport = createSmtpTransport(getConfig(), { user: from.email, pass: from.password });
  await transport.sendMail({ from: from.email, to, subject, text: "Filter test." });
  transport.close();
}

async function subjectsIn(user: typeof BOB, folder: string, text: string): Promise<string[]> {
  return raw(user, async (c) => {
    const uids = await uidsBySubject(c, folder, text);
    if (!uids.length) return [];
    const lock = await c.getMailboxLock(folder);
    try {
      const out: string[] = [];
      for await (const m of c.fetch(uids, { envelope: true }, { uid: true })) out.push(m.envelope?.subject ?? "");
      return out;
    } finally {
      lock.release();
    }
  });
}

/** Delivery is asynchronous (Postfix queue, then LMTP): poll with a deadline, no fixed sleeps. */
async function waitUntil(what: string, cond: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let delay = 100; !(await cond()); delay = Math.min(delay * 2, 1000)) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, delay));
  }
}

const moveToArchive: Filters = {
  rules: [
    {
      name: "Reports to Archive",
      enabled: true,
      match: "all",
      conditions: [{ field: "subject", op: "contains", value: `report ${TAG}` }],
      actions: [{ type: "move", folder: "Archive" }, { type: "mark-read" }],
    },
  ],
  vacation: NO_VACATION,
};

describe("filters uploaded with ManageSieve", () => {
  it("files a delivered message into the rule's folder", async () => {
    const carol = await signInAs(CAROL);
    await saveFilters(carol, moveToArchive);
    expect(await loadFilters(carol)).toEqual({ filters: moveToArchive, active: true, foreign: null, script: expect.stringContaining("fileinto \"Archive\";") });

    await send(BOB, CAROL.email, `Weekly report ${TAG}`);
    await send(BOB, CAROL.email, `Lunch ${TAG}`);
    await waitUntil("the report in Archive", async () => (await subjectsIn(CAROL, "Archive", `report ${TAG}`)).length === 1);
    await waitUntil("lunch in INBOX", async () => (await subjectsIn(CAROL, "INBOX", `Lunch ${TAG}`)).length === 1);
    expect(await subjectsIn(CAROL, "INBOX", `report ${TAG}`)).toEqual([]);
  });

  it("shows a hand-written script read-only and keeps it on the server when Postern saves", async () => {
    const handWritten = 'require "fileinto";\r\nif header :contains "subject" "invoice" { fileinto "Archive"; }\r\n';
    const c = await sieveAs(CAROL);
    await c.putScript("mine", handWritten);
    await c.setActive("mine");
    await c.logout();

    const carol = await signInAs(CAROL);
    const before = await loadFilters(carol);
    expect(before).toEqual({ filters: NO_FILTERS, active: false, foreign: { name: "mine", script: handWritten, active: true }, script: null });

    await saveFilters(carol, moveToArchive);
    const after = await sieveAs(CAROL);
    const scripts = await after.listScripts();
    expect(scripts).toEqual(expect.arrayContaining([{ name: "mine", active: false }, { name: POSTERN_SCRIPT, active: true }]));
    expect(await after.getScript("mine")).toBe(handWritten);
    await after.logout();
  });

  it("rejects a rule the server cannot run with the server's reason", async () => {
    const carol = await signInAs(CAROL);
    // The route's schema would refuse this address; the server's check is the last line behind it.
    const bad: Filters = { ...moveToArchive, rules: [{ ...moveToArchive.rules[0], actions: [{ type: "redirect", to: "not an address" }] }] };
    await expect(saveFilters(carol, bad)).rejects.toMatchObject({ code: "SIEVE_REJECTED" });
  });

  it("sends a vacation reply once per sender", async () => {
    const carol = await signInAs(CAROL);
    const subject = `Away ${TAG}`;
    await saveFilters(carol, { rules: [], vacation: { enabled: true, subject, body: "Back next week.", start: null, end: null, days: 1 } });

    const log = path.join(root, "data/lab/log/dovecot.log");
    const logStart = fs.statSync(log).size;
    await send(BOB, CAROL.email, `Question one ${TAG}`);
    await waitUntil("bob's vacation reply", async () => (await subjectsIn(BOB, "INBOX", subject)).length === 1);
    await send(BOB, CAROL.email, `Question two ${TAG}`);
    // Sieve decides at delivery and says so in the log: once that line is there, no reply can come.
    await waitUntil("the second delivery", async () => (await subjectsIn(CAROL, "INBOX", `Question two ${TAG}`)).length === 1);
    await waitUntil("Sieve skipping the duplicate reply", async () =>
      fs.readFileSync(log).subarray(logStart).toString("utf8").includes("discarded duplicate vacation response to <bob@example.test>"),
    );
    expect(await subjectsIn(BOB, "INBOX", subject)).toHaveLength(1);
  });
});
