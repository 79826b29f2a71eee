import type { ComposeContext, KeptAttachment, MessageRef } from "@/lib/compose/compose-types";
import type { ComposeFields } from "./post-compose";

/**
 * What the composer held when it could not save (the session ended, the server was away), kept in
 * this tab's sessionStorage so that a reload, or signing in again and coming back, finds it. Only
 * while unsaved: a successful save, a send or a discard removes it. Picked files that were never
 * uploaded cannot be kept there; their names are, to say so.
 */
export type UnsavedCopy = {
  account: string;
  draft: MessageRef | null;
  context: ComposeContext;
  fields: ComposeFields;
  kept: KeptAttachment[];
  lostFiles: string[];
};

const KEY = "postern:unsaved-compose";

export function rememberUnsaved(copy: UnsavedCopy): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(copy));
  } catch {
    // storage full or disabled: the server-side draft is all there is
  }
}

export function forgetUnsaved(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // nothing kept, nothing to forget
  }
}

const sameRef = (a: MessageRef | null, b: MessageRef | null) => (a && b ? a.folder === b.folder && a.uid === b.uid : a === b);

/** The copy for this very composer (same account, same draft, same reply or forward), if any. */
export function findUnsaved(account: string, draft: MessageRef | null, context: ComposeContext): UnsavedCopy | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    const copy = JSON.parse(raw) as UnsavedCopy;
    if (copy.account !== account || !sameRef(copy.draft, draft) || JSON.stringify(copy.context) !== JSON.stringify(context)) return null;
    return copy;
  } catch {
    return null;
  }
}
