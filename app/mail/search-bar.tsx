"use client";
import { useTranslations } from "next-intl";
import type { ListQuery } from "@/lib/imap/list-query";
import { mailUrl } from "./mail-url";

export const SEARCH_INPUT_ID = "mail-search";

/** Quick search and the advanced form: a plain GET form, so it works before any script runs. */
export function SearchBar({ folder, query, searching, account }: { folder: string; query: ListQuery; searching: boolean; account?: string }) {
  const t = useTranslations("search");
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
        placeholder={t("placeholder")}
        aria-label={t("placeholder")}
      />
      <select name="in" defaultValue={query.in} aria-label={t("in")}>
        <option value="headers">{t("inHeaders")}</option>
        <option value="all">{t("inAll")}</option>
      </select>
      <button type="submit">{t("submit")}</button>
      {searching && (
        <a href={mailUrl({ folder, list: account ? { account } : undefined })} className="clear-search">
          {t("clear")}
        </a>
      )}
      {query.q && (
        <a href={`/mail/search?${new URLSearchParams({ q: query.q, in: query.in, ...(account ? { account } : {}) })}`} className="clear-search">
          {t("allFolders")}
        </a>
      )}
      <details className="advanced-search" open={searching && !query.q ? true : undefined}>
        <summary>{t("advanced")}</summary>
        <div className="advanced-fields">
          <label>
            {t("since")} <input type="date" name="since" defaultValue={query.since} />
          </label>
          <label>
            {t("before")} <input type="date" name="before" defaultValue={query.before} />
          </label>
          <label>
            {t("larger")} <input type="number" min="1" name="larger" defaultValue={query.larger} />
          </label>
          <label>
            {t("smaller")} <input type="number" min="1" name="smaller" defaultValue={query.smaller} />
          </label>
          <label>
            <input type="checkbox" name="unread" value="1" defaultChecked={!!query.unread} /> {t("unread")}
          </label>
          <label>
            <input type="checkbox" name="flagged" value="1" defaultChecked={!!query.flagged} /> {t("starred")}
          </label>
          <label>
            <input type="checkbox" name="attachment" value="1" defaultChecked={!!query.attachment} /> {t("attachment")}
          </label>
        </div>
      </details>
    </form>
  );
}
