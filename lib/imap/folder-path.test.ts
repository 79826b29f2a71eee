import { describe, expect, it } from "vitest";
import { isSameOrInside, joinFolderPath, leafNameOf, parentPathOf, samePath } from "./folder-path";

describe("folder paths", () => {
  it("join, split and find the parent with the server's delimiter", () => {
    expect(joinFolderPath("Entwürfe", "日本語", "/")).toBe("Entwürfe/日本語");
    expect(joinFolderPath("INBOX", "Projects", ".")).toBe("INBOX.Projects");
    expect(joinFolderPath(null, "Top", "/")).toBe("Top");
    expect(joinFolderPath("", "Top", "/")).toBe("Top");
    expect(parentPathOf("a/b/c", "/")).toBe("a/b");
    expect(parentPathOf("top", "/")).toBe("");
    expect(leafNameOf("a/b/日本語", "/")).toBe("日本語");
    expect(leafNameOf("flat", null)).toBe("flat");
  });

  it("knows what is inside a folder without mistaking a name prefix for a parent", () => {
    expect(isSameOrInside("Projects", "Projects", "/")).toBe(true);
    expect(isSameOrInside("Projects/2026", "Projects", "/")).toBe(true);
    expect(isSameOrInside("Projects 2026", "Projects", "/")).toBe(false);
    expect(isSameOrInside("Projects", "Projects/2026", "/")).toBe(false);
    expect(isSameOrInside("INBOX.Sent", "inbox", ".")).toBe(true);
  });

  it("treats INBOX case-insensitively and other names exactly", () => {
    expect(samePath("inbox", "INBOX", "/")).toBe(true);
    expect(samePath("Inbox/Sub", "INBOX/Sub", "/")).toBe(true);
    expect(samePath("Projects", "projects", "/")).toBe(false);
  });
});
