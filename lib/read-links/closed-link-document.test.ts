import { describe, expect, it } from "vitest";
import { closedLinkDocument } from "./closed-link-document";

describe("closedLinkDocument", () => {
  it("says when the message was opened, and escapes what the sender chose", () => {
    const html = closedLinkDocument({ state: "opened", at: new Date("2026-11-23T10:15:00Z"), senderName: 'Eve <script>alert(1)</script>"', senderAddress: "eve@example.test" });
    expect(html).toContain("This message was opened on");
    expect(html).toContain('data-state="opened"');
    expect(html).not.toContain("<script>");
    expect(html).toContain("&#60;script&#62;");
  });
  it("has a sentence for a withdrawn and an expired link", () => {
    const at = new Date("2026-11-23T10:15:00Z");
    expect(closedLinkDocument({ state: "revoked", at, senderName: "", senderAddress: "a@x.test" })).toContain("withdrew");
    expect(closedLinkDocument({ state: "expired", at, senderName: "", senderAddress: "a@x.test" })).toContain("expired");
  });
});
