import Link from "next/link";
import { useTranslations } from "next-intl";
import type { FolderInfo } from "@/lib/imap/list-folders";
import { mailUrl } from "./mail-url";
import { UnreadCount } from "./unread-count";

/** `account`: the added account whose folders these are (issue 22), kept in the links.
 * `rendered`: the page render's id, which the unread counts need (open-in-pane.ts). */
export function FolderTree({ folders, current, account = null, rendered = "" }: { folders: FolderInfo[]; current: string; account?: string | null; rendered?: string }) {
  const t = useTranslations("folderTree");
  return (
    <nav className="folders" aria-label={t("folders")}>
      <ul>
        {folders.map((f) => (
          <li key={f.path} style={{ paddingLeft: `${f.depth * 14}px` }}>
            {f.selectable ? (
              <Link
                href={mailUrl({ folder: f.path, list: account ? { account } : undefined })}
                prefetch={false}
                className={f.path === current ? "folder active" : "folder"}
                aria-current={f.path === current ? "page" : undefined}
                data-special={f.specialUse ?? undefined}
              >
                <span className="folder-name" translate="no">{f.name}</span>
                <UnreadCount folder={f.path} account={account} count={f.unseen} rendered={rendered} />
              </Link>
            ) : (
              <span className="folder disabled" translate="no">{f.name}</span>
            )}
          </li>
        ))}
      </ul>
      {!account && (
        <Link href="/mail/folders" prefetch={false} className="folder manage-folders" style={{ marginTop: "0.5rem", color: "var(--muted)" }}>
          {t("manage")}
        </Link>
      )}
    </nav>
  );
}
