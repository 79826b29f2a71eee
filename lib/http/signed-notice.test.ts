import { describe, expect, it, vi } from "vitest";
import { noticeParams, noticeUrl, readNotice } from "./signed-notice";

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

describe("noticeUrl", () => {
  // noticeUrl signs with the installation's key, as the actions do.
  vi.stubEnv("POSTERN_SECRET_KEY", "22".repeat(32));

  function parse(url: string): { path: string; keys: string[]; query: Record<string, string> } {
    const u = new URL(url, "http://postern.test");
    return { path: u.pathname, keys: [...u.searchParams.keys()], query: Object.fromEntries(u.searchParams) };
  }

  it("is the path with the signed notice as its whole query, as the actions wrote it out", () => {
    const notice = { kind: "ok" as const, text: "Saved “Ann <ann@example.test>” & more?" };
    const url = noticeUrl("/mail/settings", notice);
    expect(url).toBe(`/mail/settings?${new URLSearchParams(noticeParams(notice))}`);
    const { path, keys, query } = parse(url);
    expect(path).toBe("/mail/settings");
    expect(keys).toEqual(["notice", "kind", "sig"]);
    expect(readNotice(query)).toEqual(notice);
  });

  it("puts the page's own parameters first, in their order (the sent redirect's /mail?folder=…&notice=…)", () => {
    const notice = { kind: "error" as const, text: "No copy was saved in Sent." };
    const url = noticeUrl("/mail", notice, { folder: "Entwürfe/日本語", page: "2" });
    expect(url).toBe(`/mail?folder=Entw%C3%BCrfe%2F%E6%97%A5%E6%9C%AC%E8%AA%9E&page=2&${new URLSearchParams(noticeParams(notice))}`);
    const { keys, query } = parse(url);
    expect(keys).toEqual(["folder", "page", "notice", "kind", "sig"]);
    expect(query.folder).toBe("Entwürfe/日本語");
    expect(readNotice(query)).toEqual(notice);
  });

  it("never lets a page parameter stand in for the notice's own", () => {
    const notice = { kind: "ok" as const, text: "Done." };
    const { keys, query } = parse(noticeUrl("/mail", notice, { notice: "Call 555-0100.", kind: "error", sig: "x" }));
    expect(keys).toEqual(["notice", "kind", "sig"]);
    expect(readNotice(query)).toEqual(notice);
  });
});
