import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { browseGroups } from "@/lib/news/browse-groups";
import { listArticles } from "@/lib/news/list-articles";
import { forgetNewsServer, getNewsServer, saveNewsServer } from "@/lib/news/news-server-store";
import { readArticle } from "@/lib/news/read-article";
import { markRead, readRangesOf } from "@/lib/news/read-state";
import { formatRanges } from "@/lib/news/read-ranges";
import { listSubscriptions, refreshSubscriptions, subscribe, unsubscribe } from "@/lib/news/subscriptions";
import { withNews } from "@/lib/news/with-news";
import { selectGroup } from "@/lib/nntp/commands/group";

// Reading news through Postern's own path (settings -> withNews -> lib/news) against the lab INN,
// with the read state in Postern's database.
const PORT = Number(process.env.LAB_NNTP_PORT ?? 3119);
const account = () => `reader-${Math.random().toString(36).slice(2)}@example.test`;
const useLab = (who: string) => saveNewsServer(who, { host: "localhost", port: PORT, security: "starttls", credentials: null });

describe("reading news", () => {
  it("browses groups by search with their descriptions", async () => {
    const who = account();
    await useLab(who);
    const { groups } = await withNews(who, (s) => browseGroups(s, "charsets"));
    expect(groups).toEqual([expect.objectContaining({ name: "postern.test.charsets", description: expect.stringContaining("several character sets"), posting: true })]);
    // what the user types never becomes wildmat syntax or a second command
    const hostile = await withNews(who, (s) => browseGroups(s, "GEN\r\n*ERAL!"));
    expect(hostile.groups.map((g) => g.name)).toContain("postern.test.general");
  });

  it("lists subscriptions with unread counts, and marks a cross-post read in both groups", async () => {
    const who = account();
    await useLab(who);
    await subscribe(who, "postern.test.general");
    await subscribe(who, "postern.test.charsets");
    const before = await withNews(who, (s) => refreshSubscriptions(s, who));
    const unread = Object.fromEntries(before.map((g) => [g.group, g.unread]));
    expect(unread["postern.test.general"]).toBeGreaterThanOrEqual(7);

    const page = await withNews(who, async (s) => listArticles(s, { group: "postern.test.general", readRanges: await readRangesOf(who, "postern.test.general") }));
    const xpost = page.rows.find((r) => r.subject === "Cross-posted to two groups")!;
    expect(xpost.read).toBe(false);
    const opened = await withNews(who, (s) => readArticle(s, { group: "postern.test.general", number: xpost.number }));
    expect(opened.marks.map((m) => m.group).sort()).toEqual(["postern.test.charsets", "postern.test.general"]);
    await markRead(who, opened.marks);

    const after = Object.fromEntries((await withNews(who, (s) => refreshSubscriptions(s, who))).map((g) => [g.group, g.unread]));
    expect(after["postern.test.general"]).toBe(unread["postern.test.general"] - 1);
    expect(after["postern.test.charsets"]).toBe(unread["postern.test.charsets"] - 1);
    expect(await listSubscriptions(who)).toEqual([
      { group: "postern.test.charsets", unread: after["postern.test.charsets"] },
      { group: "postern.test.general", unread: after["postern.test.general"] },
    ]);
    await unsubscribe(who, "postern.test.charsets");
    expect((await listSubscriptions(who)).map((g) => g.group)).toEqual(["postern.test.general"]);
  });

  it("threads a page by References, newest thread first", async () => {
    const who = account();
    await useLab(who);
    const page = await withNews(who, (s) => listArticles(s, { group: "postern.test.general", readRanges: [] }));
    expect(page.malformed).toBe(0);
    const newestThread = page.rows.filter((r) => r.subject.endsWith("Postern reads news now")).slice(0, 4);
    expect(newestThread.map((r) => r.depth)).toEqual([0, 1, 2, 1]);
    expect(newestThread[2].subject).toBe("Re: Postern reads news now");
  });

  it("pages a 10,000-article group 50 at a time, without overlap", async () => {
    const who = account();
    await useLab(who);
    const first = await withNews(who, (s) => listArticles(s, { group: "postern.test.big", readRanges: [] }));
    expect(first.rows).toHaveLength(50);
    expect(first.nextBefore).not.toBeNull();
    const second = await withNews(who, (s) => listArticles(s, { group: "postern.test.big", before: first.nextBefore, readRanges: [] }));
    expect(second.rows).toHaveLength(50);
    const firstNumbers = new Set(first.rows.map((r) => r.number));
    expect(second.rows.some((r) => firstNumbers.has(r.number))).toBe(false);
    expect(Math.max(...second.rows.map((r) => r.number))).toBeLessThan(Math.min(...first.rows.map((r) => r.number)));
  });

  it("opens an article through the mail MIME pipeline: charsets decoded, HTML left to the sanitizer", async () => {
    const who = account();
    await useLab(who);
    const page = await withNews(who, (s) => listArticles(s, { group: "postern.test.charsets", readRanges: [] }));
    const latin = page.rows.find((r) => r.subject === "Café crème brûlée")!;
    const opened = await withNews(who, (s) => readArticle(s, { group: "postern.test.charsets", number: latin.number }));
    expect(opened.message.text).toContain("Un café crème, une crème brûlée");
    expect(opened.newsgroups).toEqual(["postern.test.charsets"]);
  });

  it("keeps news credentials sealed in the database and signs in with them", async () => {
    const who = account();
    await saveNewsServer(who, { host: "localhost", port: PORT, security: "starttls", credentials: { user: "alice@example.test", pass: "alice-pass" } });
    const row = await getDb().newsServer.findUnique({ where: { account: who } });
    expect(row!.sealedCredentials).not.toContain("alice-pass");
    expect((await getNewsServer(who)).credentials).toEqual({ user: "alice@example.test", pass: "alice-pass" });
    const g = await withNews(who, (s) => selectGroup(s.connection, "postern.test.private"));
    expect(g.count).toBeGreaterThanOrEqual(1);

    await saveNewsServer(who, { host: "localhost", port: PORT, security: "none", credentials: { user: "alice@example.test", pass: "wrong" } });
    await expect(withNews(who, async () => 1)).rejects.toMatchObject({ code: "NEWS_AUTH_FAILED" });
    await forgetNewsServer(who);
    expect((await getNewsServer(who)).own).toBe(false);
  });

  it("says the news server is unavailable, quickly, when nothing listens", async () => {
    const who = account();
    await saveNewsServer(who, { host: "localhost", port: 1, security: "none", credentials: null });
    const t0 = Date.now();
    await expect(withNews(who, async () => 1)).rejects.toMatchObject({ code: "NEWS_UNAVAILABLE" });
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it("refuses a news server the user typed as an internal address, without connecting", async () => {
    const who = account();
    await saveNewsServer(who, { host: "127.0.0.1", port: PORT, security: "starttls", credentials: null });
    await expect(withNews(who, async () => 1)).rejects.toMatchObject({ code: "HOST_REFUSED" });
  });

  it("keeps the read state compact: reading a whole page is one range", async () => {
    const who = account();
    await useLab(who);
    await subscribe(who, "postern.test.big");
    const page = await withNews(who, (s) => listArticles(s, { group: "postern.test.big", readRanges: [] }));
    await markRead(who, page.rows.map((r) => ({ group: "postern.test.big", number: r.number })));
    const ranges = await readRangesOf(who, "postern.test.big");
    expect(ranges).toHaveLength(1);
    expect(formatRanges(ranges)).toMatch(/^\d+-\d+$/);
  });
});
