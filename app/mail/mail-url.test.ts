import { describe, expect, it } from "vitest";
import { mailUrl, paneKey } from "./mail-url";

const fromUrl = (url: string) => {
  const q = new URL(url, "http://x").searchParams;
  return paneKey((name) => q.get(name));
};

describe("paneKey", () => {
  it("tells apart what changes the reading pane: folder, message, images, colours, account", () => {
    const keys = [
      mailUrl({ folder: "INBOX" }),
      mailUrl({ folder: "INBOX", uid: 7 }),
      mailUrl({ folder: "INBOX", uid: 8 }),
      mailUrl({ folder: "Archive", uid: 7 }),
      mailUrl({ folder: "INBOX", uid: 7, images: "1" }),
      mailUrl({ folder: "INBOX", uid: 7, colors: "original" }),
      mailUrl({ folder: "INBOX", uid: 7, list: { account: "a1" } }),
    ].map(fromUrl);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("does not change with the list's page, sort or search, which leave the pane as it is", () => {
    expect(fromUrl(mailUrl({ folder: "INBOX", uid: 7, page: 3, list: { sort: "from", q: "x" } }))).toBe(fromUrl(mailUrl({ folder: "INBOX", uid: 7 })));
  });

  it("reads the page's parameters as the server has them (the first of a repeated one)", () => {
    const raw: Record<string, string | string[]> = { folder: "INBOX", uid: ["7", "9"] };
    expect(paneKey((name) => [raw[name]].flat()[0])).toBe(fromUrl("/mail?folder=INBOX&uid=7&uid=9"));
  });
});
