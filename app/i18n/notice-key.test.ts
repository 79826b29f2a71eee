import { describe, expect, it } from "vitest";
import { noticeKey, parseNoticeKey } from "./notice-key";

describe("noticeKey / parseNoticeKey", () => {
  it("round-trips a key with values", () => {
    expect(parseNoticeKey(noticeKey("sessionsEnded", { count: 3, folder: "A {b}" }))).toEqual({ key: "sessionsEnded", values: { count: 3, folder: "A {b}" } });
  });
  it("reads a bare key", () => expect(parseNoticeKey("notices.messageSent")).toEqual({ key: "messageSent", values: {} }));
  it("leaves plain text and broken values alone", () => {
    expect(parseNoticeKey("The message was sent, but no copy could be saved.")).toBeNull();
    expect(parseNoticeKey("notices.x {oops")).toBeNull();
    expect(parseNoticeKey('notices.x ["a"]')).toBeNull();
  });
});
