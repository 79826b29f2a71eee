import fs from "node:fs";
import path from "node:path";
import { buffer } from "node:stream/consumers";
import { ImapFlow } from "imapflow";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getConfig } from "@/lib/env";
import { connectImap, getPool, type ImapIdentity } from "@/lib/imap/session-pool";
import { downloadPart } from "@/lib/imap/download-part";
import { openMessage } from "@/lib/imap/open-message";
import { BOB, signInAs } from "./helpers";

const fixtures = path.resolve(import.meta.dirname, "../fixtures/mime");
let bob: ImapIdentity;
let uids: Record<string, number> = {};

// Damaged messages go to bob's INBOX (the seed empties it), APPENDed as they are.
beforeAll(async () => {
  bob = await signInAs(BOB);
  const raw: ImapFlow = await connectImap({ credentials: { user: BOB.email, pass: BOB.password }, clientIp: null });
  try {
    for (const name of ["bad-base64.eml", "missing-final-boundary.eml", "binary-garbage.eml"]) {
      const res = await raw.append("INBOX", fs.readFileSync(path.join(fixtures, name)));
      uids[name] = res && typeof res === "object" ? Number(res.uid) : NaN;
    }
  } finally {
    await raw.logout();
  }
  expect(getConfig().IMAP_PORT).toBeGreaterThan(0);
});
afterAll(() => getPool().closeAll());

describe("damaged messages from a real server", () => {
  it("still open, with what could be read and a note on what could not", async () => {
    for (const name of Object.keys(uids)) {
      const opened = await openMessage(bob, { folder: "INBOX", uid: uids[name] });
      expect(opened.message, name).not.toBeNull();
      expect(opened.message!.problems.length, name).toBeGreaterThan(0);
    }
  });

  it("a part with broken base64 still downloads (BINARY refused, plain fetch used)", async () => {
    const opened = await openMessage(bob, { folder: "INBOX", uid: uids["bad-base64.eml"] });
    const att = opened.message!.attachments[0];
    expect(att).toBeDefined();
    const part = await downloadPart(bob, { folder: "INBOX", uid: uids["bad-base64.eml"], part: att.partId });
    const bytes = await buffer(part.stream);
    expect(bytes.length).toBeGreaterThan(0);
  });
});
