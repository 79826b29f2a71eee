"use client";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { MessagePage, MessageSummary } from "@/lib/imap/list-messages";
import { composeUrl } from "./compose-links";
import { displayName, formatSize } from "./format";
import { PaperclipIcon, StarIcon } from "./icons";
import { LocalDate } from "./local-date";
import { mailUrl } from "./mail-url";
import { OPEN_MESSAGE_ACTION_EVENT, type OpenMessageAction } from "./message-actions";
import { isPlainClick, onOpenedIn, showInPane } from "./open-in-pane";
import { Pager } from "./pager";
import { useErrorText } from "@/app/i18n/use-error-text";
import { ActionError, postAction, type ActionBody, type MoveResult, type Selection } from "./post-action";
import { SEARCH_INPUT_ID, SearchBar } from "./search-bar";
import { ShortcutHelp } from "./shortcut-help";
import { SortSelect } from "./sort-select";
import { useMailShortcuts } from "./use-mail-shortcuts";

export type MoveTarget = { path: string; name: string };

type Props = {
  page: MessagePage;
  /** Sort/search URL parameters to keep in every link of the list. */
  listParams: Record<string, string>;
  moveTargets: MoveTarget[];
  inTrash: boolean;
  /** The folder is Junk: offer "Not spam" instead of "Spam". */
  inJunk?: boolean;
};

type Override = Partial<Pick<MessageSummary, "seen" | "flagged" | "possiblySpam">>;
/** `forget`: the move also taught the spam filter, and undoing it un-teaches it. */
type Toast = { text: string; undo?: { moved: MoveResult; back: string; forget?: boolean }; undoCopy?: MoveResult };

/** How long "Undo" stays on screen after a move or delete. */
const UNDO_MS = 8000;

