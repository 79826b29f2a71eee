import { describe, expect, it } from "vitest";
import type { ParsedMessage } from "@/lib/mime/types";
import { messageAfter, WarmCache, type WarmKey, type WarmMessage } from "./warm-messages";

const message = { subject: "s" } as ParsedMessage;
const key = (uid: number, more: Partial<WarmKey> = {}): WarmKey => ({ session: "s1", folder: "INBOX", uidValidity: 7n, uid, ...more });

describe("WarmCache", () => {
  it("gives an entry once, only for the same session, folder, UIDVALIDITY and UID", () => {
    const cache = new WarmCache<WarmMessage>();
    cache.put(key(5), { size: 10, fetchedBytes: 10, message });
    expect(cache.take(key(5, { session: "s2" }))).toBeUndefined();
    expect(cache.take(key(5, { uidValidity: 8n }))).toBeUndefined();
    expect(cache.take(key(5, { folder: "Archive" }))).toBeUndefined();
    expect(cache.take(key(5))?.message).toBe(message);
    expect(cache.take(key(5))).toBeUndefined();
  });

  it("forgets entries older than a minute", () => {
    let now = 0;
    const cache = new WarmCache<WarmMessage>(() => now);
    cache.put(key(1), { size: 1, fetchedBytes: 1, message });
    now = 60_001;
    expect(cache.has(key(1))).toBe(false);
    expect(cache.take(key(1))).toBeUndefined();
  });

  it("keeps at most its bound, dropping the oldest", () => {
    const cache = new WarmCache<WarmMessage>(Date.now, 2);
    for (const uid of [1, 2, 3]) cache.put(key(uid), { size: 1, fetchedBytes: 1, message });
    expect(cache.size).toBe(2);
    expect(cache.has(key(1))).toBe(false);
    expect(cache.has(key(3))).toBe(true);
  });
});

describe("messageAfter", () => {
  it("is the row below the open one, or null at the end or when it is not listed", () => {
    expect(messageAfter([9, 7, 4], 7)).toBe(4);
    expect(messageAfter([9, 7, 4], 4)).toBeNull();
    expect(messageAfter([9, 7, 4], 5)).toBeNull();
  });
});
