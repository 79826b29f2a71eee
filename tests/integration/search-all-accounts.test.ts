import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addAccount } from "@/lib/accounts/add-account";
import { listAccounts, removeAccount, saveAccount } from "@/lib/accounts/account-store";
import type { UserServer } from "@/lib/accounts/account-types";
import { mailboxSources } from "@/lib/accounts/mailbox-sources";
import { listMessages } from "@/lib/imap/list-messages";
import { searchAllAccounts, type AccountSearchResult } from "@/lib/imap/search-all-accounts";
import { getPool, type ImapIdentity } from "@/lib/imap/session-pool";
import { ALICE, BOB, freshIp, signInAs } from "./helpers";
import { raw, removeMatching } from "./lab-mailbox";

// Unified search (issue 22) through Postern's own path: alice's mailbox and bob's, added to hers
// as another account (typed "localhost", which the tests' INTERNAL_HOSTS allows), on the lab's Dovecot.
const imap: UserServer = { host: "localhost", port: Number(process.env.LAB_IMAP_PORT ?? 3143), security: "starttls" };
const smtp: UserServer = { host: "localhost", port: Number(process.env.LAB_SUBMISSION_PORT ?? 3587), security: "starttls" };
const tag = `unified-search-${Date.now()}`;
const message = (to: string, subject: string) =>
  `From: carol@example.test\r\nTo: ${to}\r\nSubject: ${subject}\r\nDate: ${new Date().toUTCString()}\r\nMessage-ID: <${Math.random().toString(36).slice(2)}@example.test>\r\n\r\nHello.\r\n`;

let alice: ImapIdentity;
let session: { id: string; email: string; clientIp: string | null };
let bobId: string;

async function removeAliceAccounts() {
  for (const a of await listAccounts(ALICE.email)) await removeAccount(ALICE.email, a.id);
}

async function collect(gen: AsyncGenerator<AccountSearchResult>): Promise<AccountSearchResult[]> {
  const out: AccountSearchResult[] = [];
  for await (const r of gen) out.push(r);
  return out;
}

beforeAll(async () => {
  await removeAliceAccounts();
  alice = await signInAs(ALICE);
  session = { id: alice.sessionId, email: ALICE.email, clientIp: alice.clientIp };
  await raw(ALICE, (c) => c.append("INBOX", message(ALICE.email, `Alice's ${tag}`)));
  await raw(BOB, (c) => c.append("INBOX", message(BOB.email, `Bob's ${tag}`)));
  await raw(BOB, (c) => c.append("Archive", message(BOB.email, `Bob's archived ${tag}`)).catch(() => c.append("Sent", message(BOB.email, `Bob's archived ${tag}`))));
  bobId = await addAccount(ALICE.email, { label: "Bob", user: BOB.email, pass: BOB.password, imap, smtp }, freshIp());
});

afterAll(async () => {
  await removeAliceAccounts();
  await removeMatching(ALICE, ["INBOX"], tag);
  await removeMatching(BOB, ["INBOX", "Archive", "Sent"], tag);
  await getPool().closeAll();
});

const finished = (rows: AccountSearchResult[]) => rows.filter((r) => r.status === "done" && r.total > 0) as Extract<AccountSearchResult, { status: "done" }>[];

describe("search in all accounts", () => {
  it("finds the matches of both mailboxes, each line naming its account and folder", async () => {
    const sources = await mapSources();
    const rows = await collect(searchAllAccounts(sources, { search: { subject: tag } }));
    const hits = finished(rows).map((r) => ({ account: r.account, folder: r.folder, subjects: r.messages.map((m) => m.subject).sort() }));
    expect(hits).toHaveLength(3);
    expect(hits).toContainEqual({ account: null, folder: "INBOX", subjects: [`Alice's ${tag}`] });
    expect(hits).toContainEqual({ account: bobId, folder: "INBOX", subjects: [`Bob's ${tag}`] });
    expect(hits.find((h) => h.subjects[0] === `Bob's archived ${tag}`)?.account).toBe(bobId);
    // every folder of both was searched, each announced before its result
    const own = rows.filter((r) => r.account === null && r.status === "searching").length;
    const bobs = rows.filter((r) => r.account === bobId && r.status === "searching").length;
    expect(own).toBeGreaterThanOrEqual(6);
    expect(bobs).toBeGreaterThanOrEqual(6);
    expect(rows.filter((r) => r.status === "done")).toHaveLength(own + bobs);
  });

  it("says which account could not be searched, and still searches the others", async () => {
    const gone = await saveAccount(ALICE.email, { label: "Gone", user: BOB.email, pass: BOB.password, imap: { ...imap, port: 1 }, smtp });
    try {
      const rows = await collect(searchAllAccounts(await mapSources(), { search: { subject: tag } }));
      expect(rows.filter((r) => r.status === "unavailable")).toMatchObject([{ account: gone, status: "unavailable", message: expect.stringMatching(/localhost:1 cannot be reached/), error: { code: expect.any(String) } }]);
      expect(finished(rows).map((r) => r.account).sort()).toEqual([bobId, bobId, null].sort());
    } finally {
      await removeAccount(ALICE.email, gone);
    }
  });

  it("stops every mailbox's search when cancelled, and both mailboxes work afterwards", async () => {
    const sources = await mapSources();
    const ctrl = new AbortController();
    const seen: AccountSearchResult[] = [];
    for await (const r of searchAllAccounts(sources, { search: { body: tag }, signal: ctrl.signal })) {
      seen.push(r);
      if (r.status === "done") ctrl.abort();
    }
    // after the first answer nothing more came: one folder done, at most one announced per mailbox
    expect(seen.filter((r) => r.status === "done")).toHaveLength(1);
    expect(seen.filter((r) => r.status === "searching").length).toBeLessThanOrEqual(3);
    const [own, bob] = sources;
    expect((await listMessages(own.identity, { folder: "INBOX", page: 1 })).total).toBeGreaterThan(0);
    expect((await listMessages(bob.identity, { folder: "INBOX", page: 1 })).total).toBeGreaterThan(0);
  });
});

function mapSources() {
  return mailboxSources(session, alice);
}
