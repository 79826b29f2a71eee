import type { ListResponse } from "imapflow";
import { describe, expect, it } from "vitest";
import { orderFolders } from "./list-folders";

const folder = (path: string, extra: Partial<ListResponse> = {}): ListResponse =>
  ({
    path,
    name: path.split("/").pop()!,
    delimiter: "/",
    parentPath: path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "",
    flags: new Set<string>(),
    subscribed: true,
    listed: true,
    status: { path, messages: 3, unseen: 1 },
    ...extra,
  }) as ListResponse;

describe("orderFolders", () => {
  it("puts INBOX and special-use folders first, the rest by name, children under parents", () => {
    const out = orderFolders([
      folder("Zeta"),
      folder("Trash", { specialUse: "\\Trash" }),
      folder("Projects"),
      folder("Projects/2026"),
      folder("INBOX", { specialUse: "\\Inbox" }),
      folder("Sent", { specialUse: "\\Sent" }),
      folder("Drafts", { specialUse: "\\Drafts" }),
      folder("Entwürfe alt"),
    ]);
    expect(out.map((f) => `${f.depth}:${f.path}`)).toEqual([
      "0:INBOX",
      "0:Drafts",
      "0:Sent",
      "0:Trash",
      "0:Entwürfe alt",
      "0:Projects",
      "1:Projects/2026",
      "0:Zeta",
    ]);
    expect(out[0].name).toBe("Inbox");
    expect(out[0]).toMatchObject({ total: 3, unseen: 1 });
  });

  it("hides unsubscribed folders but never INBOX, and shows orphans at the top level", () => {
    const out = orderFolders([
      folder("INBOX", { subscribed: false }),
      folder("Old", { subscribed: false }),
      folder("Old/Kept"),
    ]);
    expect(out.map((f) => `${f.depth}:${f.path}`)).toEqual(["0:INBOX", "0:Old/Kept"]);
  });

  it("marks \\Noselect folders as not selectable", () => {
    expect(orderFolders([folder("Group", { flags: new Set(["\\Noselect"]) })])[0].selectable).toBe(false);
  });

  it("lists unsubscribed folders too when asked, nested, with their subscription state", () => {
    const list = [
      folder("INBOX", { specialUse: "\\Inbox" }),
      folder("Old", { subscribed: false }),
      folder("Old/Kept"),
      folder("Flat", { delimiter: "/", flags: new Set(["\\Noinferiors"]) }),
    ];
    const out = orderFolders(list, { includeUnsubscribed: true });
    expect(out.map((f) => `${f.depth}:${f.path}:${f.subscribed}`)).toEqual(["0:INBOX:true", "0:Flat:true", "0:Old:false", "1:Old/Kept:true"]);
    expect(out.find((f) => f.path === "Flat")!.canHaveChildren).toBe(false);
    expect(out.find((f) => f.path === "Old")!.canHaveChildren).toBe(true);
    // The default (the folder tree) is unchanged.
    expect(orderFolders(list).map((f) => f.path)).toEqual(["INBOX", "Flat", "Old/Kept"]);
  });
});
