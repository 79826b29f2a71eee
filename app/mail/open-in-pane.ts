import type { MouseEvent } from "react";

/**
 * A click on a message in the list (or j, k, Enter and u) changes the URL without a navigation
 * (history.pushState, which Next's router follows: useSearchParams sees the new uid, Back and
 * Forward restore the page on screen) and the reading pane fetches only itself (reading-pane-switch.tsx, open-pane.ts). The
 * URL stays the mail page's own, so a reload, a new tab or a shared link opens the same message.
 */
export function showInPane(url: string): void {
  const target = new URL(url, window.location.href);
  if (target.href === window.location.href) return; // already shown: no request, no history entry
  // the pane's request goes out now, not after React has rendered the new URL (tens of ms)
  if (target.searchParams.has("uid")) askEarly?.(target.searchParams.toString());
  window.history.pushState(null, "", url);
}

// This tab's reading pane (browser code: one page, one pane; nothing a server process holds).
let askEarly: ((query: string) => void) | null = null;

/** The reading pane says how to ask for a URL's pane (reading-pane-switch.tsx). */
export function askForPanesWith(ask: ((query: string) => void) | null): void {
  askEarly = ask;
}

/** A plain left click, which opens in the pane; with a modifier the browser does what it does
 * with links (a new tab, a new window, a download). */
export function isPlainClick(e: MouseEvent): boolean {
  return !e.defaultPrevented && e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey;
}

/** Said when a message opened in the pane was unread until then: the list and the folder's count
 * show it read without the whole page being rendered again. */
export const MESSAGE_OPENED_EVENT = "postern:message-opened";
export type MessageOpened = { folder: string; uid: number; account: string | null };

export function announceOpened(detail: MessageOpened): void {
  window.dispatchEvent(new CustomEvent<MessageOpened>(MESSAGE_OPENED_EVENT, { detail }));
}

/** Hears announceOpened for one folder of one mailbox; returns the way to stop (an effect's cleanup). */
export function onOpenedIn(folder: string, account: string | null, heard: (uid: number) => void): () => void {
  const listener = (e: Event) => {
    const d = (e as CustomEvent<MessageOpened>).detail;
    if (d.folder === folder && d.account === account) heard(d.uid);
  };
  window.addEventListener(MESSAGE_OPENED_EVENT, listener);
  return () => window.removeEventListener(MESSAGE_OPENED_EVENT, listener);
}
