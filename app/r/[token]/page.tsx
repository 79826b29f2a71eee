import type { Metadata } from "next";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { readerDates } from "@/app/i18n/reader-dates";
import { visitReadLink } from "@/lib/read-links/reveal-link";
import { OpenOnce } from "./open-once";
import styles from "./read-link.module.css";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("readLink");
  return { title: t("pageTitle"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

/**
 * A one-time read link, public (recipients have no Postern account). Showing this page never
 * spends the link: mail scanners and link previews fetch URLs. The browser opens the message
 * with a POST (OpenOnce) and decrypts it with the key in the fragment, which never reaches here.
 */
export default async function ReadLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("readLink");
  const when = await readerDates();
  const h = await headers();
  const visit = await visitReadLink(token, { ip: h.get("x-postern-client-ip"), userAgent: h.get("user-agent") });
  let body;
  if (visit.kind === "limited") {
    body = <p className={styles.closed} role="alert">{t("limited")}</p>;
  } else if (visit.kind === "unknown") {
    body = (
      <p className={styles.closed} role="alert" data-testid="read-link-closed">
        {t("invalid")}
      </p>
    );
  } else {
    const { link } = visit;
    const sender = link.senderName ? `${link.senderName} <${link.senderAddress}>` : link.senderAddress;
    if (link.state === "waiting" && link.sealedSubject) {
      body = <OpenOnce token={token} sender={sender} expiresAt={link.expiresAt.toISOString()} sealedSubject={link.sealedSubject} />;
    } else {
      const state = link.state === "waiting" ? "expired" : link.state;
      const at = state === "opened" ? link.openedAt : state === "revoked" ? link.revokedAt : link.expiresAt;
      body = (
        <>
          <p className={styles.from}>{t.rich("from", { sender: () => <span translate="no">{sender}</span> })}</p>
          <p className={styles.closed} role="alert" data-testid="read-link-closed" data-state={state}>
            {t(`closed.${state}`, { when: when(at ?? link.expiresAt, { dateStyle: "long", timeStyle: "short" }) })}
          </p>
          <p className={styles.hint}>{t("askAgain", { sender: link.senderAddress })}</p>
        </>
      );
    }
  }
  return (
    <div className={styles.page}>
      <header className="topbar">
        <span className="brand">Postern</span>
        <span className="account">{t("oneTime")}</span>
      </header>
      <main className={styles.main}>{body}</main>
    </div>
  );
}
