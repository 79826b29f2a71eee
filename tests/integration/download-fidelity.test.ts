import fs from "node:fs";
import path from "node:path";
import { buffer } from "node:stream/consumers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { downloadPart } from "@/lib/imap/download-part";
import { openMessage } from "@/lib/imap/open-message";
import { getPool, type ImapIdentity } from "@/lib/imap/session-pool";
import { parseMessage } from "@/lib/mime/parse-message";
import type { ParsedMessage } from "@/lib/mime/types";
import { BOB, signInAs } from "./helpers";
import { raw } from "./lab-mailbox";

// Issue 18: View source and .eml must be the stored message byte for byte, and every file the
// reader lists must download as exactly its decoded content, for every fixture structure (nested
// messages, digests, repaired boundaries, single parts). What Postern's own parser reads from the
// same bytes is the reference.
const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/mime");
const FOLDER = "Fidelity";
const names = fs.readdirSync(FIXTURES).filter((f) => f.endsWith(".eml")).sort();
const uids = new Map<string, number>();
let bob: ImapIdentity;

beforeAll(async () => {
  await raw(BOB, async (c) => {
    await c.mailboxCreate(FOLDER).catch(() => undefined);
    for (const name of names) {
      const res = await c.append(FOLDER, fs.readFileSync(path.join(FIXTURES, name)));
      uids.set(name, Number(res && typeof res === "object" ? res.uid : NaN));
    }
  });
  bob = await signInAs(BOB);
}, 120_000);

afterAll(async () => {
  await getPool().closeAll();
  await raw(BOB, (c) => c.mailboxDelete(FOLDER)).catch(() => undefined);
});

async function stored(uid: number): Promise<Buffer> {
  return raw(BOB, async (c) => {
    const lock = await c.getMailboxLock(FOLDER);
    try {
      const m = await c.fetchOne(String(uid), { source: true }, { uid: true });
      return m ? m.source! : Buffer.alloc(0);
    } finally {
      lock.release();
    }
  });
}

/** Every downloadable part the reader lists, attached messages' own files included. */
function listed(m: ParsedMessage): Array<{ partId: string; filename: string }> {
  const files = m.attachments.filter((a) => !a.member && !a.unpacked).map((a) => ({ partId: a.partId, filename: a.filename }));
  for (const am of m.attachedMessages ?? []) files.push({ partId: am.partId, filename: "attached message.eml" }, ...listed(am.message));
  return files;
}

/** An attached message that ends with its own closing boundary ("--inner--") is one CRLF longer
 * in Dovecot's BODY[n] than in mailparser's reading: RFC 2046 gives the CRLF before the outer
 * boundary to that boundary, Dovecot to the message's last line. Both are the same message. */
function sameContent(got: Buffer, expected: Buffer, filename: string): boolean {
  if (got.equals(expected)) return true;
  const crlf = Buffer.from("\r\n");
  return filename.endsWith(".eml") && got.length === expected.length + 2 && got.subarray(-2).equals(crlf) && got.subarray(0, -2).equals(expected);
}

describe("downloads are what the reader shows", () => {
  it.each(names)("%s: source is the stored message byte for byte", async (name) => {
    const uid = uids.get(name)!;
    const got = await buffer((await downloadPart(bob, { folder: FOLDER, uid })).stream);
    expect(got.equals(await stored(uid))).toBe(true);
  });

  it.each(names)("%s: each listed file downloads as its decoded content", async (name) => {
    const uid = uids.get(name)!;
    const opened = await openMessage(bob, { folder: FOLDER, uid, markSeen: false });
    const contents = new Map<string, Buffer>();
    await parseMessage(await stored(uid), { onPartContent: (partId, content) => contents.set(partId, content) });
    for (const file of listed(opened.message!)) {
      const expected = contents.get(file.partId);
      if (!expected) continue; // nested deeper than one parse reaches: covered by its own message
      const got = await buffer((await downloadPart(bob, { folder: FOLDER, uid, part: file.partId })).stream);
      expect(sameContent(got, expected, file.filename), `${name} part ${file.partId} (${file.filename}): ${got.length} bytes, expected ${expected.length}`).toBe(true);
    }
  });

  it("a structure Postern repaired downloads the picture it lists, not the server's part of that number", async () => {
    const uid = uids.get("wrong-boundary-attachment.eml")!;
    const opened = await openMessage(bob, { folder: FOLDER, uid, markSeen: false });
    const png = opened.message!.attachments.find((a) => a.filename === "dot.png")!;
    expect(png.size).toBe(70);
    const got = await buffer((await downloadPart(bob, { folder: FOLDER, uid, part: png.partId })).stream);
    expect(got.length).toBe(70);
    expect(got.subarray(1, 4).toString()).toBe("PNG");
  });

  it("a part that is not in the message is NOT_FOUND, not an empty file", async () => {
    const uid = uids.get("single-part-text.eml")!;
    await expect(downloadPart(bob, { folder: FOLDER, uid, part: "7.3" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
