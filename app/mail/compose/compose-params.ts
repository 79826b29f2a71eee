import { z } from "zod";
import type { ComposeRequest } from "@/lib/compose/prepare-compose";
import { groupName } from "../news/news-params";

const uid = z.coerce.number().int().positive().max(4294967295).optional().catch(undefined);

/** The composer's URL: ?reply=, ?replyAll=, ?forward= or ?draft= a UID in ?folder=; ?to= for a
 * new message to someone (mailto: links). */
export const composeParamsSchema = z.object({
  reply: uid,
  replyAll: uid,
  forward: uid,
  forwardAttached: uid,
  draft: uid,
  folder: z.string().min(1).max(1000).optional().catch(undefined),
  to: z.string().max(10_000).optional().catch(undefined),
  /** Folder to go back to; kept in the URL of a saved draft so a reload keeps it too. */
  back: z.string().min(1).max(1000).optional().catch(undefined),
  /** Reply by mail to news article ?article= in ?newsgroup= (issue 24). */
  article: z.coerce.number().int().positive().max(2 ** 53 - 1).optional().catch(undefined),
  newsgroup: groupName.optional().catch(undefined),
  /** A sent message waiting out the undo delay (lib/outbox). */
  outbox: z.string().min(1).max(100).optional().catch(undefined),
});

export type ComposeParams = z.infer<typeof composeParamsSchema>;

export function toComposeRequest(p: ComposeParams): ComposeRequest {
  const folder = p.folder ?? "INBOX";
  if (p.draft) return { kind: "draft", ref: { folder: p.folder ?? "Drafts", uid: p.draft } };
  if (p.replyAll) return { kind: "replyAll", ref: { folder, uid: p.replyAll } };
  if (p.reply) return { kind: "reply", ref: { folder, uid: p.reply } };
  if (p.forward) return { kind: "forward", ref: { folder, uid: p.forward } };
  if (p.forwardAttached) return { kind: "forwardAttached", ref: { folder, uid: p.forwardAttached } };
  if (p.article && p.newsgroup) return { kind: "replyToArticle", article: { group: p.newsgroup, number: p.article } };
  return { kind: "new", to: p.to };
}

/** Where Send and Discard go back to: the folder of the message answered, else the inbox (a
 * draft's folder is not where one was reading). */
export function backFolder(p: ComposeParams): string {
  return p.back ?? (!p.draft && p.folder ? p.folder : "INBOX");
}