export function MessageList({ page, listParams, moveTargets, inTrash, inJunk = false }: Props) {
  const router = useRouter();
  // the open message is the URL's: a click opens it in the pane without rendering the list again
  const selectedUid = Number(useSearchParams().get("uid")) || undefined;
  const t = useTranslations("list");
  const sayAnswerError = useErrorText();
  const locale = useLocale();
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [allInFolder, setAllInFolder] = useState(false);
  const [anchor, setAnchor] = useState<number | null>(null);
  const [overrides, setOverrides] = useState<Map<number, Override>>(new Map());
  const [hidden, setHidden] = useState<Set<number>>(new Set());
  const [toast, setToast] = useState<Toast | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);

  // A fresh page from the server is the truth: drop optimistic state that it now reflects.
  useEffect(() => {
    setOverrides(new Map());
    setHidden(new Set());
    setSelected((s) => new Set([...s].filter((uid) => page.messages.some((m) => m.uid === uid))));
  }, [page]);

  useEffect(() => {
    if (!toast) return;
    const t = setTimeout(() => setToast(null), UNDO_MS);
    return () => clearTimeout(t);
  }, [toast]);

  const rows = useMemo(
    () => page.messages.filter((m) => !hidden.has(m.uid)).map((m) => ({ ...m, ...overrides.get(m.uid) })),
    [page.messages, hidden, overrides],
  );
  const [cursor, setCursor] = useState(() => Math.max(0, rows.findIndex((m) => m.uid === selectedUid)));
  const cursorRow = rows[Math.min(cursor, rows.length - 1)];

  const selection = (uids?: number[]): Selection | null => {
    if (uids) return { uids };
    if (allInFolder) return { all: true };
    return selected.size ? { uids: [...selected] } : null;
  };

  const run = useCallback(
    async (body: ActionBody, optimistic: () => void, after?: (r: Awaited<ReturnType<typeof postAction>>) => void) => {
      setError(null);
      // A toast still showing belongs to the previous action: its Undo must not be clicked for this one.
      setToast(null);
      setBusy(true);
      optimistic();
      try {
        const result = await postAction(body);
        after?.(result);
      } catch (e) {
        if (e instanceof ActionError && e.status === 401) {
          router.push("/login?reason=expired");
          return;
        }
        setError(e instanceof ActionError ? sayAnswerError(e.body, t("actionFailed")) : t("actionFailed"));
        setOverrides(new Map());
        setHidden(new Set());
      } finally {
        setBusy(false);
        router.refresh(); // reconcile with the server's view
      }
    },
    [router, sayAnswerError, t],
  );

  const setFlag = (flag: "seen" | "flagged", value: boolean, uids?: number[]) => {
    const sel = selection(uids);
    if (!sel) return;
    const affected = "all" in sel ? rows.map((m) => m.uid) : sel.uids;
    void run({ action: "flag", folder: page.folder, selection: sel, flag, value }, () =>
      setOverrides((o) => {
        const next = new Map(o);
        for (const uid of affected) next.set(uid, { ...next.get(uid), [flag]: value });
        return next;
      }),
    );
  };

  const removeRows = (sel: Selection, body: ActionBody, describe: (r: Awaited<ReturnType<typeof postAction>>) => Toast) => {
    const affected = "all" in sel ? rows.map((m) => m.uid) : sel.uids;
    void run(
      body,
      () => {
        setHidden((h) => new Set([...h, ...affected]));
        setSelected(new Set());
        setAllInFolder(false);
      },
      (r) => {
        setToast(describe(r));
        if (selectedUid && ("all" in sel || affected.includes(selectedUid))) {
          router.push(mailUrl({ folder: page.folder, list: listParams, page: page.page }));
        }
      },
    );
  };

  const moveTo = (to: string, uids?: number[]) => {
    const sel = selection(uids);
    if (!sel) return;
    const name = moveTargets.find((t) => t.path === to)?.name ?? to;
    removeRows(sel, { action: "move", folder: page.folder, selection: sel, to }, (r) => ({
      text: t("movedTo", { folder: name }),
      undo: r.moved ? { moved: r.moved, back: page.folder } : undefined,
    }));
  };

  const copyTo = (to: string) => {
    const sel = selection();
    if (!sel) return;
    const name = moveTargets.find((t) => t.path === to)?.name ?? to;
    void run({ action: "copy", folder: page.folder, selection: sel, to }, () => undefined, (r) =>
      setToast({ text: t("copiedTo", { folder: name }), undoCopy: r.copied }),
    );
  };

  const undoCopy = (copied: MoveResult) => {
    setToast(null);
    if (!copied.uids.length) return;
    // The copies are new messages: removing them for good is the exact inverse.
    void run({ action: "delete", folder: copied.folder, selection: { uids: copied.uids }, permanent: true }, () => undefined, () =>
      setToast({ text: t("undone") }),
    );
  };

  const remove = (uids?: number[]) => {
    const sel = selection(uids);
    if (!sel) return;
    const count = "all" in sel ? page.total : sel.uids.length;
    const permanent = inTrash;
    if (permanent && !window.confirm(t("confirmDeleteForever", { count }))) return;
    removeRows(sel, { action: "delete", folder: page.folder, selection: sel, permanent }, (r) =>
      r.deleted?.kind === "trashed"
        ? { text: t("movedToTrash"), undo: { moved: r.deleted.moved, back: page.folder } }
        : { text: t("deletedForever", { count }) },
    );
  };

  const undo = (u: { moved: MoveResult; back: string; forget?: boolean }) => {
    setToast(null);
    if (!u.moved.uids.length) return;
    const selection = { uids: u.moved.uids };
    const body: ActionBody = u.forget
      ? { action: "spam", folder: u.moved.folder, selection, label: "none", to: u.back }
      : { action: "move", folder: u.moved.folder, selection, to: u.back };
    void run(body, () => undefined, () => setToast({ text: t("undone") }));
  };

  /** "Spam" moves to Junk, "Not spam" to INBOX; either way the filter learns from it. */
  const markSpam = (label: "spam" | "ham", uids?: number[]) => {
    const sel = selection(uids);
    if (!sel) return;
    removeRows(sel, { action: "spam", folder: page.folder, selection: sel, label }, (r) => ({
      text: [t(label === "spam" ? "movedToJunk" : "movedToInbox"), r.training?.learned ? t(label === "spam" ? "learnedSpam" : "learnedNotSpam", { count: r.training.learned }) : ""].join(" ").trim(),
      undo: r.moved ? { moved: r.moved, back: page.folder, forget: true } : undefined,
    }));
  };

  /** "Not spam" on a message marked "possibly spam" in INBOX: the filter learns, the row stays
   * (it is where good mail belongs) and loses the mark. */
  const confirmGood = (uid: number) => {
    void run(
      { action: "spam", folder: page.folder, selection: { uids: [uid] }, label: "ham" },
      () => setOverrides((o) => new Map(o).set(uid, { ...o.get(uid), possiblySpam: false })),
      (r) => setToast({ text: r.training?.learned ? `${t("keptInInbox")} ${t("learnedNotSpam", { count: 1 })}` : t("keptInInbox") }),
    );
  };

  const toggleSelect = (uid: number, shift: boolean) => {
    setAllInFolder(false);
    setSelected((prev) => {
      const next = new Set(prev);
      const idx = rows.findIndex((m) => m.uid === uid);
      const from = anchor === null ? -1 : rows.findIndex((m) => m.uid === anchor);
      if (shift && from >= 0) {
        const on = !prev.has(uid);
        for (let i = Math.min(from, idx); i <= Math.max(from, idx); i++) {
          if (on) next.add(rows[i].uid);
          else next.delete(rows[i].uid);
        }
      } else if (next.has(uid)) next.delete(uid);
      else next.add(uid);
      return next;
    });
    setAnchor(uid);
  };

  const allOnPage = rows.length > 0 && rows.every((m) => selected.has(m.uid));
  const selectionCount = allInFolder ? page.total : selected.size;

  const moveCursor = (delta: number) => {
    const i = Math.min(Math.max(cursor + delta, 0), rows.length - 1);
    setCursor(i);
    // With a message open, j/k read the next/previous one, as in Gmail.
    if (selectedUid && rows[i] && rows[i].uid !== selectedUid) {
      showInPane(mailUrl({ folder: page.folder, list: listParams, page: page.page, uid: rows[i].uid }));
    }
  };

  useMailShortcuts({
    next: () => moveCursor(1),
    previous: () => moveCursor(-1),
    open: () => cursorRow && showInPane(mailUrl({ folder: page.folder, list: listParams, page: page.page, uid: cursorRow.uid })),
    back: () => showInPane(mailUrl({ folder: page.folder, list: listParams, page: page.page })),
    star: () => cursorRow && setFlag("flagged", !cursorRow.flagged, [cursorRow.uid]),
    remove: () => (selected.size || allInFolder ? remove() : cursorRow && remove([cursorRow.uid])),
    spam: () => (selected.size || allInFolder ? markSpam(inJunk ? "ham" : "spam") : cursorRow && markSpam(inJunk ? "ham" : "spam", [cursorRow.uid])),
    select: () => cursorRow && toggleSelect(cursorRow.uid, false),
    help: () => setHelpOpen((h) => !h),
    search: () => document.getElementById(SEARCH_INPUT_ID)?.focus(),
    compose: (kind) => {
      const account = listParams.account;
      if (kind === "new") return void window.location.assign(account ? `/mail/compose?${new URLSearchParams({ account })}` : "/mail/compose");
      const uid = selectedUid ?? cursorRow?.uid;
      if (uid) window.location.assign(composeUrl(kind, page.folder, uid, account));
    },
  });

  // Buttons in the reading pane (message-actions.tsx) act through the list.
  const act = useRef<(a: OpenMessageAction) => void>(() => undefined);
  act.current = (a) => {
    if (a.kind === "star" || a.kind === "unstar") setFlag("flagged", a.kind === "star", [a.uid]);
    if (a.kind === "delete") remove([a.uid]);
    if (a.kind === "spam" || a.kind === "notspam") markSpam(a.kind === "spam" ? "spam" : "ham", [a.uid]);
    if (a.kind === "unread") {
      setFlag("seen", false, [a.uid]);
      router.push(mailUrl({ folder: page.folder, list: listParams, page: page.page }));
    }
  };
  useEffect(() => {
    const listener = (e: Event) => act.current((e as CustomEvent<OpenMessageAction>).detail);
    window.addEventListener(OPEN_MESSAGE_ACTION_EVENT, listener);
    return () => window.removeEventListener(OPEN_MESSAGE_ACTION_EVENT, listener);
  }, []);

  // A message opened in the pane was marked read there: its row shows it at once.
  const account = listParams.account ?? null;
  useEffect(() => onOpenedIn(page.folder, account, (uid) => setOverrides((o) => new Map(o).set(uid, { ...o.get(uid), seen: true }))), [page.folder, account]);

  // Back from a message to the list: focus returns to that message's row, where the reader was.
  const lastOpened = useRef(selectedUid);
  useEffect(() => {
    const previous = lastOpened.current;
    lastOpened.current = selectedUid;
    if (previous && !selectedUid) document.querySelector<HTMLElement>(`li[data-uid="${previous}"] [data-testid="message-row"]`)?.focus();
  }, [selectedUid]);

  const searching = Object.keys(listParams).some((k) => k !== "sort" && k !== "dir" && k !== "account");
  const otherFolders = moveTargets.filter((t) => t.path !== page.folder);
  const first = page.total === 0 ? 0 : (page.page - 1) * page.pageSize + 1;
  const last = Math.min(page.total, page.page * page.pageSize);
  return (
    <section className="message-list" aria-label={t("messages")} aria-busy={busy}>
      <SearchBar folder={page.folder} query={page.query} searching={searching} account={listParams.account} />
      <div className="list-toolbar">
        <input
          type="checkbox"
          aria-label={t("selectAllOnPage")}
          checked={allOnPage}
          onChange={() => {
            setAllInFolder(false);
            setSelected(allOnPage ? new Set() : new Set(rows.map((m) => m.uid)));
          }}
        />
        {selectionCount > 0 ? (
          <div className="bulk-actions" role="toolbar" aria-label={t("bulkActions")}>
            <span data-testid="selection-count">{t("selectedCount", { count: selectionCount })}</span>
            <button type="button" onClick={() => setFlag("seen", true)}>{t("markRead")}</button>
            <button type="button" onClick={() => setFlag("seen", false)}>{t("markUnread")}</button>
            <button type="button" onClick={() => setFlag("flagged", true)}>{t("star")}</button>
            <button type="button" onClick={() => setFlag("flagged", false)}>{t("unstar")}</button>
            {inJunk ? (
              <button type="button" onClick={() => markSpam("ham")}>{t("notSpam")}</button>
            ) : (
              <button type="button" onClick={() => markSpam("spam")}>{t("spam")}</button>
            )}
            <FolderSelect label={t("moveSelectedTo")} placeholder={t("moveTo")} targets={otherFolders} onPick={moveTo} />
            <FolderSelect label={t("copySelectedTo")} placeholder={t("copyTo")} targets={otherFolders} onPick={copyTo} />
            <button type="button" className="danger" onClick={() => remove()}>
              {inTrash ? t("deleteForever") : t("delete")}
            </button>
          </div>
        ) : (
          <span data-testid="list-range">
            {page.total === 0 ? (searching ? t("noneFound") : t("none")) : t(searching ? "rangeFound" : "range", { first, last, total: page.total })}
          </span>
        )}
        <SortSelect folder={page.folder} query={page.query} listParams={listParams} />
        <Pager
          page={page.page}
          pageCount={page.pageCount}
          href={(n) => mailUrl({ folder: page.folder, list: listParams, page: n })}
          noun="messages"
          indicatorTestId="page-indicator"
        />
      </div>
      {allOnPage && page.total > rows.length && (
        <div className="select-all-banner">
          {allInFolder ? (
            <>
              {t("allInFolderSelected", { count: page.total })}{" "}
              <button type="button" className="link" onClick={() => (setAllInFolder(false), setSelected(new Set()))}>
                {t("clearSelection")}
              </button>
            </>
          ) : (
            <>
              {t("allOnPageSelected", { count: rows.length })}{" "}
              <button type="button" className="link" onClick={() => setAllInFolder(true)}>
                {t("selectAllInFolder", { count: page.total })}
              </button>
            </>
          )}
        </div>
      )}
      {error && (
        <p className="list-error" role="alert" data-testid="action-error">
          {error}
        </p>
      )}
      <ul className="rows">
        {rows.map((m, i) => (
          <li
            key={m.uid}
            className={["row", m.seen ? "" : "unread", m.uid === selectedUid ? "selected" : "", i === cursor ? "cursor" : ""].join(" ")}
            data-uid={m.uid}
          >
            <input
              type="checkbox"
              className="row-check"
              aria-label={t("selectMessage", { from: displayName(m.from) ?? t("unknownSender"), subject: m.subject || t("noSubject") })}
              checked={allInFolder || selected.has(m.uid)}
              onChange={() => undefined}
              onClick={(e) => toggleSelect(m.uid, e.shiftKey)}
            />
            <button
              type="button"
              className={m.flagged ? "star on" : "star"}
              aria-pressed={m.flagged}
              aria-label={m.flagged ? t("unstar") : t("star")}
              onClick={() => setFlag("flagged", !m.flagged, [m.uid])}
            >
              <StarIcon />
            </button>
            <Link
              href={mailUrl({ folder: page.folder, list: listParams, page: page.page, uid: m.uid })}
              prefetch={false}
              data-testid="message-row"
              onClick={(e) => {
                setCursor(i);
                if (!isPlainClick(e)) return;
                e.preventDefault();
                showInPane(e.currentTarget.getAttribute("href")!);
              }}
            >
              <span className="flags">
                {m.hasAttachments ? (
                  <span className="clip" title={t("hasAttachments")}>
                    <PaperclipIcon />
                  </span>
                ) : null}
              </span>
              <span className="from" translate="no">{displayName(m.from) ?? t("unknownSender")}</span>
              <span className="subject" translate={m.subject ? "no" : undefined}>{m.subject || t("noSubject")}</span>
              <span className="date">
                <LocalDate iso={m.date} />
              </span>
              <span className="size">{formatSize(m.size, locale)}</span>
            </Link>
            {m.possiblySpam && !inJunk && (
              <span className="possibly-spam" data-testid="possibly-spam">
                <span className="possibly-spam-label">{t("possiblySpam")}</span>
                <button type="button" onClick={() => markSpam("spam", [m.uid])} aria-label={t("spamSubject", { subject: m.subject || t("noSubject") })}>
                  {t("spam")}
                </button>
                <button type="button" onClick={() => confirmGood(m.uid)} aria-label={t("notSpamSubject", { subject: m.subject || t("noSubject") })}>
                  {t("notSpam")}
                </button>
              </span>
            )}
          </li>
        ))}
      </ul>
      {/* always in the page, so screen readers announce what is put in it (action results) */}
      <div className="sr-only" role="status" aria-live="polite" data-testid="action-announcer">
        {toast?.text ?? ""}
      </div>
      {toast && (
        <div className="toast" data-testid="toast">
          <span>{toast.text}</span>
          {toast.undo && (
            <button type="button" onClick={() => undo(toast.undo!)}>
              {t("undo")}
            </button>
          )}
          {toast.undoCopy && (
            <button type="button" onClick={() => undoCopy(toast.undoCopy!)}>
              {t("undo")}
            </button>
          )}
        </div>
      )}
      {helpOpen && <ShortcutHelp onClose={() => setHelpOpen(false)} />}
    </section>
  );
}

/** A menu of folders that acts as soon as one is picked (and resets, so the same pick works again). */
function FolderSelect(p: { label: string; placeholder: string; targets: MoveTarget[]; onPick: (path: string) => void }) {
  return (
    <select aria-label={p.label} value="" onChange={(e) => e.target.value && p.onPick(e.target.value)}>
      <option value="">{p.placeholder}</option>
      {p.targets.map((t) => (
        <option key={t.path} value={t.path} translate="no">
          {t.name}
        </option>
      ))}
    </select>
  );
}
