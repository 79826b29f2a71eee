import { describe, expect, it } from "vitest";
import { parseMessage } from "@/lib/mime/parse-message";
import { buildArticle, followupSubject, trimReferences } from "./build-article";

describe("buildArticle", () => {
  it("builds a follow-up with Newsgroups, References and encoded non-ASCII headers", async () => {
    const { raw, messageId } = await buildArticle(
      { from: { name: "Zoë", address: "zoe@example.test" }, newsgroups: ["a.b", "c.d"], subject: "Re: Grüße", text: "Hallo\n.dot line\n", references: ["r1@x", "r2@x"] },
      { domain: "postern.example" },
    );
    const text = raw.toString("latin1");
    expect(text).toMatch(/^Newsgroups: a\.b,c\.d\r$/m);
    expect(text).toMatch(/^References: <r1@x> <r2@x>\r$/m);
    expect(text).toContain(`Message-ID: <${messageId}>`);
    expect(text).not.toMatch(/^To:/m);
    const parsed = await parseMessage(raw);
    expect(parsed.subject).toBe("Re: Grüße");
    expect(parsed.from[0]).toEqual({ name: "Zoë", address: "zoe@example.test" });
    expect(parsed.text).toContain(".dot line");
  });

  it("posts rich text as multipart/alternative: sanitized HTML and a plain rendering of it", async () => {
    const html = '<p>Hello <strong>group</strong> <a href="https://example.test/x">link</a></p><script>alert(1)</script><img src="https://tracker.example/p.gif"><p onclick="x()">bye</p>';
    const { raw } = await buildArticle({ from: { name: "", address: "a@x" }, newsgroups: ["a.b"], subject: "rich", text: "ignored", html }, { domain: "x" });
    expect(raw.toString()).toMatch(/^Content-Type: multipart\/alternative;/m);
    const parsed = await parseMessage(raw);
    expect(parsed.html).toContain("<strong>group</strong>");
    expect(parsed.html).toContain('href="https://example.test/x"');
    expect(parsed.html).not.toMatch(/script|tracker\.example|onclick/);
    expect(parsed.text).toContain("Hello group");
    expect(parsed.text).toContain("bye");
    expect(parsed.text).not.toContain("ignored");
  });

  it("adds Control for a cancel", async () => {
    const { raw } = await buildArticle({ from: { name: "", address: "a@x" }, newsgroups: ["a.b"], subject: "cmsg cancel <m@x>", text: "cancel\n", control: "cancel <m@x>" }, { domain: "x" });
    expect(raw.toString()).toMatch(/^Control: cancel <m@x>\r$/m);
  });
});

describe("trimReferences / followupSubject", () => {
  it("keeps the first and the newest references of a long thread", () => {
    const refs = Array.from({ length: 50 }, (_, i) => `${i}@x`);
    const kept = trimReferences(refs);
    expect(kept).toHaveLength(20);
    expect(kept[0]).toBe("0@x");
    expect(kept.at(-1)).toBe("49@x");
  });
  it("never stacks Re:", () => {
    expect(followupSubject("Re: hello")).toBe("Re: hello");
    expect(followupSubject("hello")).toBe("Re: hello");
  });
});
