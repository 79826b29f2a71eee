"use client";
import { useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { LiveEvent, NewMail } from "@/lib/live/live-event";
import { mailUrl } from "./mail-url";
import { useUnreadCount } from "./unread-count";

type Props = {
  folder: string;
  folderName: string;
  /** Unread messages in the shown folder, for the tab title. */
  unseen: number;
  /** Messages the page was listed from, when it lists the whole folder (no search); a watcher that
   * counts otherwise means mail came or went between rendering and watching. */
  listedCount: number | null;
  /** The page render's id: the unread count in the title follows opens in the pane (open-in-pane.ts). */
  rendered: string;
  notify: boolean;
  /** The added account shown (issue 22): its own mailbox is watched. */
  account?: string;
};

/** Re-reads after a burst of events, not once per event. */
const REFRESH_DELAY_MS = 250;

type LiveState = "connecting" | "watching" | "paused" | "off";

/**
 * Keeps the open mail page current: listens to the server's event stream for this user and, when
 * something changed, re-renders the page from the server (router.refresh keeps the list's
 * selection and scroll, as it only replaces the data). Also the tab title and, if the user opted
 * in, desktop notifications for new INBOX mail.
 */
export function LiveUpdates({ folder, folderName, unseen: renderedUnseen, listedCount, rendered, notify, account }: Props) {
  const router = useRouter();
  const unseen = useUnreadCount(folder, account ?? null, renderedUnseen, rendered);
  // The open message (the URL's, also when a click opened it in the pane) was marked read by
  // opening it: its own flag change needs no re-read.
  const openUid = Number(useSearchParams().get("uid")) || null;
  const t = useTranslations("live");
  const [state, setState] = useState<LiveState>("connecting");
  // What a screen reader announces when mail arrives (the polite live region below).
  const [announcement, setAnnouncement] = useState("");
  const tRef = useRef(t);
  tRef.current = t;
  const listed = useRef(listedCount);
  listed.current = listedCount;
  const openUidRef = useRef(openUid);
  openUidRef.current = openUid;
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
    let source: EventSource | null = null;
    let paused = false;
    let releaseBackgroundLock: (() => void) | null = null;
    let disposed = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refreshSoon = () => {
      clearTimeout(timer);
      timer = setTimeout(() => router.refresh(), REFRESH_DELAY_MS);
    };
    const read = (e: Event) => JSON.parse((e as MessageEvent<string>).data) as LiveEvent;

    const open = () => {
      if (source) return;
      const s = new EventSource(`/api/live?${new URLSearchParams({ folder, ...(account ? { account } : {}) })}`);
      source = s;
      s.addEventListener("watching", (e) => {
        const ev = read(e);
        if (ev.type !== "watching" || ev.folder !== folder) return;
        setState("watching");
        if (listed.current !== null && ev.messages !== listed.current) refreshSoon();
      });
      // Any folder: the folder tree's unread counts change too. Not the \Seen the page's own open
      // stored: the page was rendered after it (app/mail/page.tsx opens first).
      s.addEventListener("changed", (e) => {
        const ev = read(e);
        if (ev.type !== "changed") return;
        const ownOpen = ev.folder === folder && ev.flagsOf?.length && ev.flagsOf.every((uid) => uid === openUidRef.current);
        if (!ownOpen) refreshSoon();
      });
      s.addEventListener("new-mail", (e) => {
        const ev = read(e);
        if (ev.type !== "new-mail") return;
        const [first] = ev.messages;
        if (first) {
          const tr = tRef.current;
          setAnnouncement(
            ev.messages.length === 1
              ? tr("newMailFrom", { from: first.from || tr("unknownSender"), subject: first.subject || tr("noSubject") })
              : tr("newMailCount", { count: ev.messages.length }),
          );
        }
        if (notifyRef.current) for (const m of ev.messages) showNotification(m, (url) => router.push(url), tRef.current, account);
      });
      s.addEventListener("ended", () => {
        s.close();
        setState("off");
      });
      // EventSource reconnects by itself after a network error; it gives up (CLOSED) on an error status.
      s.onerror = () => setState(s.readyState === EventSource.CLOSED ? "off" : "connecting");
    };
    const pause = () => {
      source?.close();
      source = null;
      paused = true;
      setState("paused");
    };

    // A browser gives a site about six HTTP/1.1 connections, and every open stream holds one: with
    // many Postern tabs the rest would hang. So hidden tabs let go of theirs, except one (the Web
    // Lock's holder), which keeps desktop notifications coming while Postern is in the background.
    const onVisibility = () => {
      if (document.visibilityState === "visible") {
        releaseBackgroundLock?.();
        releaseBackgroundLock = null;
        if (paused) {
          paused = false;
          open();
          refreshSoon(); // whatever changed while paused
        }
        return;
      }
      if (typeof navigator.locks === "undefined") return;
      void navigator.locks.request("postern-live-background", { ifAvailable: true }, (lock) => {
        if (disposed || document.visibilityState === "visible") return;
        if (!lock) return pause();
        return new Promise<void>((resolve) => (releaseBackgroundLock = resolve));
      });
    };

    open();
    if (document.visibilityState === "hidden") onVisibility();
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      disposed = true;
      document.removeEventListener("visibilitychange", onVisibility);
      releaseBackgroundLock?.();
      clearTimeout(timer);
      source?.close();
    };
  }, [folder, account, router]);

  return (
    <>
      <span hidden data-testid="live-updates" data-state={state} />
      <p className="sr-only" role="status" aria-live="polite" data-testid="live-announcer">
        {announcement}
      </p>
    </>
  );
}

function showNotification(m: NewMail, open: (url: string) => void, t: ReturnType<typeof useTranslations<"live">>, account?: string): void {
  if (typeof Notification === "undefined" || Notification.permission !== "granted") return;
  // The tag makes the same message notify once, however many tabs are open.
  const n = new Notification(m.from || t("newMail"), { body: m.subject || t("noSubject"), tag: account ? `postern-${account}-${m.uid}` : `postern-${m.uid}` });
  n.onclick = () => {
    window.focus();
    open(mailUrl({ folder: "INBOX", uid: m.uid, list: account ? { account } : undefined }));
    n.close();
  };
}
