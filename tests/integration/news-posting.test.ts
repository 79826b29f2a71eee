import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { listArticles } from "@/lib/news/list-articles";
import { saveNewsServer } from "@/lib/news/news-server-store";
import { cancelArticle, postNews } from "@/lib/news/post-news";
import { readArticle } from "@/lib/news/read-article";
import { withNews } from "@/lib/news/with-news";
import { fetchArticle } from "@/lib/nntp/commands/article";
import { selectGroup } from "@/lib/nntp/commands/group";
import { postArticle } from "@/lib/nntp/commands/post";
import { NntpProtocolError } from "@/lib/nntp/errors";

// Posting through Postern's path against the lab INN: follow-ups thread under what they answer,
// cancels remove one's own article only, huge articles are read within limits.
const PORT = Number(process.env.LAB_NNTP_PORT ?? 3119);
const ALICE = { name: "Alice Example", address: "alice@example.test" };

async function labAccount(): Promise<string> {
  const who = `poster-${crypto.randomUUID().slice(0, 8)}@example.test`;
  await saveNewsServer(who, { host: "localhost", port: PORT, security: "starttls", credentials: null });
  return who;
}

async function findByMessageId(who: string, group: string, messageId: string) {
  const page = await withNews(who, (s) => listArticles(s, { group, readRanges: [] }));
  return page.rows.find((r) => r.messageId === messageId);
}

describe("posting news", () => {
  it("posts a new article and a follow-up that threads under it, non-ASCII intact", async () => {
    const who = await labAccount();
    const subject = `Grüße aus Postern ${crypto.randomUUID().slice(0, 6)}`;
    const rootId = await postNews(who, { from: ALICE, newsgroups: ["postern.test.e2e"], subject, text: "Erste Zeile — mit Umlauten: äöü\n" });
    const root = await findByMessageId(who, "postern.test.e2e", rootId);
    expect(root?.subject).toBe(subject);

    const opened = await withNews(who, (s) => readArticle(s, { group: "postern.test.e2e", number: root!.number }));
    expect(opened.message.text).toContain("mit Umlauten: äöü");
    const replyId = await postNews(who, {
      from: { name: "Bob", address: "bob@example.test" },
      newsgroups: opened.followupTo.length ? opened.followupTo : opened.newsgroups,
      subject: `Re: ${subject}`,
      text: "> Erste Zeile\n\nAntwort.\n",
      references: [...opened.references, opened.messageId!],
    });
    const page = await withNews(who, (s) => listArticles(s, { group: "postern.test.e2e", readRanges: [] }));
    const rootRow = page.rows.findIndex((r) => r.messageId === rootId);
    expect(page.rows[rootRow + 1]).toMatchObject({ messageId: replyId, depth: page.rows[rootRow].depth + 1 });
  });

  it("cancels one's own article, and refuses to cancel someone else's", async () => {
    const who = await labAccount();
    const id = await postNews(who, { from: ALICE, newsgroups: ["postern.test.e2e"], subject: "to be cancelled", text: "oops\n" });
    await expect(cancelArticle(who, { messageId: id, ownAddresses: ["bob@example.test"] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await cancelArticle(who, { messageId: id, ownAddresses: ["alice@example.test"] });
    await expect(withNews(who, (s) => fetchArticle(s.connection, { ref: { messageId: id } }))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("says why the server refused a post", async () => {
    const who = await labAccount();
    await expect(postNews(who, { from: ALICE, newsgroups: ["postern.test.no-such-group"], subject: "lost", text: "x\n" })).rejects.toMatchObject({
      code: "NEWS_REJECTED",
      message: expect.stringContaining("The server said"),
    });
  });

  it("reads a 3 MB article in bounded time, and stops at the size limit with a clear error", async () => {
    const who = await labAccount();
    const id = `${crypto.randomUUID()}@postern.test`;
    const line = `${"0123456789".repeat(7)}\r\n`;
    const body = line.repeat(Math.ceil((3 * 1024 * 1024) / line.length));
    const raw = Buffer.from(`From: alice@example.test\r\nNewsgroups: postern.test.e2e\r\nSubject: huge\r\nMessage-ID: <${id}>\r\n\r\n${body}`);
    await withNews(who, (s) => postArticle(s.connection, raw));

    const t0 = performance.now();
    const got = await withNews(who, (s) => fetchArticle(s.connection, { ref: { messageId: id } }));
    console.log(`ARTICLE of ${(got.raw.length / 1048576).toFixed(1)} MiB in ${(performance.now() - t0).toFixed(0)} ms`);
    expect(got.raw.length).toBeGreaterThan(3 * 1024 * 1024);

    const err = await withNews(who, (s) => fetchArticle(s.connection, { ref: { messageId: id }, maxBytes: 1024 * 1024 })).catch((e) => e);
    expect(err).toMatchObject({ code: "MESSAGE_TOO_LARGE", message: "This article is too large to display." });
    expect(err.cause).toBeInstanceOf(NntpProtocolError);
    // the next request gets a fresh connection that works
    expect((await withNews(who, (s) => selectGroup(s.connection, "postern.test.e2e"))).count).toBeGreaterThan(0);
  });
});
