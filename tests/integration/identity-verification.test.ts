// "Anyone can send as anyone" (issue 23): an identity whose address is not the login's is
// unusable until its owner confirms it by the link mailed to it. The link really goes through the
// lab's Postfix: any address outside example.test lands in the sink mailbox.
import crypto from "node:crypto";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMPTY_CONTEXT } from "@/lib/compose/compose-types";
import { submitMessage } from "@/lib/compose/submit-message";
import { resetConfigForTests } from "@/lib/env";
import { deleteIdentity, findIdentity, listIdentities, listSendingIdentities, saveIdentity } from "@/lib/identities/identity-store";
import { confirmVerification, sendIdentityVerification, VERIFY_TTL_MS } from "@/lib/identities/identity-verification";
import { isPosternError } from "@/lib/http/errors";
import type { ImapIdentity } from "@/lib/imap/session-pool";
import { getSendLimit } from "@/lib/smtp/size-limit";
import { ALICE, BOB, signInAs } from "./helpers";
import { findIn, removeMatching, waitFor } from "./lab-mailbox";

const SINK = { email: "sink@example.test", password: "sink-pass" };
const TAG = crypto.randomBytes(4).toString("hex");
const ALIAS = `alice-${TAG}@elsewhere.test`;
const SUBJECT = "Confirm this address for sending from Postern";
const credentials = { user: ALICE.email, pass: ALICE.password };
const BASE = "http://postern.test";
let alice: ImapIdentity;

async function removeAliceIdentities(): Promise<void> {
  for (const i of await listIdentities(ALICE.email)) if (i.id !== "account") await deleteIdentity(ALICE.email, i.id);
}

/** The token in the confirmation mail to `address` that the sink received (polled). */
async function mailedToken(address: string): Promise<string> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    for (const found of await findIn(SINK, "INBOX", SUBJECT)) {
      const mail = await simpleParser(found.source);
      if (mail.to && "value" in mail.to && mail.to.value[0]?.address === address) {
        const token = /verify\?token=([A-Za-z0-9_-]+)/.exec(mail.text ?? "")?.[1];
        if (token) return token;
      }
    }
    if (Date.now() > deadline) throw new Error(`no confirmation mail to ${address}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  await removeAliceIdentities();
  alice = await signInAs(ALICE);
});

afterAll(async () => {
  await removeAliceIdentities();
  await removeMatching(SINK, ["INBOX"], SUBJECT);
  await removeMatching(ALICE, ["Sent"], TAG);
  delete process.env.IDENTITY_ALLOWED_ADDRESSES;
  resetConfigForTests();
});

describe("identity verification", () => {
  let identityId = "";

  it("an identity with someone else's address is unverified and cannot be sent as", async () => {
    const saved = await saveIdentity(ALICE.email, null, { name: "Not Alice", address: ALIAS, replyTo: "", signature: "", isDefault: true });
    identityId = saved.id;
    expect(saved.verified).toBe(false);
    expect((await listIdentities(ALICE.email)).map((i) => [i.address, i.verified])).toEqual([[ALIAS, false]]);
    // Not offered as From; the default for sending falls back to the login address.
    expect((await listSendingIdentities(ALICE.email)).map((i) => i.address)).toEqual([ALICE.email]);
    expect((await findIdentity(ALICE.email, "")).address).toBe(ALICE.email);
    const refused = await findIdentity(ALICE.email, identityId).catch((e: unknown) => e);
    expect(isPosternError(refused) && refused.code).toBe("FORBIDDEN");
  });

  it("the confirmation link is mailed to the address; another account cannot use it, the owner can, once", async () => {
    await sendIdentityVerification({ account: ALICE.email, identityId, baseUrl: BASE, credentials });
    const token = await mailedToken(ALIAS);
    // Asking again at once is refused: each link is a mail to someone else.
    const again = await sendIdentityVerification({ account: ALICE.email, identityId, baseUrl: BASE, credentials }).catch((e: unknown) => e);
    expect(isPosternError(again) && again.code).toBe("RATE_LIMITED");

    expect(await confirmVerification(BOB.email, token)).toBeNull();
    expect(await confirmVerification(ALICE.email, token, new Date(Date.now() + VERIFY_TTL_MS + 60_000))).toBeNull();
    expect(await confirmVerification(ALICE.email, "x".repeat(43))).toBeNull();
    expect(await confirmVerification(ALICE.email, token)).toBe(ALIAS);
    expect(await confirmVerification(ALICE.email, token)).toBeNull();
    expect((await listIdentities(ALICE.email))[0]).toMatchObject({ address: ALIAS, verified: true });
  });

  it("a confirmed identity sends; changing its address needs a new confirmation", async () => {
    const as = await findIdentity(ALICE.email, identityId);
    const subject = `As alias ${TAG}`;
    const outcome = await submitMessage(
      alice,
      { from: { name: as.name, address: as.address }, to: BOB.email, cc: "", bcc: "", subject, body: "hello", kept: [], uploads: [], context: EMPTY_CONTEXT, draft: null },
      await getSendLimit(),
    );
    expect(outcome.ok).toBe(true);
    expect(await waitFor(ALICE, "Sent", subject)).toBeTruthy();

    const moved = await saveIdentity(ALICE.email, identityId, { name: "Not Alice", address: `other-${TAG}@elsewhere.test`, replyTo: "", signature: "", isDefault: true });
    expect(moved.verified).toBe(false);
    expect((await listIdentities(ALICE.email))[0].verified).toBe(false);
  });

  it("addresses the admin allows need no confirmation", async () => {
    process.env.IDENTITY_ALLOWED_ADDRESSES = "@%d, @corp.test";
    resetConfigForTests();
    const own = await saveIdentity(ALICE.email, null, { name: "", address: `alias-${TAG}@example.test`, replyTo: "", signature: "", isDefault: false });
    const corp = await saveIdentity(ALICE.email, null, { name: "", address: `a-${TAG}@corp.test`, replyTo: "", signature: "", isDefault: false });
    expect([own.verified, corp.verified]).toEqual([true, true]);
    expect((await findIdentity(ALICE.email, corp.id)).address).toBe(`a-${TAG}@corp.test`);
  });
});
