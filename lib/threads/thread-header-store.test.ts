import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { useTempDatabase } from "@/tests/fixtures/temp-database";
import type { ThreadableMessage } from "./jwz";
import { DELTA_MIN, loadThreadHeaders, saveThreadHeaders } from "./thread-header-store";

// Stored in the database every process shares: a real one, with the real migrations.
useTempDatabase("thread-header-store");

const key = (n: number) => n.toString(16).padStart(16, "0");
const message = (uid: number): ThreadableMessage => ({
  id: uid,
  messageId: key(uid),
  inReplyTo: uid > 1 ? key(uid - 1) : null,
  references: uid > 1 ? [key(1), key(uid - 1)] : [],
  subject: "",
  date: 1_700_000_000_000 + uid,
  baseSubject: { base: key(7), isReply: uid > 1 },
});
const folder = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => message(from + i));
const uidsOf = (ms: readonly ThreadableMessage[] | undefined) => (ms ?? []).map((m) => m.id).sort((a, b) => a - b);
const row = () => getDb().threadHeaders.findUniqueOrThrow({ where: { account_folder: { account: "a@example.test", folder: "INBOX" } } });

describe("stored threading headers", () => {
  it("keeps small changes beside the full blob and rewrites it when they grow", async () => {
    const base = folder(1, 5_000);
    await saveThreadHeaders("A@example.test", "INBOX", "7", base);
    const blob = (await row()).headers;
    const first = await loadThreadHeaders("a@example.test", "INBOX", "7");
    expect(first?.messages).toEqual(base);

    // three arrive, two are deleted: only the change is written
    const changed = [...base.slice(2), ...folder(5_001, 5_003)];
    await saveThreadHeaders("a@example.test", "INBOX", "7", changed, first);
    const r = await row();
    expect(Buffer.from(r.headers).equals(Buffer.from(blob))).toBe(true);
    expect(r.added?.length).toBeLessThan(400);
    const second = await loadThreadHeaders("a@example.test", "INBOX", "7");
    expect(uidsOf(second?.messages)).toEqual(uidsOf(changed));
    expect(second?.messages.find((m) => m.id === 5_002)).toEqual(message(5_002));

    // past the bound, a new full blob without changes beside it
    const grown = [...changed, ...folder(5_004, 5_004 + DELTA_MIN)];
    await saveThreadHeaders("a@example.test", "INBOX", "7", grown, second);
    expect(await row()).toMatchObject({ added: null, gone: null, messages: grown.length });
    expect(uidsOf((await loadThreadHeaders("a@example.test", "INBOX", "7"))?.messages)).toEqual(uidsOf(grown));
  });

  it("forgets the folder's headers when its UIDVALIDITY changed", async () => {
    const stored = await loadThreadHeaders("a@example.test", "INBOX", "7");
    expect(await loadThreadHeaders("a@example.test", "INBOX", "8")).toBeNull();
    // a change computed against UIDVALIDITY 7 is not laid on a row another process rewrote for 8
    await saveThreadHeaders("a@example.test", "INBOX", "8", folder(1, 3));
    await saveThreadHeaders("a@example.test", "INBOX", "7", folder(1, 10), stored);
    expect(await row()).toMatchObject({ uidValidity: "7", messages: 10, added: null });
  });
});
