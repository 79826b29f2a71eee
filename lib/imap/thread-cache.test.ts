import { describe, expect, it } from "vitest";
import { ThreadCache } from "./thread-cache";
import { packThreads } from "./thread-index";

const threads = (n: number) => packThreads(Array.from({ length: n }, (_, i) => [i + 1]));

describe("ThreadCache", () => {
  it("answers only for the same session, folder and folder version", () => {
    const cache = new ThreadCache();
    const index = threads(3);
    cache.set("s1", "INBOX", "v1", index);
    expect(cache.get("s1", "INBOX", "v1")).toBe(index);
    expect(cache.get("s1", "INBOX", "v2")).toBeUndefined();
    expect(cache.get("s2", "INBOX", "v1")).toBeUndefined();
    expect(cache.get("s1", "Archive", "v1")).toBeUndefined();
  });

  it("replaces a folder's entry when it changes", () => {
    const cache = new ThreadCache();
    cache.set("s1", "INBOX", "v1", threads(3));
    cache.set("s1", "INBOX", "v2", threads(5));
    expect(cache.size).toEqual({ entries: 1, uids: 5 });
  });

  it("keeps a few folders per session, dropping the least recently used", () => {
    const cache = new ThreadCache(1000, 2);
    cache.set("s1", "a", "v", threads(1));
    cache.set("s1", "b", "v", threads(1));
    cache.get("s1", "a", "v");
    cache.set("s1", "c", "v", threads(1));
    expect(cache.get("s1", "b", "v")).toBeUndefined();
    expect(cache.get("s1", "a", "v")).toBeDefined();
    expect(cache.get("s1", "c", "v")).toBeDefined();
  });

  it("stays under its UID budget across sessions, and skips a folder bigger than all of it", () => {
    const cache = new ThreadCache(10, 3);
    cache.set("s1", "a", "v", threads(6));
    cache.set("s2", "a", "v", threads(6));
    expect(cache.size).toEqual({ entries: 1, uids: 6 });
    expect(cache.get("s2", "a", "v")).toBeDefined();
    cache.set("s3", "huge", "v", threads(11));
    expect(cache.get("s3", "huge", "v")).toBeUndefined();
    expect(cache.size.uids).toBeLessThanOrEqual(10);
  });
});
