// Issue 22: each added account has identities and settings of its own. alice adds bob's lab
// mailbox; its identities are stored apart from alice's and from bob's own (bob may sign in to
// Postern himself), mail written there goes out as one of them through bob's server, a
// confirmation link for another address goes out through bob's server too, and removing the
// account removes them with it.
import crypto from "node:crypto";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addAccount } from "@/lib/accounts/add-account";
import { accountIdentity } from "@/lib/accounts/account-identity";
import { listAccounts, removeAccount } from "@/lib/accounts/account-store";
import type { UserServer } from "@/lib/accounts/account-types";
import { identityKeysOf, identityMailbox } from "@/lib/accounts/identity-mailbox";
import { identityOwnerOf, mailAccountKey, settingKeysOf } from "@/lib/accounts/mailbox-owner";
import { readMailboxSettings, saveMailboxSettings } from "@/lib/accounts/mailbox-settings";
import { composeFormat } from "@/lib/compose/compose-settings";
import { EMPTY_CONTEXT } from "@/lib/compose/compose-types";
import { queueMessage } from "@/lib/compose/queue-message";
import { getDb } from "@/lib/db/client";
import { findIdentity, listIdentities, listSendingIdentities, saveIdentity } from "@/lib/identities/identity-store";
import { confirmVerification, sendIdentityVerification } from "@/lib/identities/identity-verification";
import { getQueued } from "@/lib/outbox/outbox";
import { OutboxWorker } from "@/lib/outbox/outbox-worker";
import { clearSetting, getLayeredSettings, setSetting } from "@/lib/settings/account-settings";
import { getSendLimit } from "@/lib/smtp/size-limit";
import { ALICE, BOB, freshIp, signInAs } from "./helpers";
import { findIn, removeMatching, waitFor } from "./lab-mailbox";

const CAROL = { email: "carol@example.test", password: "carol-pass" };
const imap: UserServer = { host: "localhost", port: Number(process.env.LAB_IMAP_PORT ?? 3143), security: "starttls" };
const smtp: UserServer = { host: "localhost", port: Number(process.env.LAB_SUBMISSION_PORT ?? 3587), security: "starttls" };
const TAG = crypto.randomBytes(4).toString("hex");
const CONFIRM = "Confirm this address for sending from Postern";

let session: { id: string; email: string; clientIp: string | null; credentials: { user: string; pass: string } };
let bobId: string;

async function removeAliceAccounts() {
  for (const a of await listAccounts(ALICE.email)) await removeAccount(ALICE.email, a.id);
}

beforeAll(async () => {
  await removeAliceAccounts();
  await removeMatching(CAROL, ["INBOX"], CONFIRM);
  const alice = await signInAs(ALICE);
  session = { id: alice.sessionId, email: ALICE.email, clientIp: alice.clientIp, credentials: alice.credentials };
  bobId = await addAccount(ALICE.email, { label: "Bob", user: BOB.email, pass: BOB.password, imap, smtp }, freshIp());
});

afterAll(async () => {
  await removeAliceAccounts();
  await clearSetting(ALICE.email, composeFormat);
  await removeMatching(CAROL, ["INBOX"], TAG);
  await removeMatching(CAROL, ["INBOX"], CONFIRM);
  await removeMatching(BOB, ["Sent", "Drafts"], TAG);
});

