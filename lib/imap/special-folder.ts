import type { ImapFlow } from "imapflow";

export type SpecialUse = "\\Trash" | "\\Junk" | "\\Sent" | "\\Drafts" | "\\Archive";

/** The path of a special-use folder (RFC 6154), or null if the server names none. */
export async function findSpecialFolder(client: ImapFlow, use: SpecialUse): Promise<string | null> {
  const folders = await client.list();
  return folders.find((f) => f.specialUse === use)?.path ?? null;
}
