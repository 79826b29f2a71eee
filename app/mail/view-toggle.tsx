import Link from "next/link";
import { mailUrl } from "./mail-url";
import styles from "./thread-list.module.css";
import { threadListUrl } from "./thread-url";

/** Switches a folder between its message list and its conversation list (page 1 of either). */
export function ViewToggle({ folder, threads }: { folder: string; threads: boolean }) {
  return (
    <nav className={styles.toggle} aria-label="List view">
      <Link href={mailUrl({ folder })} prefetch={false} aria-current={threads ? undefined : "page"}>
        Messages
      </Link>
      <Link href={threadListUrl({ folder })} prefetch={false} aria-current={threads ? "page" : undefined} data-testid="threads-toggle">
        Conversations
      </Link>
    </nav>
  );
}
