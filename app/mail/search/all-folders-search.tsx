"use client";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import type { FolderSearchResult } from "@/lib/imap/search-all-folders";
import { displayName } from "../format";
import { LocalDate } from "../local-date";
import { mailUrl } from "../mail-url";
import { readNdjson } from "../read-ndjson";

type State = "idle" | "running" | "done" | "cancelled" | "failed";

/** Search in every folder: results appear folder by folder as the server answers; Cancel stops it. */
export function AllFoldersSearch({ initialText, initialIn }: { initialText: string; initialIn: "headers" | "all" }) {
  const t = useTranslations("allSearch");
  const ts = useTranslations("search");
  const tl = useTranslations("list");
  // read by the search's async code, which outlives the render that started it
  const failedText = useRef(t("failed"));
  failedText.current = t("failed");
  const [text, setText] = useState(initialText);
  const [scope, setScope] = useState(initialIn);
  const [results, setResults] = useState<FolderSearchResult[]>([]);
  const [state, setState] = useState<State>("idle");
  const [error, setError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);

  const run = async (q: string, inScope: string) => {
    abort.current?.abort();
    const ctrl = new AbortController();
    abort.current = ctrl;
    setResults([]);
    setError(null);
    setState("running");
    window.history.replaceState(null, "", `/mail/search?${new URLSearchParams({ q, in: inScope })}`);
    try {
      const res = await fetch(`/api/search?${new URLSearchParams({ q, in: inScope })}`, { signal: ctrl.signal });
      if (!res.ok || !res.body) {
        const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
        throw new Error(body?.error?.message ?? failedText.current);
      }
      for await (const item of readNdjson<FolderSearchResult | { done: true; error?: string }>(res.body)) {
        if ("done" in item) {
          if (item.error) setError(item.error);
          continue;
        }
        setResults((prev) => [...prev.filter((r) => r.folder !== item.folder), item]);
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
    if (initialText) void run(initialText, initialIn);
    return () => abort.current?.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const found = results.reduce((n, r) => n + (r.status === "done" ? r.total : 0), 0);
  return (
    <main className="all-search">
      <p>
        <Link href="/mail">← {t("backToMail")}</Link>
      </p>
      <h1>{t("title")}</h1>
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim()) void run(text.trim(), scope);
        }}
      >
        <input type="search" value={text} onChange={(e) => setText(e.target.value)} aria-label={t("title")} autoFocus />
        <select value={scope} onChange={(e) => setScope(e.target.value as "headers" | "all")} aria-label={ts("in")}>
          <option value="headers">{ts("inHeaders")}</option>
          <option value="all">{ts("inAll")}</option>
        </select>
        <button type="submit">{ts("submit")}</button>
        {state === "running" && (
          <button type="button" onClick={() => abort.current?.abort()}>
            {t("cancel")}
          </button>
        )}
      </form>
      <p className="search-status" role="status" data-testid="search-status">
        {state === "running" && t("running", { found })}
        {state === "done" && t("done", { found, folders: results.filter((r) => r.status === "done" && r.total > 0).length })}
        {state === "cancelled" && t("cancelled", { found })}
      </p>
      {error && <p className="form-error">{error}</p>}
      {results.map((r, i) => (
        <section key={r.folder} className="folder-results" data-testid="folder-results" aria-labelledby={`results-${i}`}>
          <h2 id={`results-${i}`}>
            <span translate="no">{r.name}</span>{" "}
            <span className="muted">
              {r.status === "searching" && t("searching")}
              {r.status === "done" && t("found", { count: r.total })}
              {(r.status === "timeout" || r.status === "error") && r.message}
            </span>
          </h2>
          {r.status === "done" && r.total > 0 && (
            <ul>
              {r.messages.map((m) => (
                <li key={m.uid}>
                  <Link href={mailUrl({ folder: r.folder, uid: m.uid, list: { q: text, in: scope } })} prefetch={false}>
                    <span className="from" translate="no">{displayName(m.from) ?? tl("unknownSender")}</span> — <span className="subject" translate={m.subject ? "no" : undefined}>{m.subject || tl("noSubject")}</span>{" "}
                    <LocalDate iso={m.date} />
                  </Link>
                </li>
              ))}
              {r.total > r.messages.length && (
                <li>
                  <Link href={mailUrl({ folder: r.folder, list: { q: text, in: scope } })} prefetch={false}>
                    {t.rich("allIn", { count: r.total, folder: () => <span translate="no">{r.name}</span> })} →
                  </Link>
                </li>
              )}
            </ul>
          )}
        </section>
      ))}
    </main>
  );
}
