import Link from "next/link";
import { z } from "zod";
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
  const folder = "error" in loaded ? undefined : loaded.folders.find((f) => f.specialUse === ROLE[use]);
  const label = use === "trash" ? "Trash" : "Junk";
  return (
    <FoldersFrame email={session.email} title={`Empty ${folder?.name ?? label}?`}>
      {"error" in loaded ? (
        <p className={styles.noticeError}>{loaded.error}</p>
      ) : !folder ? (
        <p className={styles.noticeError}>Your mail server has no {label} folder.</p>
      ) : (
        <>
          <p data-testid="empty-summary">
            All {folder.total} message{folder.total === 1 ? "" : "s"} in “{folder.name}” will be deleted for good. This cannot
            be undone.
          </p>
          <form action={emptyFolderAction} className={styles.confirm}>
            <CsrfField />
            <input type="hidden" name="use" value={use} />
            <input type="hidden" name="confirm" value="yes" />
            <button type="submit" className={styles.danger}>
              Empty {folder.name}
            </button>
            <Link href="/mail/folders" prefetch={false}>
              Cancel
            </Link>
          </form>
        </>
      )}
    </FoldersFrame>
  );
}
