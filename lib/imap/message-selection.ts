import { z } from "zod";

/** Most UIDs one request may name; beyond that the client selects "all in folder" instead,
 * which costs one short range on the wire however large the folder is. */
export const MAX_SELECTED_UIDS = 5000;

/** Which messages of a folder an action applies to. */
export const messageSelectionSchema = z.union([
  z.object({ uids: z.array(z.number().int().positive().max(4294967295)).min(1).max(MAX_SELECTED_UIDS) }),
  z.object({ all: z.literal(true) }),
]);

export type MessageSelection = z.infer<typeof messageSelectionSchema>;

/** The IMAP UID set for a selection: "4,7,9" or "1:*" for the whole folder. */
export function toUidSet(selection: MessageSelection): string {
  if ("all" in selection) return "1:*";
  return [...new Set(selection.uids)].sort((a, b) => a - b).join(",");
}
