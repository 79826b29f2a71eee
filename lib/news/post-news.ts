import { deriveKey } from "@/lib/auth/secret-key";
import { PosternError } from "@/lib/http/errors";
import { fetchArticle } from "@/lib/nntp/commands/article";
import { postArticle } from "@/lib/nntp/commands/post";
import { buildArticle, type ArticleDraft } from "./build-article";
import { cancelKey, cancelLock } from "./cancel-lock";
import { withNews } from "./with-news";

const domainOf = (address: string) => address.split("@").pop() || "postern.invalid";
const cancelSecret = () => deriveKey("news-cancel-lock");

/** Posts a new article or follow-up to the account's news server. @returns its Message-ID
 * @throws PosternError NEWS_REJECTED (posting not allowed, or the server's reason) | NEWS_UNAVAILABLE */
export async function postNews(account: string, draft: ArticleDraft): Promise<string> {
  if (!draft.newsgroups.length) throw new PosternError("BAD_REQUEST", "Name at least one newsgroup.");
  return withNews(account, async (session) => {
    if (!session.postingAllowed) throw new PosternError("NEWS_REJECTED", "The news server does not let you post.");
    const secret = cancelSecret();
    const lock = (messageId: string) => cancelLock(cancelKey(secret, { messageId, account }));
    const { raw, messageId } = await buildArticle({ ...draft, cancelLock: lock }, { domain: domainOf(draft.from.address) });
    await postArticle(session.connection, raw);
    return messageId;
  });
}

/**
 * Cancels one's own article (RFC 5537 5.3): a control message from the same From, to the same
 * groups, with the Cancel-Key that opens the Cancel-Lock Postern put on it (RFC 8315). Only an
 * article whose From is one of `ownAddresses` may be cancelled from Postern; the server decides
 * whether it honours the cancel (articles posted elsewhere carry no lock Postern can open).
 * @throws PosternError FORBIDDEN for someone else's article | NOT_FOUND | NEWS_REJECTED
 */
export async function cancelArticle(account: string, opts: { messageId: string; ownAddresses: readonly string[] }): Promise<void> {
  await withNews(account, async (session) => {
    const { raw } = await fetchArticle(session.connection, { ref: { messageId: opts.messageId }, part: "HEAD" });
    const head = raw.toString("utf8").replace(/\r\n[ \t]+/g, " ");
    const field = (name: string) => new RegExp(`^${name}:[ \\t]*(.*)$`, "im").exec(head)?.[1].trim() ?? "";
    const fromAddress = (/<([^<>\s]+)>/.exec(field("From"))?.[1] ?? field("From")).toLowerCase();
    if (!opts.ownAddresses.some((a) => a.toLowerCase() === fromAddress)) {
      throw new PosternError("FORBIDDEN", "You can cancel only your own articles.");
    }
    const id = opts.messageId.replace(/^<|>$/g, "");
    const { raw: cancel } = await buildArticle(
      {
        from: { name: "", address: fromAddress },
        newsgroups: field("Newsgroups").split(/[\s,]+/).filter(Boolean),
        subject: `cmsg cancel <${id}>`,
        text: "This article was cancelled by its author.\n",
        control: `cancel <${id}>`,
        cancelKey: cancelKey(cancelSecret(), { messageId: id, account }),
      },
      { domain: domainOf(fromAddress) },
    );
    await postArticle(session.connection, cancel);
  });
}
