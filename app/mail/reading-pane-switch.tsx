"use client";
import { useSearchParams } from "next/navigation";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { CSRF_FORM_FIELD, pageCsrfToken } from "./mutation-headers";
import { paneKey } from "./mail-url";
import { announceOpened, askForPanesWith } from "./open-in-pane";
import { openPane, type OpenedPane } from "./open-pane";

type Props = {
  /** The pane rendered with the page, for the URL the page was rendered for. */
  initial: ReactNode;
  initialKey: string;
  /** The pane without a message, for a Back to the list after a message was opened here. */
  empty: ReactNode;
  /** The folder's special use, passed back to the server with each open (open-pane.ts). */
  specialUse: string | null;
};

/**
 * The reading pane. While the URL names what the page was rendered with, it shows that; when a
 * click in the list changed the URL (open-in-pane.ts), it asks the server for the pane alone and
 * shows the one on screen until the answer is there, as a navigation would. Where the answer
 * cannot come (refused token, server error, network), the page is loaded instead: it says why.
 */
export function ReadingPaneSwitch({ initial, initialKey, empty, specialUse }: Props) {
  const search = useSearchParams();
  const key = paneKey((name) => search.get(name));
  const [fetched, setFetched] = useState<{ key: string; node: ReactNode } | null>(null);
  // only the answer for what the URL names now is used (clicks and Back can outrun answers)
  const latest = useRef(0);
  const uid = Number(search.get("uid")) || null;
  const query = search.toString();
  const wanted = key !== initialKey && uid !== null && fetched?.key !== key;

  // a click in the list asks at once (open-in-pane.ts); Back and Forward ask here
  const early = useRef<{ query: string; answer: Promise<OpenedPane | null> } | null>(null);
  useEffect(() => {
    askForPanesWith((asked) => (early.current = { query: asked, answer: askForPane(asked, specialUse) }));
    return () => askForPanesWith(null);
  }, [specialUse]);

  useEffect(() => {
    const asked = ++latest.current;
    if (!wanted) return;
    const url = `${window.location.pathname}${window.location.search}`;
    const answer = early.current?.query === query ? early.current.answer : askForPane(query, specialUse);
    early.current = null;
    answer.then(
      (answer) => {
        if (asked !== latest.current) return;
        if (!answer) return window.location.assign(url);
        setFetched({ key, node: answer.pane });
      },
      () => asked === latest.current && window.location.assign(url),
    );
  }, [wanted, key, query, specialUse]);

  if (key === initialKey) return initial;
  if (uid === null) return empty;
  return fetched?.node ?? initial;
}

function askForPane(query: string, specialUse: string | null): Promise<OpenedPane | null> {
  const form = new FormData();
  form.set(CSRF_FORM_FIELD, pageCsrfToken());
  form.set("search", query);
  if (specialUse) form.set("specialUse", specialUse);
  // the row below, which j, ↓ and the next click usually open: the server reads it ahead
  const uid = new URLSearchParams(query).get("uid");
  const below = document.querySelector<HTMLElement>(`li[data-uid="${uid}"]`)?.nextElementSibling;
  if (below instanceof HTMLElement && below.dataset.uid) form.set("ahead", below.dataset.uid);
  return openPane(null, form).then((answer) => {
    // read now on the server, whatever is on screen by then
    if (answer?.markedSeen) announceOpened({ folder: answer.folder, uid: answer.uid, account: new URLSearchParams(query).get("account") });
    return answer;
  });
}

/** The mail page's frame: on phones it shows the list or, with a message open, the message. The
 * URL says which, also after a click that opened the message in the pane. */
export function MailAppFrame({ children }: { children: ReactNode }) {
  const open = Number(useSearchParams().get("uid")) > 0;
  return <div className={open ? "mail-app has-message" : "mail-app"}>{children}</div>;
}
