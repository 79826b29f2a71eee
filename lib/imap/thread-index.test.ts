import { describe, expect, it } from "vitest";
import { countThreadedMessages, countThreads, EMPTY_THREAD_INDEX, findThreadOf, packThreads, threadUidsAt } from "./thread-index";

describe("thread index", () => {
  const index = packThreads([[3, 1], [2], [10, 4, 7], []]);

  it("puts the thread with the newest message first, UIDs ascending inside", () => {
    expect(countThreads(index)).toBe(3);
    expect(countThreadedMessages(index)).toBe(6);
    expect([0, 1, 2].map((i) => threadUidsAt(index, i))).toEqual([[4, 7, 10], [1, 3], [2]]);
  });

  it("finds the thread of any UID in it", () => {
    expect([10, 4, 1, 3, 2].map((uid) => findThreadOf(index, uid))).toEqual([0, 0, 1, 1, 2]);
    expect(findThreadOf(index, 99)).toBe(-1);
    expect(findThreadOf(EMPTY_THREAD_INDEX, 1)).toBe(-1);
    expect(countThreads(EMPTY_THREAD_INDEX)).toBe(0);
  });
});
