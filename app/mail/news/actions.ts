"use server";
// News actions (issue 24), each with the session's CSRF token (sessionAction); inputs validated here.
import { redirect } from "next/navigation";
import { z } from "zod";
import { errorText } from "@/app/i18n/error-text";
import { noticeKey } from "@/app/i18n/notice-key";
import { isPosternError } from "@/lib/http/errors";
import { noticeUrl } from "@/lib/http/signed-notice";
import { listIdentities } from "@/lib/identities/identity-store";
import { forgetNewsServer, getNewsServer, newsSecurity, saveNewsServer } from "@/lib/news/news-server-store";
import { cancelArticle, postNews } from "@/lib/news/post-news";
import { setSpamFilter } from "@/lib/news/judge-article";
import { markGroupRead, markUnread } from "@/lib/news/read-state";
import { subscribe, unsubscribe } from "@/lib/news/subscriptions";
import { sessionAction } from "../session-action";
import { groupName } from "./news-params";
import { newsUrl } from "./news-url";

const fail = async (path: string, e: unknown): Promise<never> => {
  if (!isPosternError(e)) throw e;
  redirect(noticeUrl(path, { kind: "error", text: await errorText(e) }));
};
const field = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};
const number = z.coerce.number().int().positive().max(2 ** 53 - 1);

export const subscribeGroup = sessionAction("/mail/news", async (session, form) => {
  const group = groupName.safeParse(field(form, "group"));
  if (!group.success) redirect("/mail/news");
  await subscribe(session.email, group.data).catch((e) => fail("/mail/news", e));
  redirect(field(form, "back") === "browse" ? newsUrl({ browse: true }) : newsUrl({ group: group.data }));
});

export const unsubscribeGroup = sessionAction("/mail/news", async (session, form) => {
  const group = groupName.safeParse(field(form, "group"));
  if (group.success) await unsubscribe(session.email, group.data);
  redirect(group.success ? newsUrl({ group: group.data }) : "/mail/news");
});

export const markAllRead = sessionAction("/mail/news", async (session, form) => {
  const input = z.object({ group: groupName, high: number }).safeParse({ group: field(form, "group"), high: field(form, "high") });
  if (!input.success) redirect("/mail/news");
  await markGroupRead(session.email, input.data.group, input.data.high);
  redirect(newsUrl({ group: input.data.group }));
});

export const markArticleUnread = sessionAction("/mail/news", async (session, form) => {
  const input = z.object({ group: groupName, n: number }).safeParse({ group: field(form, "group"), n: field(form, "n") });
  if (!input.success) redirect("/mail/news");
  await markUnread(session.email, { group: input.data.group, number: input.data.n });
  redirect(newsUrl({ group: input.data.group }));
});

export const setGroupSpamFilter = sessionAction("/mail/news", async (session, form) => {
  const input = z.object({ group: groupName, on: z.enum(["0", "1"]) }).safeParse({ group: field(form, "group"), on: field(form, "on") });
  if (!input.success) redirect("/mail/news");
  await setSpamFilter(session.email, { group: input.data.group, on: input.data.on === "1" });
  redirect(newsUrl({ group: input.data.group }));
});

const messageId = z.string().min(3).max(250).regex(/^<?[\x21-\x3d\x3f-\x7e]+>?$/);
const groups = z
  .string()
  .max(2000)
  .transform((s) => s.split(/[\s,]+/).filter(Boolean))
  .pipe(z.array(groupName).min(1).max(20));

/** New article or follow-up from the news composer. */
export const postToNews = sessionAction("/mail/news/compose", async (session, form) => {
  const input = z
    .object({
      newsgroups: groups,
      followupTo: z.union([z.literal(""), groups]),
      subject: z.string().trim().min(1).max(500),
      text: z.string().max(1_000_000),
      // the composer's switch: plain unless the poster chose rich text
      format: z.enum(["plain", "html"]).catch("plain"),
      references: z.string().max(20_000).transform((s) => s.split(/\s+/).map((r) => r.replace(/^<|>$/g, "")).filter(Boolean)),
      back: z.union([z.literal(""), groupName]),
    })
    .safeParse(Object.fromEntries(["newsgroups", "followupTo", "subject", "text", "format", "references", "back"].map((k) => [k, field(form, k)])));
  if (!input.success) redirect(noticeUrl("/mail/news", { kind: "error", text: noticeKey("articleInvalid") }));
  const d = input.data;
  const identity = (await listIdentities(session.email))[0];
  const from = { name: identity.name, address: identity.address || session.email };
  const back = d.back || d.newsgroups[0];
  await postNews(session.email, {
    from,
    newsgroups: d.newsgroups,
    followupTo: d.followupTo || undefined,
    subject: d.subject,
    ...(d.format === "html" ? { text: "", html: d.text } : { text: d.text }),
    references: d.references,
  }).catch((e) => fail(newsUrl({ group: back }), e));
  redirect(noticeUrl("/mail/news", { kind: "ok", text: noticeKey("articlePosted", { groups: d.newsgroups.join(", ") }) }, { group: back }));
});

export const cancelOwnArticle = sessionAction("/mail/news", async (session, form) => {
  const input = z.object({ group: groupName, messageId }).safeParse({ group: field(form, "group"), messageId: field(form, "messageId") });
  if (!input.success) redirect("/mail/news");
  const own = [session.email, ...(await listIdentities(session.email)).map((i) => i.address)];
  await cancelArticle(session.email, { messageId: input.data.messageId, ownAddresses: own }).catch((e) => fail(newsUrl({ group: input.data.group }), e));
  redirect(noticeUrl("/mail/news", { kind: "ok", text: noticeKey("articleCancelled") }, { group: input.data.group }));
});

export const saveNewsServerSettings = sessionAction("/mail/news/server", async (session, form) => {
  const input = z
    .object({
      host: z.string().trim().min(1).max(253).regex(/^[A-Za-z0-9.:[\]-]+$/),
      port: z.coerce.number().int().min(1).max(65535),
      security: newsSecurity,
      user: z.string().max(320),
      pass: z.string().max(1000),
    })
    .safeParse(Object.fromEntries(["host", "port", "security", "user", "pass"].map((k) => [k, field(form, k)])));
  if (!input.success) redirect(noticeUrl("/mail/news/server", { kind: "error", text: noticeKey("newsServerInvalid") }));
  const { host, port, security, user, pass } = input.data;
  // an empty password field keeps the stored one (the form never shows it)
  const current = await getNewsServer(session.email);
  const kept = !pass && current.own && current.credentials?.user === user ? current.credentials.pass : pass;
  await saveNewsServer(session.email, { host, port, security, credentials: user ? { user, pass: kept } : null });
  redirect(noticeUrl("/mail/news/server", { kind: "ok", text: noticeKey("newsServerSaved") }));
});

export const useDefaultNewsServer = sessionAction("/mail/news/server", async (session) => {
  await forgetNewsServer(session.email);
  redirect(noticeUrl("/mail/news/server", { kind: "ok", text: noticeKey("newsServerDefault") }));
});

