"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { MessagePage, MessageSummary } from "@/lib/imap/list-messages";
import { composeUrl } from "./compose-links";
import { displayName, formatSize } from "./format";
import { PaperclipIcon, StarIcon } from "./icons";
import { LocalDate } from "./local-date";
import { mailUrl } from "./mail-url";
import { OPEN_MESSAGE_ACTION_EVENT, type OpenMessageAction } from "./message-actions";
import { Pager } from "./pager";
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
  selectedUid?: number;
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

export function MessageList({ page, listParams, selectedUid, moveTargets, inTrash, inJunk = false }: Props) {
  const router = useRouter();
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
        setError(e instanceof Error ? e.message : "The action failed.");
        setOverrides(new Map());
        setHidden(new Set());
      } finally {
        setBusy(false);
        router.refresh(); // reconcile with the server's view
      }
    },
    [router],
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
      text: `Moved to ${name}.`,
      undo: r.moved ? { moved: r.moved, back: page.folder } : undefined,
    }));
  };

  const copyTo = (to: string) => {
    const sel = selection();
    if (!sel) return;
    const name = moveTargets.find((t) => t.path === to)?.name ?? to;
    void run({ action: "copy", folder: page.folder, selection: sel, to }, () => undefined, (r) =>
      setToast({ text: `Copied to ${name}.`, undoCopy: r.copied }),
    );
  };

  const undoCopy = (copied: MoveResult) => {
    setToast(null);
    if (!copied.uids.length) return;
    // The copies are new messages: removing them for good is the exact inverse.
    void run({ action: "delete", folder: copied.folder, selection: { uids: copied.uids }, permanent: true }, () => undefined, () =>
      setToast({ text: "Undone." }),
    );
  };

  const remove = (uids?: number[]) => {
    const sel = selection(uids);
    if (!sel) return;
    const count = "all" in sel ? page.total : sel.uids.length;
    const permanent = inTrash;
    if (permanent && !window.confirm(`Delete ${count} message${count === 1 ? "" : "s"} for good? This cannot be undone.`)) return;
    removeRows(sel, { action: "delete", folder: page.folder, selection: sel, permanent }, (r) =>
      r.deleted?.kind === "trashed"
        ? { text: "Moved to Trash.", undo: { moved: r.deleted.moved, back: page.folder } }
        : { text: `Deleted ${count} message${count === 1 ? "" : "s"} for good.` },
    );
  };

  const undo = (u: { moved: MoveResult; back: string; forget?: boolean }) => {
    setToast(null);
    if (!u.moved.uids.length) return;
    const selection = { uids: u.moved.uids };
    const body: ActionBody = u.forget
      ? { action: "spam", folder: u.moved.folder, selection, label: "none", to: u.back }
      : { action: "move", folder: u.moved.folder, selection, to: u.back };
    void run(body, () => undefined, () => setToast({ text: "Undone." }));
  };

  /** "Spam" moves to Junk, "Not spam" to INBOX; either way the filter learns from it. */
  const markSpam = (label: "spam" | "ham", uids?: number[]) => {
    const sel = selection(uids);
    if (!sel) return;
    removeRows(sel, { action: "spam", folder: page.folder, selection: sel, label }, (r) => ({
      text: `Moved to ${label === "spam" ? "Junk" : "Inbox"}.${r.training?.learned ? ` The filter learned that ${r.training.learned === 1 ? "it is" : "they are"} ${label === "spam" ? "spam" : "not spam"}.` : ""}`,
      undo: r.moved ? { moved: r.moved, back: page.folder, forget: true } : undefined,
    }));
  };

  /** "Not spam" on a message marked "possibly spam" in INBOX: the filter learns, the row stays
   * (it is where good mail belongs) and loses the mark. */
  const confirmGood = (uid: number) => {
    void run(
      { action: "spam", folder: page.folder, selection: { uids: [uid] }, label: "ham" },
      () => setOverrides((o) => new Map(o).set(uid, { ...o.get(uid), possiblySpam: false })),
      (r) => setToast({ text: r.training?.learned ? "Kept in Inbox. The filter learned that it is not spam." : "Kept in Inbox." }),
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
      router.push(mailUrl({ folder: page.folder, list: listParams, page: page.page, uid: rows[i].uid }));
    }
  };

  useMailShortcuts({
    next: () => moveCursor(1),
    previous: () => moveCursor(-1),
    open: () => cursorRow && router.push(mailUrl({ folder: page.folder, list: listParams, page: page.page, uid: cursorRow.uid })),
    back: () => router.push(mailUrl({ folder: page.folder, list: listParams, page: page.page })),
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

  const searching = Object.keys(listParams).some((k) => k !== "sort" && k !== "dir" && k !== "account");
  const otherFolders = moveTargets.filter((t) => t.path !== page.folder);
  const first = page.total === 0 ? 0 : (page.page - 1) * page.pageSize + 1;
  const last = Math.min(page.total, page.page * page.pageSize);
  return (
    <section className="message-list" aria-label="Messages" aria-busy={busy}>
      <SearchBar folder={page.folder} query={page.query} searching={searching} account={listParams.account} />
      <div className="list-toolbar">
        <input
          type="checkbox"
          aria-label="Select all messages on this page"
          checked={allOnPage}
          onChange={() => {
            setAllInFolder(false);
            setSelected(allOnPage ? new Set() : new Set(rows.map((m) => m.uid)));
          }}
        />
        {selectionCount > 0 ? (
          <div className="bulk-actions" role="toolbar" aria-label="Actions on selected messages">
            <span data-testid="selection-count">{selectionCount} selected</span>
            <button type="button" onClick={() => setFlag("seen", true)}>Mark read</button>
            <button type="button" onClick={() => setFlag("seen", false)}>Mark unread</button>
            <button type="button" onClick={() => setFlag("flagged", true)}>Star</button>
            <button type="button" onClick={() => setFlag("flagged", false)}>Unstar</button>
            {inJunk ? (
              <button type="button" onClick={() => markSpam("ham")}>Not spam</button>
            ) : (
              <button type="button" onClick={() => markSpam("spam")}>Spam</button>
            )}
            <FolderSelect label="Move selected messages to" placeholder="Move to…" targets={otherFolders} onPick={moveTo} />
            <FolderSelect label="Copy selected messages to" placeholder="Copy to…" targets={otherFolders} onPick={copyTo} />
            <button type="button" className="danger" onClick={() => remove()}>
              {inTrash ? "Delete forever" : "Delete"}
            </button>
          </div>
        ) : (
          <span data-testid="list-range">
            {page.total === 0 ? (searching ? "No messages found" : "No messages") : `${first}–${last} of ${page.total}${searching ? " found" : ""}`}
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
              All {page.total} messages in this folder are selected.{" "}
              <button type="button" className="link" onClick={() => (setAllInFolder(false), setSelected(new Set()))}>
                Clear selection
              </button>
            </>
          ) : (
            <>
              All {rows.length} messages on this page are selected.{" "}
              <button type="button" className="link" onClick={() => setAllInFolder(true)}>
                Select all {page.total} messages in this folder
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
              aria-label={`Select message from ${displayName(m.from)}: ${m.subject || "(no subject)"}`}
              checked={allInFolder || selected.has(m.uid)}
              onChange={() => undefined}
              onClick={(e) => toggleSelect(m.uid, e.shiftKey)}
            />
            <button
              type="button"
              className={m.flagged ? "star on" : "star"}
              aria-pressed={m.flagged}
              aria-label={m.flagged ? "Unstar" : "Star"}
              onClick={() => setFlag("flagged", !m.flagged, [m.uid])}
            >
              <StarIcon />
            </button>
            <Link
              href={mailUrl({ folder: page.folder, list: listParams, page: page.page, uid: m.uid })}
              prefetch={false}
              data-testid="message-row"
              onClick={() => setCursor(i)}
            >
              <span className="flags">
                {m.hasAttachments ? (
                  <span className="clip" title="Has attachments">
                    <PaperclipIcon />
                  </span>
                ) : null}
              </span>
              <span className="from">{displayName(m.from)}</span>
              <span className="subject">{m.subject || "(no subject)"}</span>
              <span className="date">
                <LocalDate iso={m.date} />
              </span>
              <span className="size">{formatSize(m.size)}</span>
            </Link>
            {m.possiblySpam && !inJunk && (
              <span className="possibly-spam" data-testid="possibly-spam">
                <span className="possibly-spam-label">Possibly spam</span>
                <button type="button" onClick={() => markSpam("spam", [m.uid])} aria-label={`Spam: ${m.subject || "(no subject)"}`}>
                  Spam
                </button>
                <button type="button" onClick={() => confirmGood(m.uid)} aria-label={`Not spam: ${m.subject || "(no subject)"}`}>
                  Not spam
                </button>
              </span>
            )}
          </li>
        ))}
      </ul>
      {toast && (
        <div className="toast" role="status" data-testid="toast">
          <span>{toast.text}</span>
          {toast.undo && (
            <button type="button" onClick={() => undo(toast.undo!)}>
              Undo
            </button>
          )}
          {toast.undoCopy && (
            <button type="button" onClick={() => undoCopy(toast.undoCopy!)}>
              Undo
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
        <option key={t.path} value={t.path}>
          {t.name}
        </option>
      ))}
    </select>
  );
}
