import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { localizeFolderNames } from "@/app/i18n/folder-names";
import { requireMailSession } from "@/auth";
import { isSameOrInside, samePath } from "@/lib/imap/folder-path";
import { protectedFolderWithin } from "@/lib/imap/folder-protection";
import { deleteFolderAction } from "../actions";
import { FoldersFrame } from "../folders-frame";
import styles from "../folders.module.css";
import { loadAllFolders } from "../load-folders";
import { CsrfField } from "../../csrf-field";

export const dynamic = "force-dynamic";

const paramsSchema = z.object({ path: z.string().min(1).max(1000).optional().catch(undefined) });

/**
 * The confirmation step before a folder is deleted for good: it says what goes with it
 * (subfolders, messages). Only this page's form carries confirm=yes, which the action requires.
 */
export default async function ConfirmDeleteFolderPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const session = await requireMailSession();
  const { path } = paramsSchema.parse(await searchParams);
  const loaded = await loadAllFolders(session.imap);
  const t = await getTranslations("folderDelete");
  const back = (
    <Link href="/mail/folders" prefetch={false}>
      {t("back")}
    </Link>
  );
  if ("error" in loaded) {
    return (
      <FoldersFrame email={session.email} title={t("title")}>
        <p className={styles.noticeError}>{loaded.error}</p>
        {back}
      </FoldersFrame>
    );
  }
  const folder = path ? loaded.folders.find((f) => samePath(f.path, path, f.delimiter)) : undefined;
  if (!folder) {
    return (
      <FoldersFrame email={session.email} title={t("title")}>
        <p className={styles.noticeError}>{t("missing")}</p>
        {back}
      </FoldersFrame>
    );
  }
  const guarded = protectedFolderWithin(loaded.folders, folder.path, folder.delimiter);
  if (guarded) {
    // the special-use role of the guarded folder, in the reader's language ("your Sent folder")
    const [named] = await localizeFolderNames([{ ...guarded, depth: 0, specialUse: guarded.specialUse ?? "\\Inbox" }]);
    const roleName = named.name;
    return (
      <FoldersFrame email={session.email} title={t("title")}>
        <p className={styles.noticeError} data-testid="folder-notice">
          {guarded === folder
            ? t("protected", { folder: guarded.path, role: roleName })
            : t("containsProtected", { folder: folder.path, inner: guarded.path, role: roleName })}
        </p>
        {back}
      </FoldersFrame>
    );
  }
  const inside = loaded.folders.filter((f) => f !== folder && isSameOrInside(f.path, folder.path, folder.delimiter));
  const messages = [folder, ...inside].reduce((n, f) => n + f.total, 0);
  const format = await getFormatter();
  return (
    <FoldersFrame email={session.email} title={t("confirmTitle", { folder: folder.path })}>
      <p data-testid="delete-summary">
        {inside.length > 0 ? t("summaryWithSubfolders", { subfolders: inside.length, messages }) : t("summary", { messages })}
      </p>
      {inside.length > 0 && (
        <ul className={styles.subfolders}>
          {inside.map((f) => (
            <li key={f.path}>
              <span translate="no">{f.path}</span> ({format.number(f.total)})
            </li>
          ))}
        </ul>
      )}
      <form action={deleteFolderAction} className={styles.confirm}>
        <CsrfField />
        <input type="hidden" name="path" value={folder.path} />
        <input type="hidden" name="confirm" value="yes" />
        <button type="submit" className={styles.danger}>
          {t("confirm")}
        </button>
        <Link href="/mail/folders" prefetch={false}>
          {t("cancel")}
        </Link>
      </form>
    </FoldersFrame>
  );
}
