import { describe, expect, it } from "vitest";
import { DEFAULT_LIST_QUERY, isDefaultOrder, listQueryParams, listQuerySchema, toImapSearch } from "./list-query";

const parse = (p: Record<string, string>) => listQuerySchema.parse(p);

describe("listQuerySchema", () => {
  it("defaults to the folder's own order, newest first, no search", () => {
    expect(DEFAULT_LIST_QUERY).toMatchObject({ sort: "arrival", dir: "desc", in: "headers" });
    expect(isDefaultOrder(DEFAULT_LIST_QUERY)).toBe(true);
  });
  it("falls back to defaults on nonsense instead of failing the page", () => {
    expect(parse({ sort: "evil", dir: "up", since: "yesterday", larger: "-4" })).toMatchObject({
      sort: "arrival",
      dir: "desc",
      since: undefined,
      larger: undefined,
    });
  });
  it("keeps search text on one line (no IMAP command injection through CR/LF)", () => {
    expect(parse({ q: 'x"\r\nA1 DELETE INBOX' }).q).toBe('x" A1 DELETE INBOX');
  });
});

describe("toImapSearch", () => {
  it("is null when nothing filters", () => {
    expect(toImapSearch(DEFAULT_LIST_QUERY)).toBeNull();
    expect(toImapSearch(parse({ sort: "size" }))).toBeNull();
  });
  it("searches the address and subject headers, and the body only when asked", () => {
    expect(toImapSearch(parse({ q: "Grüße" }))).toEqual({
      or: [{ from: "Grüße" }, { to: "Grüße" }, { cc: "Grüße" }, { subject: "Grüße" }],
    });
    expect(toImapSearch(parse({ q: "x", in: "all" }))!.or).toHaveLength(5);
  });
  it("combines the advanced criteria with AND", () => {
    expect(
      toImapSearch(parse({ unread: "1", flagged: "1", attachment: "1", since: "2026-01-01", before: "2026-02-01", larger: "10", smaller: "2000" })),
    ).toEqual({
      seen: false,
      flagged: true,
      header: { "content-type": "multipart/mixed" },
      since: "2026-01-01",
      before: "2026-02-01",
      larger: 10 * 1024,
      smaller: 2000 * 1024,
    });
  });
});

describe("listQueryParams", () => {
  it("writes only what differs from the defaults", () => {
    expect(listQueryParams(DEFAULT_LIST_QUERY)).toEqual({});
    expect(listQueryParams(parse({ sort: "size", dir: "asc", q: "report", unread: "1" }))).toEqual({
      sort: "size",
      dir: "asc",
      q: "report",
      unread: "1",
    });
  });
});
