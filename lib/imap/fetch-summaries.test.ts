import { describe, expect, it } from "vitest";
import { SummaryCache } from "./fetch-summaries";

const row = (uid: number) => ({ uid, subject: `m${uid}`, from: null, to: [], date: null, size: 10, hasAttachments: false });
const inbox = { path: "INBOX", uidValidity: BigInt(7) };

describe("SummaryCache", () => {
  it("keys rows by account, folder and UIDVALIDITY, so a renumbered folder starts cold", () => {
    const cache = new SummaryCache(10);
    const folder = cache.folderKey("alice", inbox);
    expect(cache.isCold(folder)).toBe(true);
    cache.put(folder, row(1));
    expect(cache.isCold(folder)).toBe(false);
    expect(cache.get(folder, 1)?.subject).toBe("m1");
    expect(cache.get(cache.folderKey("bob", inbox), 1)).toBeUndefined();
    const renumbered = cache.folderKey("alice", { path: "INBOX", uidValidity: BigInt(8) });
    expect(cache.isCold(renumbered)).toBe(true);
    expect(cache.get(renumbered, 1)).toBeUndefined();
  });

  it("drops the least recently used rows past its capacity, and a folder with none left is cold again", () => {
    const cache = new SummaryCache(3);
    const a = cache.folderKey("alice", inbox);
    const b = cache.folderKey("alice", { path: "Archive", uidValidity: BigInt(1) });
    cache.put(a, row(1));
    cache.put(a, row(2));
    cache.put(b, row(1));
    cache.get(a, 1); // used: row 2 is now the oldest
    cache.put(b, row(2));
    expect(cache.size).toBe(3);
    expect(cache.get(a, 2)).toBeUndefined();
    expect(cache.get(a, 1)).toBeDefined();
    cache.put(b, row(3));
    cache.put(b, row(4));
    cache.put(b, row(5));
    expect(cache.get(a, 1)).toBeUndefined();
    expect(cache.isCold(a)).toBe(true);
    expect(cache.isCold(b)).toBe(false);
  });

  it("counts a row put twice once", () => {
    const cache = new SummaryCache(2);
    const a = cache.folderKey("alice", inbox);
    cache.put(a, row(1));
    cache.put(a, row(1));
    cache.put(a, row(2));
    expect(cache.size).toBe(2);
    expect(cache.get(a, 1)).toBeDefined();
  });
});
