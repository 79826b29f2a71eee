import type { ImapFlow } from "imapflow";
import { PosternError } from "@/lib/http/errors";
import { transferMessages, type MoveResult, type TransferOptions } from "./move-messages";
import type { ImapIdentity } from "./session-pool";

/** UID COPY of an already selected folder's messages; the new UIDs come from COPYUID (UIDPLUS). */
async function copySelected(client: ImapFlow, set: string, to: string): Promise<MoveResult> {
  const res = await client.messageCopy(set, to, { uid: true });
  if (!res) throw new PosternError("BAD_REQUEST", `The messages could not be copied to "${to}".`);
  return { folder: to, uids: [...(res.uidMap?.values() ?? [])].sort((a, b) => a - b) };
}

/**
 * Copies the selected messages of `folder` into `to`; the originals stay. Returns the copies'
 * UIDs, which is what undoing the copy needs: removing those for good.
 * @throws as transferMessages
 */
export function copyMessages(id: ImapIdentity, opts: TransferOptions): Promise<MoveResult> {
  return transferMessages(id, opts, copySelected);
}
