import { describe, expect, it } from "vitest";
import { flattenThread, threadMessages, type ThreadableMessage } from "./jwz";
import { secretKeys, keyedThreadHeaders } from "./keyed-headers";
import { packThreadHeaders, unpackThreadHeaders } from "./pack-thread-headers";
import type { ThreadHeaders } from "./read-thread-headers";

const headers = (messageId: string | null, references: string[], subject: string, date: number | null, inReplyTo: string | null = null): ThreadHeaders => ({
  messageId,
  references,
  inReplyTo,
  subject,
  date,
});

// a conversation with a missing root, a reply by In-Reply-To only, subject-only joins (localized
// markers, case), a message without Message-ID or date, and a stranger
const folder: ThreadHeaders[] = [
  headers("a@x", ["root@x"], "Plans", 1000),
  headers("b@x", ["root@x", "a@x"], "Re: Plans", 2000),
  headers("c@x", [], "AW: plans", 3000, "b@x"),
  headers("d@x", [], "RE: PLANS", 4000),
  headers(null, [], "Lunch?", null),
  headers("e@x", [], "Lunch?", 5000),
  headers("f@x", [], "Invoice 42", 6000),
  headers("g@x", ["f@x"], "Re: Invoice 42", 7000),
];
const plain: ThreadableMessage[] = folder.map((h, i) => ({ id: i + 1, ...h }));
const groups = (messages: readonly ThreadableMessage[]) => threadMessages(messages).map((t) => flattenThread(t).map((m) => m.id));
const key = secretKeys(Buffer.alloc(32, 7));

describe("keyed threading headers", () => {
  it("thread exactly like the headers themselves", () => {
    const keyed = folder.map((h, i) => keyedThreadHeaders(i + 1, h, key));
    expect(groups(keyed)).toEqual(groups(plain));
    expect(groups(plain)).toContainEqual([1, 2, 3, 4]);
  });

  it("keep no subject or Message-ID, and differ between installations", () => {
    const keyed = keyedThreadHeaders(1, folder[1], key);
    expect(JSON.stringify(keyed)).not.toMatch(/Plans|a@x|root@x/i);
    expect(keyedThreadHeaders(1, folder[1], secretKeys(Buffer.alloc(32, 8))).messageId).not.toBe(keyed.messageId);
  });
});

describe("packThreadHeaders", () => {
  it("round-trips a folder's keyed headers", () => {
    const keyed = folder.map((h, i) => keyedThreadHeaders(i * 1000 + 7, h, key));
    const back = unpackThreadHeaders(packThreadHeaders(keyed));
    expect(back).toEqual(keyed);
    expect(groups(back!)).toEqual(groups(keyed));
  });

  it("stores 100,000 messages in a few MB", { timeout: 60_000 }, () => {
    const many = Array.from({ length: 100_000 }, (_, i) =>
      keyedThreadHeaders(i + 1, headers(`m${i}@x`, i % 3 ? [`m${i - 1}@x`, `m${i - 2}@x`] : [], `Topic ${i % 5000}`, i * 1000), key),
    );
    const blob = packThreadHeaders(many);
    expect(blob.length).toBeLessThan(4 * 1024 * 1024);
    expect(unpackThreadHeaders(blob)!.length).toBe(100_000);
  });

  it("answers null for anything that is not such a blob", () => {
    expect(unpackThreadHeaders(Buffer.from("not a blob"))).toBeNull();
    expect(unpackThreadHeaders(packThreadHeaders([]).subarray(0, 3))).toBeNull();
    const truncated = Buffer.from(packThreadHeaders(folder.map((h, i) => keyedThreadHeaders(i + 1, h, key))));
    expect(unpackThreadHeaders(truncated.subarray(0, truncated.length - 5))).toBeNull();
  });
});
