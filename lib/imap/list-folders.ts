import type { ListResponse } from "imapflow";
import type { ImapIdentity } from "./session-pool";
import { withConnection } from "./with-mailbox";

export type FolderInfo = {
  path: string;
  name: string;
  delimiter: string;
  specialUse: string | null;
  depth: number;
  total: number;
  unseen: number;
  selectable: boolean;
  subscribed: boolean;
  /** false for \\Noinferiors folders (and on servers without a hierarchy delimiter). */
  canHaveChildren: boolean;
};

export type FolderListOptions = {
  /** Also unsubscribed folders ("Manage folders" shows every folder; the tree only subscribed ones). */
  includeUnsubscribed?: boolean;
};

const SPECIAL_ORDER = ["\\Inbox", "\\Drafts", "\\Sent", "\\Junk", "\\Trash", "\\Archive"];

function rank(f: Pick<ListResponse, "specialUse">): number {
  const i = f.specialUse ? SPECIAL_ORDER.indexOf(f.specialUse) : -1;
  return i === -1 ? SPECIAL_ORDER.length : i;
}

/**
 * Orders folders for the tree: INBOX and special-use folders first, then the rest by name, each
 * followed by its children (nesting from the server's delimiter). Only subscribed folders and INBOX,
 * unless `includeUnsubscribed`.
 */
export function orderFolders(list: ListResponse[], opts: FolderListOptions = {}): FolderInfo[] {
  const shown = list.filter(
    (f) => opts.includeUnsubscribed || f.subscribed || f.specialUse === "\\Inbox" || f.path.toUpperCase() === "INBOX",
  );
  const byParent = new Map<string, ListResponse[]>();
  for (const f of shown) {
    const parent = f.parentPath ?? "";
    byParent.set(parent, [...(byParent.get(parent) ?? []), f]);
  }
  const out: FolderInfo[] = [];
  const visit = (parent: string, depth: number) => {
    const children = (byParent.get(parent) ?? []).sort(
      (a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name),
    );
    for (const f of children) {
      out.push({
        path: f.path,
        name: f.specialUse === "\\Inbox" || f.path.toUpperCase() === "INBOX" ? "Inbox" : f.name,
        delimiter: f.delimiter,
        specialUse: f.specialUse ?? (f.path.toUpperCase() === "INBOX" ? "\\Inbox" : null),
        depth,
        total: f.status?.messages ?? 0,
        unseen: f.status?.unseen ?? 0,
        selectable: !f.flags.has("\\Noselect") && !f.flags.has("\\NonExistent"),
        subscribed: Boolean(f.subscribed), // imapflow leaves it undefined for unsubscribed folders
        canHaveChildren: Boolean(f.delimiter) && !f.flags.has("\\Noinferiors"),
      });
      visit(f.path, depth + 1);
    }
  };
  visit("", 0);
  // Folders whose parent is not shown (unsubscribed parent) still appear, at the top level.
  const seen = new Set(out.map((f) => f.path));
  for (const f of shown) if (!seen.has(f.path)) out.push(...orderFolders([{ ...f, parentPath: "" }], opts));
  return out;
}

/** The folder tree with message and unread counts (one LIST with STATUS per folder). */
export async function listFolders(id: ImapIdentity, opts: FolderListOptions = {}): Promise<FolderInfo[]> {
  return withConnection(id, async (client) => {
    // Dovecot answers STATUS for the selected folder from this connection's view, which only
    // learns of new mail on a command: without the NOOP a live refresh would count it unread late.
    if (client.mailbox) await client.noop();
    return orderFolders(await client.list({ statusQuery: { messages: true, unseen: true } }), opts);
  });
}
