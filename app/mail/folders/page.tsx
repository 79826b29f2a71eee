import Link from "next/link";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { localizeFolderNames } from "@/app/i18n/folder-names";
import { NoticeText } from "@/app/i18n/notice-text";
import { requireMailSession } from "@/auth";
import { readNotice } from "@/lib/http/signed-notice";
import { MAX_FOLDER_NAME_LENGTH } from "@/lib/imap/folder-name";
import { protectedFolderWithin } from "@/lib/imap/folder-protection";
import type { FolderInfo } from "@/lib/imap/list-folders";
import { createFolderAction, renameFolderAction, setSubscriptionAction } from "./actions";
import { FoldersFrame } from "./folders-frame";
import styles from "./folders.module.css";
import { loadAllFolders } from "./load-folders";
import { CsrfField } from "../csrf-field";

export const dynamic = "force-dynamic";

const EMPTIABLE: Record<string, "trash" | "junk"> = { "\\Trash": "trash", "\\Junk": "junk" };

export default async function ManageFoldersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const session = await requireMailSession();
  const query = await searchParams;
  const notice = readNotice(query);
  const fromServer = await loadAllFolders(session.imap);
  const loaded = "error" in fromServer ? fromServer : { folders: await localizeFolderNames(fromServer.folders) };
  const t = await getTranslations("folders");
  return (
    <FoldersFrame email={session.email} title={t("title")}>
      {notice && (
        <p
          className={notice.kind === "error" ? styles.noticeError : styles.notice}
          role={notice.kind === "error" ? "alert" : "status"}
          data-testid="folder-notice"
        >
          <NoticeText text={notice.text} />
        </p>
      )}
      {"error" in loaded ? (
        <p className={styles.noticeError} data-testid="mail-error">
          {loaded.error} <Link href="/mail/folders">{t("tryAgain")}</Link>
        </p>
      ) : (
        <>
          {/* A new key after each action remounts the form, so the next folder starts at the top
              level: React's reset after an action that redirects left the parent <select> as it was. */}
          <CreateFolderForm key={String(query.sig ?? "create")} folders={loaded.folders} />
          <h2 id="all-folders">{t("yours")}</h2>
          <ul className={styles.list} aria-labelledby="all-folders">
            {loaded.folders.map((f) => (
              <FolderRow key={f.path} folder={f} locked={Boolean(protectedFolderWithin(loaded.folders, f.path, f.delimiter))} />
            ))}
          </ul>
        </>
      )}
    </FoldersFrame>
  );
}

function CreateFolderForm({ folders }: { folders: FolderInfo[] }) {
  const t = useTranslations("folders");
  const parents = folders.filter((f) => f.canHaveChildren);
  return (
    <section className={styles.panel} aria-labelledby="new-folder">
      <h2 id="new-folder" style={{ marginTop: 0 }}>
        {t("new")}
      </h2>
      <form action={createFolderAction} className={styles.form}>
        <CsrfField />
        <label>
          {t("name")}
          <input name="name" required maxLength={MAX_FOLDER_NAME_LENGTH} autoComplete="off" />
        </label>
        {parents.length > 0 && (
          <label>
            {t("inside")}
            <select name="parent" defaultValue="">
              <option value="">{t("topLevel")}</option>
              {parents.map((f) => (
                <option key={f.path} value={f.path} translate="no">
                  {f.specialUse && f.depth === 0 ? f.name : f.path}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="submit" className={styles.button}>
          {t("create")}
        </button>
      </form>
    </section>
  );
}

/** One folder: what it is, and what may be done to it (nothing destructive to protected ones). */
function FolderRow({ folder: f, locked }: { folder: FolderInfo; locked: boolean }) {
  const t = useTranslations("folders");
  const role = f.specialUse ? f.specialUse.slice(1) : null;
  const emptiable = f.specialUse ? EMPTIABLE[f.specialUse] : undefined;
  return (
    <li className={styles.row} data-testid="folder-row" data-path={f.path} style={{ paddingLeft: `${1 + f.depth * 1.5}rem` }}>
      <span className={styles.name}>
        <span data-testid="folder-name" translate="no">{f.name}</span>
        {role && role !== f.name && role !== f.path && <span className={styles.role} translate="no">{role}</span>}
        {f.selectable && (
          <span className={styles.counts}>
            {t("counts", { total: f.total, unseen: f.unseen })}
          </span>
        )}
        {!f.subscribed && <span className={styles.hidden}>{t("hiddenFromList")}</span>}
      </span>
      <span className={styles.tools}>
        {emptiable && f.total > 0 && (
          <Link href={`/mail/folders/empty?use=${emptiable}`} prefetch={false} className={styles.quiet}>
            {t("empty", { folder: f.name })}
          </Link>
        )}
        {!f.specialUse && (
          <form action={setSubscriptionAction}>
            <CsrfField />
            <input type="hidden" name="path" value={f.path} />
            <input type="hidden" name="subscribed" value={f.subscribed ? "no" : "yes"} />
            <button type="submit" className={styles.quiet} aria-label={t(f.subscribed ? "hideLabel" : "showLabel", { folder: f.path })}>
              {f.subscribed ? t("hide") : t("show")}
            </button>
          </form>
        )}
        {!locked && (
          <>
            <details className={styles.rename}>
              <summary aria-label={t("renameLabel", { folder: f.path })}>{t("rename")}</summary>
              <form action={renameFolderAction}>
                <CsrfField />
                <input type="hidden" name="path" value={f.path} />
                <input
                  name="newName"
                  aria-label={t("newNameLabel", { folder: f.path })}
                  defaultValue={f.name}
                  required
                  maxLength={MAX_FOLDER_NAME_LENGTH}
                  autoComplete="off"
                />
                <button type="submit" className={styles.button}>
                  {t("save")}
                </button>
              </form>
            </details>
            <Link
              href={`/mail/folders/delete?${new URLSearchParams({ path: f.path })}`}
              prefetch={false}
              className={styles.quiet}
              aria-label={t("deleteLabel", { folder: f.path })}
            >
              {t("delete")}
            </Link>
          </>
        )}
      </span>
    </li>
  );
}
