import { PosternError } from "@/lib/http/errors";
import { extractMember, memberFilename, uuencodedMembers, type Member, type MemberFile } from "@/lib/mime/derived-member";
import { parseMessage } from "@/lib/mime/parse-message";
import { readSignedMember } from "@/lib/mime/read-signed-member";
import type { NewsSession } from "@/lib/nntp/open-news-session";
import { fetchArticleBytes } from "./read-article";

export type ArticleFile = { data: Buffer; contentType: string; filename: string };

const missing = () => new PosternError("NOT_FOUND", "This attachment is not in the article.");

/**
 * One file of an article, as Postern's own MIME reading of it lists it: a part by its number, or
 * (with `member`) a file inside one (uuencoded in the text, unpacked from TNEF, inside S/MIME
 * signed data), taken out with the same readers that listed it. NNTP has no part fetch, so the
 * article is fetched whole, within the size limit reading has too.
 * @throws PosternError NOT_FOUND | MESSAGE_TOO_LARGE (via withNews) | NntpResponseError 411/423
 */
export async function downloadArticlePart(
  session: NewsSession,
  opts: { group: string; number: number; part: string; member?: Member },
): Promise<ArticleFile> {
  const raw = await fetchArticleBytes(session, opts);
  let content: Buffer | undefined;
  let text: string | undefined;
  const parsed = await parseMessage(raw, {
    onPartContent: (id, bytes) => (id === opts.part ? (content = bytes) : undefined),
    onTextPart: (id, value) => (id === opts.part ? (text = value) : undefined),
  });
  if (opts.member) {
    const file = await memberFile({ content, text, member: opts.member });
    if (!file) throw missing();
    return { data: file.data, contentType: file.contentType, filename: memberFilename(opts.part, opts.member, file.name, file.contentType) };
  }
  const info = parsed.attachments.find((a) => a.partId === opts.part && !a.member);
  if (!content || !info) throw missing();
  return { data: content, contentType: info.contentType, filename: info.filename };
}

async function memberFile(opts: { content?: Buffer; text?: string; member: Member }): Promise<MemberFile | null> {
  const { content, text, member } = opts;
  // a uuencoded file is in a text part, which the parser decodes as text rather than listing
  if (member.kind === "uue") return text !== undefined ? (uuencodedMembers(text).files[member.index - 1] ?? null) : content ? extractMember(content, member) : null;
  if (!content) return null;
  return member.kind === "p7m" ? readSignedMember(content, member.index) : extractMember(content, member);
}
