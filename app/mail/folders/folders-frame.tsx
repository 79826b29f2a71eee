import Link from "next/link";
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import styles from "./folders.module.css";

/** The chrome shared by "Manage folders" and its confirmation steps. */
export function FoldersFrame({ email, title, children }: { email: string; title: string; children: ReactNode }) {
  const t = useTranslations("common");
  return (
    <div className={styles.page}>
      <header className="topbar">
        <span className="brand">Postern</span>
        <Link href="/mail" prefetch={false} className={styles.back}>
          {t("backToMail")}
        </Link>
        <span className="account" data-testid="account" translate="no">
          {email}
        </span>
      </header>
      <main className={styles.main}>
        <h1>{title}</h1>
        {children}
      </main>
    </div>
  );
}
