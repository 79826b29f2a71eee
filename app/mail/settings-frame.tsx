import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { NoticeText } from "@/app/i18n/notice-text";
import type { Notice } from "@/lib/http/signed-notice";
import styles from "./identities/identities.module.css";

type Props = { email: string; title: string; notice?: Notice | null; noticeTestId?: string; wide?: boolean; children: ReactNode };

/** The frame of the pages beside the mail view (Settings, Identities, Receipts, Filters): top bar
 * with the way back, the title, and the signed notice of the last action. */
export function SettingsFrame({ email, title, notice = null, noticeTestId, wide = false, children }: Props) {
  const t = useTranslations("common");
  return (
    <div className={styles.page}>
      <header className="topbar">
        <span className="brand">Postern</span>
        <a href="/mail" className={styles.back}>{t("backToMail")}</a>
        <span className="account" data-testid="account" translate="no">{email}</span>
      </header>
      <main className={wide ? `${styles.main} ${styles.mainWide}` : styles.main}>
        <h1>{title}</h1>
        {notice && (
          <p className={notice.kind === "error" ? styles.noticeError : styles.notice} role={notice.kind === "error" ? "alert" : "status"} data-testid={noticeTestId}>
            <NoticeText text={notice.text} />
          </p>
        )}
        {children}
      </main>
    </div>
  );
}
