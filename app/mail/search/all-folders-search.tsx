"use client";
import { useErrorText } from "@/app/i18n/use-error-text";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import type { FolderSearchResult } from "@/lib/imap/search-all-folders";
import { readNdjson } from "../read-ndjson";
import { FolderResults, type SearchRow } from "./folder-results";
import { scopeParams, searchApiUrl, type SearchScope } from "./search-scope";

type State = "idle" | "running" | "done" | "cancelled" | "failed";
type Props = {
  initialText: string;
  initialIn: "headers" | "all";
  /** The user's own address and added accounts: with any, the search can look in one or all. */
  own: string;
  accounts: { id: string; label: string }[];
  initialScope: SearchScope;
};

const rowKey = (r: SearchRow) => `${r.account ?? ""}\u0000${"folder" in r ? r.folder : ""}`;
const ALL = "all";
const OWN = "";

/** Search in every folder of a mailbox, or of every mailbox: results appear folder by folder as
 * the servers answer; Cancel stops it. */
export function AllFoldersSearch({ initialText, initialIn, own, accounts, initialScope }: Props) {
  const t = useTranslations("allSearch");
  const ts = useTranslations("search");
  // read by the search's async code, which outlives the render that started it
  const failedText = useRef(t("failed"));
  failedText.current = t("failed");
  // read from the running search, as failedText is
  const sayError = useErrorText();
  const sayAnswerError = useRef(sayError);
  sayAnswerError.current = sayError;
  const [text, setText] = useState(initialText);
  const [scope, setScope] = useState(initialIn);
  const [where, setWhere] = useState<SearchScope>(initialScope);
  const [shown, setShown] = useState<{ where: SearchScope; rows: SearchRow[] }>({ where: initialScope, rows: [] });
  const [state, setState] = useState<State>("idle");
  const [error, setError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);

  const run = async (q: string, inScope: string, mailboxes: SearchScope) => {
    abort.current?.abort();
    const ctrl = new AbortController();
    abort.current = ctrl;
    setShown({ where: mailboxes, rows: [] });
    setError(null);
    setState("running");
    window.history.replaceState(null, "", `/mail/search?${new URLSearchParams({ q, in: inScope, ...scopeParams(mailboxes) })}`);
    try {
      const res = await fetch(searchApiUrl(mailboxes, { q, in: inScope }), { signal: ctrl.signal });
      if (!res.ok || !res.body) {
        throw new Error(sayAnswerError.current(await res.json().catch(() => null), failedText.current));
      }
      const one = mailboxes === ALL ? null : mailboxes;
      for await (const item of readNdjson<SearchRow | FolderSearchResult | { done: true; error?: string }>(res.body)) {
        if ("done" in item) {
          if (item.error) setError(item.error);
          continue;
        }
        const row: SearchRow = "account" in item ? item : { ...item, account: one };
        setShown((prev) => ({ ...prev, rows: [...prev.rows.filter((r) => rowKey(r) !== rowKey(row)), row] }));
      }
      setState("done");
    } catch (e) {
      if (ctrl.signal.aborted) setState("cancelled");
      else {
        setError(e instanceof Error ? e.message : failedText.current);
        setState("failed");
      }
    }
  };

  useEffect(() => {
    if (initialText) void run(initialText, initialIn, initialScope);
    return () => abort.current?.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const label = (account: string | null) => (account ? (accounts.find((a) => a.id === account)?.label ?? account) : own);
  const rows = shown.rows;
  const found = rows.reduce((n, r) => n + (r.status === "done" ? r.total : 0), 0);
  return (
    <main className="all-search">
      <p>
        <Link href="/mail">← {t("backToMail")}</Link>
      </p>
      <h1>{where === ALL ? t("titleAccounts") : t("title")}</h1>
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim()) void run(text.trim(), scope, where);
        }}
      >
        <input type="search" value={text} onChange={(e) => setText(e.target.value)} aria-label={t("title")} autoFocus />
        <select value={scope} onChange={(e) => setScope(e.target.value as "headers" | "all")} aria-label={ts("in")}>
          <option value="headers">{ts("inHeaders")}</option>
          <option value="all">{ts("inAll")}</option>
        </select>
        {accounts.length > 0 && (
          <select value={where ?? OWN} onChange={(e) => setWhere(e.target.value === OWN ? null : e.target.value)} aria-label={t("where")}>
            <option value={ALL}>{t("whereAll")}</option>
            <option value={OWN} translate="no">{own}</option>
            {accounts.map((a) => (
              <option key={a.id} value={a.id} translate="no">
                {a.label}
              </option>
            ))}
          </select>
        )}
        <button type="submit">{ts("submit")}</button>
        {state === "running" && (
          <button type="button" onClick={() => abort.current?.abort()}>
            {t("cancel")}
          </button>
        )}
      </form>
      <p className="search-status" role="status" data-testid="search-status">
        {state === "running" && t("running", { found })}
        {state === "done" && t("done", { found, folders: rows.filter((r) => r.status === "done" && r.total > 0).length })}
        {state === "cancelled" && t("cancelled", { found })}
      </p>
      {error && <p className="form-error">{error}</p>}
      {rows.map((r, i) => (
        <FolderResults key={rowKey(r)} row={r} index={i} mailbox={shown.where === ALL ? label(r.account) : null} list={{ q: text, in: scope }} />
      ))}
    </main>
  );
}