describe("an added account's identities", () => {
  it("are its own: alice's and bob's own identities never see them", async () => {
    const mailbox = await identityMailbox(session, bobId);
    expect(mailbox.owner).toEqual({ key: mailAccountKey(ALICE.email, bobId), login: BOB.email });
    // with none stored, the account sends as its login
    expect((await listSendingIdentities(mailbox.owner)).map((i) => i.address)).toEqual([BOB.email]);
    await saveIdentity(mailbox.owner, null, { name: `Bob at work ${TAG}`, address: BOB.email, replyTo: "", signature: `Bob\nWork ${TAG}`, isDefault: true });
    expect((await listIdentities(mailbox.owner)).map((i) => [i.name, i.verified])).toEqual([[`Bob at work ${TAG}`, true]]);
    expect((await listIdentities(ALICE.email)).some((i) => i.name.includes(TAG))).toBe(false);
    expect((await listIdentities(BOB.email)).some((i) => i.name.includes(TAG))).toBe(false);
  });

  it("is what mail written in the account goes out as, through its server", async () => {
    const other = await accountIdentity(session, bobId);
    const from = await findIdentity(identityOwnerOf(session, other), "");
    expect(from.name).toBe(`Bob at work ${TAG}`);
    const subject = `From bob's identity ${TAG}`;
    const idle = new OutboxWorker();
    idle.stop();
    const queued = await queueMessage(
      other,
      { from, to: CAROL.email, cc: "", bcc: "", subject, body: "hello", kept: [], uploads: [], context: EMPTY_CONTEXT, draft: null },
      { limit: await getSendLimit(), delayMs: 0 },
      idle,
    );
    if (!queued.ok) throw queued.error;
    await new OutboxWorker().tick();
    const got = await waitFor(CAROL, "INBOX", subject);
    expect(got.source.toString()).toMatch(new RegExp(`^From: "?Bob at work ${TAG}"? <bob@example\\.test>`, "im"));
    await expect.poll(async () => (await getQueued(queued.job.id, BOB.email))?.state, { timeout: 20_000 }).toBe("sent");
  });

  it("another address is confirmed by a link mailed from the account's login, good only for its owner", async () => {
    const mailbox = await identityMailbox(session, bobId);
    const alias = await saveIdentity(mailbox.owner, null, { name: "", address: CAROL.email, replyTo: "", signature: "", isDefault: false });
    expect(alias.verified).toBe(false);
    await sendIdentityVerification({ account: mailbox.owner.key, identityId: alias.id, baseUrl: "http://postern.test", ...mailbox.mailer });
    const mail = await simpleParser((await waitFor(CAROL, "INBOX", CONFIRM)).source);
    expect(mail.from?.value[0]?.address).toBe(BOB.email);
    const token = /verify\?token=([A-Za-z0-9_-]+)/.exec(mail.text ?? "")?.[1] ?? "";
    // bob, signed in to Postern himself, cannot confirm what alice's copy of his mailbox asked
    expect(await confirmVerification(await identityKeysOf(BOB.email), token)).toBeNull();
    expect(await confirmVerification(await identityKeysOf(ALICE.email), token)).toBe(CAROL.email);
    expect((await listSendingIdentities(mailbox.owner)).map((i) => i.address).sort()).toEqual([BOB.email, CAROL.email].sort());
  });
});

describe("an added account's settings", () => {
  it("follow alice's until set for the account, and leave hers alone", async () => {
    const other = await accountIdentity(session, bobId);
    await setSetting(ALICE.email, composeFormat, "plain");
    expect(await readMailboxSettings(ALICE.email, bobId)).toEqual({ format: "inherit", mdn: "inherit" });
    expect(await getLayeredSettings(settingKeysOf(session, other), [composeFormat] as const)).toEqual(["plain"]);
    await saveMailboxSettings(ALICE.email, bobId, { format: "html", mdn: "ask" });
    expect(await readMailboxSettings(ALICE.email, bobId)).toEqual({ format: "html", mdn: "ask" });
    expect(await getLayeredSettings(settingKeysOf(session, other), [composeFormat] as const)).toEqual(["html"]);
    expect(await getLayeredSettings(settingKeysOf(session), [composeFormat] as const)).toEqual(["plain"]);
    await expect(saveMailboxSettings(BOB.email, bobId, { format: "plain", mdn: "ignore" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("go with the account, as its identities do", async () => {
    const key = mailAccountKey(ALICE.email, bobId);
    expect(await getDb().identity.count({ where: { account: key } })).toBeGreaterThan(0);
    await removeAccount(ALICE.email, bobId);
    expect(await getDb().identity.count({ where: { account: key } })).toBe(0);
    expect(await getDb().accountSetting.count({ where: { account: key } })).toBe(0);
    expect((await findIn(BOB, "Sent", TAG)).length).toBe(1);
  });
});
