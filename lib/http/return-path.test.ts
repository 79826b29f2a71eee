import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./return-path";

describe("safeReturnPath", () => {
  it("keeps paths of the mail app with their query", () => {
    expect(safeReturnPath("/mail")).toBe("/mail");
    expect(safeReturnPath("/mail/compose?draft=Drafts%2F12&back=INBOX")).toBe("/mail/compose?draft=Drafts%2F12&back=INBOX");
  });
  it("refuses other places, other hosts and tricks", () => {
    for (const bad of ["/login", "/mailbox", "//evil.example/mail", "/mail/../login", "/\\evil.example", "/mail\\..\\x", "https://evil.example/mail", "javascript:alert(1)", " /mail", "/mail\n", 42, null, `/mail?${"x".repeat(2000)}`]) {
      expect(safeReturnPath(bad), String(bad)).toBeNull();
    }
  });
});
