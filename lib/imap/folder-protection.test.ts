import { describe, expect, it } from "vitest";
import { assertNotProtected, describeProtected, isProtectedFolder, protectedFolderWithin } from "./folder-protection";

const f = (path: string, specialUse: string | null = null, delimiter = "/") => ({ path, specialUse, delimiter });

describe("folder protection", () => {
  it("protects INBOX and every special-use folder, not ordinary ones", () => {
    expect(isProtectedFolder(f("INBOX"))).toBe(true);
    expect(isProtectedFolder(f("inbox"))).toBe(true);
    for (const use of ["\\Drafts", "\\Sent", "\\Junk", "\\Trash", "\\Archive", "\\All"]) {
      expect(isProtectedFolder(f("Whatever", use)), use).toBe(true);
    }
    expect(isProtectedFolder(f("Sent Items old"))).toBe(false);
  });

  it("finds a protected folder inside the one being renamed or deleted", () => {
    const courier = [f("INBOX", null, "."), f("INBOX.Sent", "\\Sent", "."), f("INBOX.Projects", null, ".")];
    expect(protectedFolderWithin(courier, "INBOX.Projects", ".")).toBeUndefined();
    expect(protectedFolderWithin(courier, "INBOX", ".")?.path).toBe("INBOX");
    const nested = [f("Archive", null), f("Archive/2025", "\\Archive"), f("Archives", null)];
    expect(protectedFolderWithin(nested, "Archive", "/")?.path).toBe("Archive/2025");
    expect(protectedFolderWithin(nested, "Archives", "/")).toBeUndefined();
  });

  it("names the role when it differs from the folder's name", () => {
    expect(describeProtected(f("Gesendet", "\\Sent"))).toBe("“Gesendet” (your Sent folder)");
    expect(describeProtected(f("Sent", "\\Sent"))).toBe("“Sent”");
    expect(describeProtected(f("INBOX"))).toBe("“INBOX” (your Inbox folder)");
  });
});

describe("assertNotProtected", () => {
  const folders = [
    { path: "INBOX", delimiter: ".", specialUse: null },
    { path: "INBOX.Sent", delimiter: ".", specialUse: "\\Sent" },
    { path: "Projects", delimiter: ".", specialUse: null },
  ];
  it("names the folder itself, or the protected one inside it", () => {
    expect(() => assertNotProtected(folders, folders[1], "deleted")).toThrow("“INBOX.Sent” (your Sent folder) cannot be deleted.");
    expect(() => assertNotProtected(folders, folders[0], "renamed")).toThrow("“INBOX” (your Inbox folder) cannot be renamed.");
    expect(() => assertNotProtected(folders, folders[2], "renamed")).not.toThrow();
    const parent = { path: "Archive", delimiter: "/", specialUse: null };
    const inside = [parent, { path: "Archive/2026", delimiter: "/", specialUse: "\\Archive" }];
    expect(() => assertNotProtected(inside, parent, "deleted")).toThrow("“Archive” cannot be deleted: it contains “Archive/2026” (your Archive folder).");
  });
});
