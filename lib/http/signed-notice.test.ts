import { describe, expect, it } from "vitest";
import { noticeParams, readNotice } from "./signed-notice";

const key = Buffer.alloc(32, 7);

describe("signed notices", () => {
  it("round-trip through a query string, non-ASCII included", () => {
    const params = noticeParams({ kind: "ok", text: "Created “Entwürfe/日本語”." }, key);
    const query = Object.fromEntries(new URLSearchParams(new URLSearchParams(params).toString()));
    expect(readNotice(query, key)).toEqual({ kind: "ok", text: "Created “Entwürfe/日本語”." });
  });

  it("reject a changed text or kind, a missing signature, and another installation's key", () => {
    const params = noticeParams({ kind: "error", text: "No." }, key);
    expect(readNotice({ ...params, notice: "Call 555-0100 to restore your mailbox." }, key)).toBeNull();
    expect(readNotice({ ...params, kind: "ok" }, key)).toBeNull();
    expect(readNotice({ notice: "x", kind: "ok" }, key)).toBeNull();
    expect(readNotice(params, Buffer.alloc(32, 8))).toBeNull();
    expect(readNotice({}, key)).toBeNull();
  });
});
