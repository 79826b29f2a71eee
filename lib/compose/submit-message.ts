import { PosternError } from "@/lib/http/errors";
import { requireSpecialFolder } from "@/lib/imap/append-message";
import type { ImapIdentity } from "@/lib/imap/session-pool";
import { withConnection } from "@/lib/imap/with-mailbox";
import { buildMessage } from "@/lib/smtp/build-message";
import { sendMessage, type AfterSend, type Delivered } from "@/lib/smtp/send-message";
import type { MessageRef, SaveDraftResult } from "./compose-types";
import { fetchKeptAttachments } from "./fetch-kept-attachments";
import { saveDraft } from "./save-draft";
import { toSendableMessage, type ComposeSubmission } from "./submission";

export type SubmitOutcome =
  | { ok: true; delivered: Delivered }
  /** Nothing was sent; `draft` is where the message was kept (null if even that failed). */
  | { ok: false; error: PosternError; draft: SaveDraftResult | null };

/** The draft to remove after sending, only if it really is in Drafts: a message opened "as a
 * draft" from another folder is left where it is. */
async function draftToRemove(imap: ImapIdentity, draft: MessageRef | null): Promise<MessageRef | null> {
  if (!draft) return null;
  const drafts = await withConnection(imap, (client) => requireSpecialFolder(client, "\\Drafts")).catch(() => null);
  return drafts === draft.folder ? draft : null;
}

function afterSend(s: ComposeSubmission, draft: MessageRef | null): AfterSend {
  const { kind, original } = s.context;
  const flag = kind === "forward" ? "$Forwarded" : kind === "reply" || kind === "replyAll" ? "\\Answered" : null;
  return { original: original && flag ? { ...original, flag } : null, draft };
}

/**
 * Sends what the composer submitted. When it cannot be sent (a refused recipient, the server
 * down, a bad address) the message is saved to Drafts instead, so a failed send never loses it.
 */
export async function submitMessage(imap: ImapIdentity, s: ComposeSubmission, limit: number): Promise<SubmitOutcome> {
  try {
    const attachments = [...(await fetchKeptAttachments(imap, s.kept, limit)), ...s.uploads];
    const built = await buildMessage(toSendableMessage(s, attachments));
    const delivered = await sendMessage(imap, built, { ...afterSend(s, await draftToRemove(imap, s.draft)), limit });
    return { ok: true, delivered };
  } catch (e) {
    if (!(e instanceof PosternError)) throw e;
    const draft = await saveDraft(imap, s, limit).catch((saveError: unknown) => {
      console.warn("[send] draft not kept after a failed send:", saveError);
      return null;
    });
    return { ok: false, error: e, draft };
  }
}
