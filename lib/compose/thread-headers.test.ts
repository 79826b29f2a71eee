import { describe, expect, it } from "vitest";
import { replyThreadHeaders } from "./thread-headers";

describe("replyThreadHeaders", () => {
  it("appends the parent's Message-ID to its References", () => {
    expect(replyThreadHeaders({ messageId: "<c@x>", references: "<a@x> <b@x>", inReplyTo: "<b@x>" })).toEqual({
      inReplyTo: "<c@x>",
      references: ["<a@x>", "<b@x>", "<c@x>"],
    });
  });

  it("falls back to In-Reply-To when the parent has no References", () => {
    expect(replyThreadHeaders({ messageId: "<c@x>", references: null, inReplyTo: "<b@x> (comment)" }).references).toEqual(["<b@x>", "<c@x>"]);
  });

  it("has nothing to refer to without a Message-ID", () => {
    expect(replyThreadHeaders({ messageId: null, references: null, inReplyTo: null })).toEqual({ inReplyTo: null, references: [] });
  });

  it("keeps the root and the latest ids of a long thread", () => {
    const refs = Array.from({ length: 30 }, (_, i) => `<m${i}@x>`).join(" ");
    const out = replyThreadHeaders({ messageId: "<last@x>", references: refs, inReplyTo: null }).references;
    expect(out).toHaveLength(20);
    expect(out[0]).toBe("<m0@x>");
    expect(out.at(-1)).toBe("<last@x>");
    expect(out[1]).toBe("<m12@x>");
  });
});
