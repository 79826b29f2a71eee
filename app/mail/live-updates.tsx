"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { LiveEvent, NewMail } from "@/lib/live/live-event";
import { mailUrl } from "./mail-url";

type Props = {
  folder: string;
  folderName: string;
  /** Unread messages in the shown folder, for the tab title. */
  unseen: number;
  /** Messages the page was listed from, when it lists the whole folder (no search); a watcher that
   * counts otherwise means mail came or went between rendering and watching. */
  listedCount: number | null;
  notify: boolean;
};

/** Re-reads after a burst of events, not once per event. */
const REFRESH_DELAY_MS = 250;

type LiveState = "connecting" | "watching" | "off";

/**
 * Keeps the open mail page current: listens to the server's event stream for this user and, when
 * something changed, re-renders the page from the server (router.refresh keeps the list's
 * selection and scroll, as it only replaces the data). Also the tab title and, if the user opted
 * in, desktop notifications for new INBOX mail.
 */
export function LiveUpdates({ folder, folderName, unseen, listedCount, notify }: Props) {
  const router = useRouter();
  const [state, setState] = useState<LiveState>("connecting");
  const listed = useRef(listedCount);
  listed.current = listedCount;
  const notifyRef = useRef(notify);
  notifyRef.current = notify;

  useEffect(() => {
    const title = `${unseen > 0 ? `(${unseen}) ` : ""}${folderName} – Postern`;
    const apply = () => {
      if (document.title !== title) document.title = title;
    };
    apply();
    // Next writes the layout's static title back when it applies a refreshed page's metadata,
    // which may come after this effect: put ours back whenever that happens.
    const observer = new MutationObserver(apply);
    observer.observe(document.head, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [unseen, folderName]);

  useEffect(() => {
    const source = new EventSource(`/api/live?${new URLSearchParams({ folder })}`);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refreshSoon = () => {
      clearTimeout(timer);
      timer = setTimeout(() => router.refresh(), REFRESH_DELAY_MS);
    };
    const read = (e: Event) => JSON.parse((e as MessageEvent<string>).data) as LiveEvent;
    source.addEventListener("watching", (e) => {
      const ev = read(e);
      if (ev.type !== "watching" || ev.folder !== folder) return;
      setState("watching");
      if (listed.current !== null && ev.messages !== listed.current) refreshSoon();
    });
    // Any folder: the folder tree's unread counts change too.
    source.addEventListener("changed", refreshSoon);
    source.addEventListener("new-mail", (e) => {
      const ev = read(e);
      if (ev.type === "new-mail" && notifyRef.current) for (const m of ev.messages) showNotification(m, (url) => router.push(url));
    });
    source.addEventListener("ended", () => {
      source.close();
      setState("off");
    });
    // EventSource reconnects by itself after a network error; it gives up (CLOSED) on an error status.
    source.onerror = () => setState(source.readyState === EventSource.CLOSED ? "off" : "connecting");
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, [folder, router]);

  return <span hidden data-testid="live-updates" data-state={state} />;
}

function showNotification(m: NewMail, open: (url: string) => void): void {
  if (typeof Notification === "undefined" || Notification.permission !== "granted") return;
  // The tag makes the same message notify once, however many tabs are open.
  const n = new Notification(m.from || "New mail", { body: m.subject || "(no subject)", tag: `postern-${m.uid}` });
  n.onclick = () => {
    window.focus();
    open(mailUrl({ folder: "INBOX", uid: m.uid }));
    n.close();
  };
}
