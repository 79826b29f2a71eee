import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { localizeFolderNames } from "@/app/i18n/folder-names";
import { requireMailSession } from "@/auth";
import { emptyFolderAction } from "../actions";
import { FoldersFrame } from "../folders-frame";
import styles from "../folders.module.css";
import { loadAllFolders } from "../load-folders";
import { CsrfField } from "../../csrf-field";

export const dynamic = "force-dynamic";

const paramsSchema = z.object({ use: z.enum(["trash", "junk"]).catch("trash") });
const ROLE = { trash: "\\Trash", junk: "\\Junk" } as const;

/** The confirmation step before Empty Trash / Empty Junk; only this form carries confirm=yes. */
export default async function ConfirmEmptyFolderPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const session = await requireMailSession();
  const { use } = paramsSchema.parse(await searchParams);
  const loaded = await loadAllFolders(session.imap);
  const t = await getTranslations("folderEmpty");
  const folders = "error" in loaded ? [] : await localizeFolderNames(loaded.folders);
  const folder = folders.find((f) => f.specialUse === ROLE[use]);
  const label = (await getTranslations("folderNames"))(use);
  return (
    <FoldersFrame email={session.email} title={t("title", { folder: folder?.name ?? label })}>
      {"error" in loaded ? (
        <p className={styles.noticeError}>{loaded.error}</p>
      ) : !folder ? (
        <p className={styles.noticeError}>{t("missing", { folder: label })}</p>
      ) : (
        <>
          <p data-testid="empty-summary">
            {t("summary", { count: folder.total, folder: folder.name })}
          </p>
          <form action={emptyFolderAction} className={styles.confirm}>
            <CsrfField />
            <input type="hidden" name="use" value={use} />
            <input type="hidden" name="confirm" value="yes" />
            <button type="submit" className={styles.danger}>
              {t("confirm", { folder: folder.name })}
            </button>
            <Link href="/mail/folders" prefetch={false}>
              {t("cancel")}
            </Link>
          </form>
        </>
      )}
    </FoldersFrame>
  );
}
