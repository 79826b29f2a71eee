import Link from "next/link";
import { useTranslations } from "next-intl";
import { mailUrl } from "./mail-url";
import styles from "./thread-list.module.css";
import { threadListUrl } from "./thread-url";

/** Switches a folder between its message list and its conversation list (page 1 of either). */
export function ViewToggle({ folder, threads }: { folder: string; threads: boolean }) {
  const t = useTranslations("threads");
  return (
    <nav className={styles.toggle} aria-label={t("listView")}>
      <Link href={mailUrl({ folder })} prefetch={false} aria-current={threads ? undefined : "page"}>
        {t("messages")}
      </Link>
      <Link href={threadListUrl({ folder })} prefetch={false} aria-current={threads ? "page" : undefined} data-testid="threads-toggle">
        {t("conversations")}
      </Link>
    </nav>
  );
}
