import Link from "next/link";
import { z } from "zod";
import { requireMailSession } from "@/auth";
import { isSameOrInside, samePath } from "@/lib/imap/folder-path";
import { describeProtected, protectedFolderWithin } from "@/lib/imap/folder-protection";
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
  const back = (
    <Link href="/mail/folders" prefetch={false}>
      Back to Manage folders
    </Link>
  );
  if ("error" in loaded) {
    return (
      <FoldersFrame email={session.email} title="Delete folder">
        <p className={styles.noticeError}>{loaded.error}</p>
        {back}
      </FoldersFrame>
    );
  }
  const folder = path ? loaded.folders.find((f) => samePath(f.path, path, f.delimiter)) : undefined;
  if (!folder) {
    return (
      <FoldersFrame email={session.email} title="Delete folder">
        <p className={styles.noticeError}>This folder does not exist (any more).</p>
        {back}
      </FoldersFrame>
    );
  }
  const guarded = protectedFolderWithin(loaded.folders, folder.path, folder.delimiter);
  if (guarded) {
    return (
      <FoldersFrame email={session.email} title="Delete folder">
        <p className={styles.noticeError} data-testid="folder-notice">
          {guarded === folder
            ? `${describeProtected(guarded)} cannot be deleted.`
            : `“${folder.path}” cannot be deleted: it contains ${describeProtected(guarded)}.`}
        </p>
        {back}
      </FoldersFrame>
    );
  }
  const inside = loaded.folders.filter((f) => f !== folder && isSameOrInside(f.path, folder.path, folder.delimiter));
  const messages = [folder, ...inside].reduce((n, f) => n + f.total, 0);
  return (
    <FoldersFrame email={session.email} title={`Delete “${folder.path}”?`}>
      <p data-testid="delete-summary">
        {inside.length > 0
          ? `The folder, its ${inside.length} subfolder${inside.length === 1 ? "" : "s"} and the ${messages} message${messages === 1 ? "" : "s"} in them`
          : `The folder and its ${messages} message${messages === 1 ? "" : "s"}`}{" "}
        will be deleted for good. This cannot be undone.
      </p>
      {inside.length > 0 && (
        <ul className={styles.subfolders}>
          {inside.map((f) => (
            <li key={f.path}>
              {f.path} ({f.total})
            </li>
          ))}
        </ul>
      )}
      <form action={deleteFolderAction} className={styles.confirm}>
        <CsrfField />
        <input type="hidden" name="path" value={folder.path} />
        <input type="hidden" name="confirm" value="yes" />
        <button type="submit" className={styles.danger}>
          Delete for good
        </button>
        <Link href="/mail/folders" prefetch={false}>
          Cancel
        </Link>
      </form>
    </FoldersFrame>
  );
}
