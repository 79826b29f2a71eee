"use server";
// Folder management as server actions, each with the session's CSRF token (sessionAction); every
// input is validated here and again in lib/imap.
import { z } from "zod";
import { createFolder } from "@/lib/imap/create-folder";
import { deleteFolder } from "@/lib/imap/delete-folder";
import { emptyFolder } from "@/lib/imap/empty-folder";
import { renameFolder } from "@/lib/imap/rename-folder";
import type { ImapIdentity } from "@/lib/imap/session-pool";
import { setFolderSubscription } from "@/lib/imap/set-folder-subscription";
import { noticeKey } from "@/app/i18n/notice-key";
import { noticeAction } from "../notice-action";

const path = z.string().min(1).max(1000);
const name = z.string().max(1000);
const confirmed = z.literal("yes");

const createInput = z.object({ name, parent: z.string().max(1000).optional() });
const renameInput = z.object({ path, newName: name });
const deleteInput = z.object({ path, confirm: confirmed });
const subscriptionInput = z.object({ path, subscribed: z.enum(["yes", "no"]) });
const emptyInput = z.object({ use: z.enum(["trash", "junk"]), confirm: confirmed });

export const createFolderAction = folderAction(createInput, async (imap, input) => {
  const created = await createFolder(imap, { name: input.name, parent: input.parent || null });
  return noticeKey("folderCreated", { folder: created.path });
});

export const renameFolderAction = folderAction(renameInput, async (imap, input) => {
  const renamed = await renameFolder(imap, { path: input.path, newName: input.newName });
  return renamed.path === input.path ? noticeKey("folderKeepsName", { folder: input.path }) : noticeKey("folderRenamed", { folder: input.path, to: renamed.path });
});

export const deleteFolderAction = folderAction(deleteInput, async (imap, input) => {
  const { deleted } = await deleteFolder(imap, { path: input.path });
  const subfolders = deleted.length - 1;
  return noticeKey("folderDeleted", { folder: input.path, subfolders });
});

export const setSubscriptionAction = folderAction(subscriptionInput, async (imap, input) => {
  const subscribed = input.subscribed === "yes";
  await setFolderSubscription(imap, { path: input.path, subscribed });
  return noticeKey(subscribed ? "folderShown" : "folderHidden", { folder: input.path });
});

export const emptyFolderAction = folderAction(emptyInput, async (imap, input) => {
  const { path: emptied, removed } = await emptyFolder(imap, { specialUse: input.use === "trash" ? "\\Trash" : "\\Junk" });
  return noticeKey("folderEmptied", { folder: emptied, count: removed });
});

/** Every folder action comes back to "Manage folders" with a notice (noticeAction); the work gets
 * the session's IMAP identity. */
function folderAction<S extends z.ZodType>(
  schema: S,
  work: (imap: ImapIdentity, input: z.infer<S>) => Promise<string>,
): (form: FormData) => Promise<void> {
  return noticeAction({
    page: "/mail/folders",
    schema,
    invalid: () => noticeKey("formInvalid"),
    logTag: "folders",
    work: (session, input) => work(session.imap, input),
  });
}
