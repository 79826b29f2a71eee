"use client";
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
        throw new Error(body?.error?.message ?? "The search failed.");
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
        setError(e instanceof Error ? e.message : "The search failed.");
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
        <Link href="/mail">← Back to mail</Link>
      </p>
      <h1>Search all folders</h1>
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim()) void run(text.trim(), scope);
        }}
      >
        <input type="search" value={text} onChange={(e) => setText(e.target.value)} aria-label="Search all folders" autoFocus />
        <select value={scope} onChange={(e) => setScope(e.target.value as "headers" | "all")} aria-label="Search in">
          <option value="headers">From, To, Subject</option>
          <option value="all">…and message text</option>
        </select>
        <button type="submit">Search</button>
        {state === "running" && (
          <button type="button" onClick={() => abort.current?.abort()}>
            Cancel
          </button>
        )}
      </form>
      <p className="search-status" role="status" data-testid="search-status">
        {state === "running" && `Searching… ${found} found so far`}
        {state === "done" && `${found} found in ${results.filter((r) => r.status === "done" && r.total > 0).length} folders`}
        {state === "cancelled" && `Search cancelled. ${found} found before it stopped.`}
      </p>
      {error && <p className="form-error">{error}</p>}
      {results.map((r) => (
        <section key={r.folder} className="folder-results" data-testid="folder-results" aria-label={r.name}>
          <h2>
            {r.name}{" "}
            <span className="muted">
              {r.status === "searching" && "searching…"}
              {r.status === "done" && `${r.total} found`}
              {(r.status === "timeout" || r.status === "error") && r.message}
            </span>
          </h2>
          {r.status === "done" && r.total > 0 && (
            <ul>
              {r.messages.map((m) => (
                <li key={m.uid}>
                  <Link href={mailUrl({ folder: r.folder, uid: m.uid, list: { q: text, in: scope } })} prefetch={false}>
                    <span className="from">{displayName(m.from)}</span> — <span className="subject">{m.subject || "(no subject)"}</span>{" "}
                    <LocalDate iso={m.date} />
                  </Link>
                </li>
              ))}
              {r.total > r.messages.length && (
                <li>
                  <Link href={mailUrl({ folder: r.folder, list: { q: text, in: scope } })} prefetch={false}>
                    All {r.total} in {r.name} →
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
