"use client";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { onOpenedIn } from "./open-in-pane";

/** A folder's unread count in the tree, nothing when none. */
export function UnreadCount({ folder, account, count, rendered }: { folder: string; account: string | null; count: number; rendered: string }) {
  const t = useTranslations("folderTree");
  const unread = useUnreadCount(folder, account, count, rendered);
  if (unread <= 0) return null;
  return (
    <span className="unread-count" aria-label={t("unread", { count: unread })}>
      {unread}
    </span>
  );
}

/**
 * A folder's unread count as the server last rendered it, less the messages opened in the pane
 * since then (each said once by announceOpened). `rendered` changes with every render of the page
 * on the server, whose count then includes them.
 */
export function useUnreadCount(folder: string, account: string | null, count: number, rendered: string): number {
  const [opened, setOpened] = useState(0);
  useEffect(() => setOpened(0), [rendered]);
  useEffect(() => onOpenedIn(folder, account, () => setOpened((n) => n + 1)), [folder, account]);
  return Math.max(0, count - opened);
}
