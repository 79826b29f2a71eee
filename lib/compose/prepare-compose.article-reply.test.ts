import { describe, expect, it } from "vitest";
import type { ImapIdentity } from "@/lib/imap/session-pool";
import { parseMessage } from "@/lib/mime/parse-message";
import { prepareCompose } from "./prepare-compose";

// Issue 24: "Reply by mail" on a news article answers its author by mail, as a mail reply does.
const ARTICLE = [
  "From: Bob Example <bob@example.test>",
  "Reply-To: Bob at home <bob@home.example>",
  "Newsgroups: postern.test.general",
  "Subject: Postern reads news now",
  "Date: Tue, 1 Dec 2026 10:00:00 +0000",
  "Message-ID: <child@lab.test>",
  "References: <root@lab.test> <parent@lab.test>",
  "",
  "Line one.",
  "Line two.",
  "",
].join("\r\n");

// never touched on this path: the article comes from readArticle, not from IMAP
const NO_IMAP = {} as ImapIdentity;

describe("prepareCompose replyToArticle", () => {
  it("writes to Reply-To, with Re:, the quote and the article's thread headers", async () => {
    const message = await parseMessage(Buffer.from(ARTICLE));
    const asked: unknown[] = [];
    const state = await prepareCompose(NO_IMAP, ["alice@example.test"], { kind: "replyToArticle", article: { group: "postern.test.general", number: 7 } }, [], {
      readArticle: async (ref) => (asked.push(ref), { message, references: ["root@lab.test", "parent@lab.test"] }),
    });
    expect(asked).toEqual([{ group: "postern.test.general", number: 7 }]);
    expect(state.to).toBe("Bob at home <bob@home.example>");
    expect(state.subject).toBe("Re: Postern reads news now");
    expect(state.body).toMatch(/Bob Example <bob@example\.test> wrote:\n> Line one\.\n> Line two\./);
    expect(state.context).toEqual({ kind: "reply", original: null, inReplyTo: "<child@lab.test>", references: ["<root@lab.test>", "<parent@lab.test>", "<child@lab.test>"] });
  });

  it("falls back to From without Reply-To, and starts rich when the account writes rich text", async () => {
    const message = await parseMessage(Buffer.from(ARTICLE.replace(/^Reply-To:.*\r\n/m, "")));
    const state = await prepareCompose(NO_IMAP, [], { kind: "replyToArticle", article: { group: "g", number: 1 } }, [], {
      format: "html",
      readArticle: async () => ({ message, references: [] }),
    });
    expect(state.to).toBe("Bob Example <bob@example.test>");
    expect(state.format).toBe("html");
    expect(state.body).toContain("<blockquote");
  });
});
