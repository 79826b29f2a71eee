import { MAX_PARSE_BYTES, NNTP_MAX_ARTICLE_BYTES } from "@/lib/limits";
import { parseMessage } from "@/lib/mime/parse-message";
import type { ParsedMessage } from "@/lib/mime/types";
import { fetchArticle } from "@/lib/nntp/commands/article";
import { selectGroup } from "@/lib/nntp/commands/group";
import type { NewsSession } from "@/lib/nntp/open-news-session";
import { readThreadHeaders } from "@/lib/threads/read-thread-headers";
import type { ArticleMark } from "./read-state";

export type OpenedArticle = {
  group: string;
  number: number;
  message: ParsedMessage;
  /** Newsgroups, Followup-To, References and Message-ID as a follow-up needs them. */
  newsgroups: string[];
  followupTo: string[];
  messageId: string | null;
  references: string[];
  /** This article in every group it was posted to (Xref), for marking it read everywhere. */
  marks: ArticleMark[];
  size: number;
  /** The article as the server sent it (for the spam filter, when a group asks for it). */
  raw: Buffer;
};

function headerValue(raw: Buffer, name: string): string {
  const end = raw.indexOf("\r\n\r\n");
  const head = raw.subarray(0, end < 0 ? raw.length : end).toString("latin1").replace(/\r\n[ \t]+/g, " ");
  const m = new RegExp(`^${name}:[ \\t]*(.*)$`, "im").exec(head);
  return m ? m[1].trim() : "";
}

const groupList = (v: string) => v.split(/[\s,]+/).filter((g) => /^[^\s,]+$/.test(g) && g.toLowerCase() !== "poster");

/** The raw bytes of ARTICLE `number` of `group`, refused past what Postern parses (the whole
 * article is held in memory).
 * @throws NntpResponseError 411/423 | NntpProtocolError too-large */
export async function fetchArticleBytes(session: NewsSession, opts: { group: string; number: number }): Promise<Buffer> {
  await selectGroup(session.connection, opts.group);
  const maxBytes = Math.min(NNTP_MAX_ARTICLE_BYTES, MAX_PARSE_BYTES);
  return (await fetchArticle(session.connection, { ref: { number: opts.number }, maxBytes })).raw;
}

/** ARTICLE `number` of `group`, parsed by the same MIME pipeline as mail.
 * @throws NntpResponseError 411/423 | NntpProtocolError too-large */
export async function readArticle(session: NewsSession, opts: { group: string; number: number }): Promise<OpenedArticle> {
  const raw = await fetchArticleBytes(session, opts);
  const message = await parseMessage(raw);
  const thread = readThreadHeaders(raw.subarray(0, Math.max(0, raw.indexOf("\r\n\r\n")) + 2));
  const xref = headerValue(raw, "Xref").split(/\s+/).slice(1);
  const marks: ArticleMark[] = [{ group: opts.group, number: opts.number }];
  for (const p of xref) {
    const colon = p.lastIndexOf(":");
    const n = Number(p.slice(colon + 1));
    if (colon > 0 && Number.isSafeInteger(n) && n > 0 && p.slice(0, colon) !== opts.group) marks.push({ group: p.slice(0, colon), number: n });
  }
  return {
    group: opts.group,
    number: opts.number,
    message,
    newsgroups: groupList(headerValue(raw, "Newsgroups")),
    followupTo: groupList(headerValue(raw, "Followup-To")),
    messageId: thread.messageId,
    references: thread.references,
    marks,
    size: raw.length,
    raw,
  };
}
