import crypto from "node:crypto";
import MailComposer from "nodemailer/lib/mail-composer";
import { describe, expect, it } from "vitest";
import { judgeArticle, setSpamFilter, spamFilterOn } from "@/lib/news/judge-article";
import { listArticles } from "@/lib/news/list-articles";
import { saveNewsServer } from "@/lib/news/news-server-store";
import { readArticle } from "@/lib/news/read-article";
import { subscribe } from "@/lib/news/subscriptions";
import { withNews } from "@/lib/news/with-news";
import { postArticle } from "@/lib/nntp/commands/post";
import { addListEntry } from "@/lib/spam/spam-store";
import { spamAccount } from "@/lib/spam/spam-settings";

// The spam filter judging articles (issue 24, optional per group) against the lab INN: off until
// the reader turns it on for a subscribed group, then an article gets the verdict a mail message
// from the same sender would.
const PORT = Number(process.env.LAB_NNTP_PORT ?? 3119);
const GROUP = "postern.test.e2e";

async function postAndRead(who: string, from: string) {
  const messageId = `${crypto.randomUUID()}@postern.test`;
  const raw = await new MailComposer({ from, subject: "Cheap watches", text: "Buy now.\n", headers: { Newsgroups: GROUP }, messageId: `<${messageId}>` }).compile().build();
  await withNews(who, (s) => postArticle(s.connection, raw));
  const page = await withNews(who, (s) => listArticles(s, { group: GROUP, readRanges: [] }));
  const n = page.rows.find((r) => r.messageId === messageId)!.number;
  return withNews(who, (s) => readArticle(s, { group: GROUP, number: n }));
}

describe("spam filter on news articles", () => {
  it("is off by default, per subscribed group, and judges articles by the reader's lists once on", async () => {
    const who = `judge-${crypto.randomUUID().slice(0, 8)}@example.test`;
    await saveNewsServer(who, { host: "localhost", port: PORT, security: "starttls", credentials: null });
    await subscribe(who, GROUP);
    expect(await spamFilterOn(who, GROUP)).toBe(false);
    await setSpamFilter(who, { group: GROUP, on: true });
    expect(await spamFilterOn(who, GROUP)).toBe(true);
    // a group one is not subscribed to has no setting to turn on
    await setSpamFilter(who, { group: "postern.test.general", on: true });
    expect(await spamFilterOn(who, "postern.test.general")).toBe(false);

    await addListEntry(spamAccount(who), { kind: "block", pattern: "spam.example" });
    const blocked = await postAndRead(who, "Seller <seller@spam.example>");
    expect(await judgeArticle(who, blocked.raw)).toMatchObject({ isSpam: true });
    const friend = await postAndRead(who, "Friend <friend@example.test>");
    expect(await judgeArticle(who, friend.raw)).toMatchObject({ isSpam: false });

    await setSpamFilter(who, { group: GROUP, on: false });
    expect(await spamFilterOn(who, GROUP)).toBe(false);
  });
});
