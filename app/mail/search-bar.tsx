"use client";
import type { ListQuery } from "@/lib/imap/list-query";
import { mailUrl } from "./mail-url";

export const SEARCH_INPUT_ID = "mail-search";

/** Quick search and the advanced form: a plain GET form, so it works before any script runs. */
export function SearchBar({ folder, query, searching, account }: { folder: string; query: ListQuery; searching: boolean; account?: string }) {
  const keep = query.sort !== "arrival" || query.dir !== "desc";
  return (
    <form className="search-bar" role="search" method="get" action="/mail">
      <input type="hidden" name="folder" value={folder} />
      {account && <input type="hidden" name="account" value={account} />}
      {keep && <input type="hidden" name="sort" value={query.sort} />}
      {keep && <input type="hidden" name="dir" value={query.dir} />}
      <input
        id={SEARCH_INPUT_ID}
        type="search"
        name="q"
        defaultValue={query.q ?? ""}
        placeholder="Search this folder"
        aria-label="Search this folder"
      />
      <select name="in" defaultValue={query.in} aria-label="Search in">
        <option value="headers">From, To, Subject</option>
        <option value="all">…and message text</option>
      </select>
      <button type="submit">Search</button>
      {searching && (
        <a href={mailUrl({ folder, list: account ? { account } : undefined })} className="clear-search">
          Clear
        </a>
      )}
      {query.q && !account && (
        <a href={`/mail/search?${new URLSearchParams({ q: query.q, in: query.in })}`} className="clear-search">
          All folders
        </a>
      )}
      <details className="advanced-search" open={searching && !query.q ? true : undefined}>
        <summary>Advanced</summary>
        <div className="advanced-fields">
          <label>
            From date <input type="date" name="since" defaultValue={query.since} />
          </label>
          <label>
            Before date <input type="date" name="before" defaultValue={query.before} />
          </label>
          <label>
            Larger than (KB) <input type="number" min="1" name="larger" defaultValue={query.larger} />
          </label>
          <label>
            Smaller than (KB) <input type="number" min="1" name="smaller" defaultValue={query.smaller} />
          </label>
          <label>
            <input type="checkbox" name="unread" value="1" defaultChecked={!!query.unread} /> Unread
          </label>
          <label>
            <input type="checkbox" name="flagged" value="1" defaultChecked={!!query.flagged} /> Starred
          </label>
          <label>
            <input type="checkbox" name="attachment" value="1" defaultChecked={!!query.attachment} /> Has attachments
          </label>
        </div>
      </details>
    </form>
  );
}
