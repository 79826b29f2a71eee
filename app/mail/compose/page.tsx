import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { errorText } from "@/app/i18n/error-text";
import { loginUrl, requireMailSession } from "@/auth";
import { composeFormat } from "@/lib/compose/compose-settings";
import { prepareCompose } from "@/lib/compose/prepare-compose";
import { listIdentities, listSendingIdentities } from "@/lib/identities/identity-store";
import { isPosternError } from "@/lib/http/errors";
import { readArticle } from "@/lib/news/read-article";
import { withNews } from "@/lib/news/with-news";
import { getQueued } from "@/lib/outbox/outbox";
import { LOST_NOTICE, notSentNotice } from "@/lib/compose/not-sent-notice";
import { readLinkExpiryDays } from "@/lib/read-links/read-link-settings";
import { getSettings } from "@/lib/settings/account-settings";
import { attachmentBudget, getSendLimit } from "@/lib/smtp/size-limit";
import { mailUrl } from "../mail-url";
import { backFolder, composeParamsSchema, toComposeRequest } from "./compose-params";
import { Composer } from "./composer";
import styles from "./compose.module.css";
import { sentRedirect } from "./sent-redirect";

export const dynamic = "force-dynamic";


export default async function ComposePage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const session = await requireMailSession();
  const t = await getTranslations("compose");
  const params = composeParamsSchema.parse(await searchParams);
  const request = toComposeRequest(params);
  const back = backFolder(params);
  // Reloaded while a sent message waited for Undo: follow it (its draft is what is shown).
  const job = params.outbox ? await getQueued(params.outbox, session.email) : null;
  if (job?.state === "sent") redirect(sentRedirect(back, job.warnings));
  const waiting = job?.state === "waiting" || job?.state === "sending" ? job : null;
  // A send that failed, or one the outbox no longer knows: the draft shown was never sent.
  const failed =
    job?.state === "failed"
      ? notSentNotice(job.error?.message ?? null)
      : params.outbox && !job
        ? LOST_NOTICE
        : null;
  let body;
  try {
    // Every identity's address is "mine" (reply-all leaves it out); only confirmed ones are offered as From.
    const [all, identities] = await Promise.all([listIdentities(session.email), listSendingIdentities(session.email)]);
    const own = [session.email, ...all.map((i) => i.address)];
    const [readLinkDays, format] = await getSettings(session.email, [readLinkExpiryDays, composeFormat] as const);
    const [initial, limit] = await Promise.all([prepareCompose(session.imap, own, request, identities, { format, readArticle: (ref) => withNews(session.email, (s) => readArticle(s, ref)) }), getSendLimit()]);
    body = (
      <Composer
        initial={initial}
        identities={identities}
        attachmentBudget={attachmentBudget(limit)}
        back={back}
        queued={waiting}
        initialError={failed}
        account={session.email}
        readLinkDefaultDays={readLinkDays}
      />
    );
  } catch (e) {
    if (isPosternError(e) && e.code === "INVALID_CREDENTIALS") redirect(await loginUrl("expired"));
    if (!isPosternError(e)) throw e;
    body = (
      <p className={styles.notice} role="alert" data-testid="compose-load-error">
        {await errorText(e)} <a href={mailUrl({ folder: back })}>{t("backToMail")}</a>
      </p>
    );
  }
  return (
    <div className={styles.page}>
      <header className="topbar">
        <span className="brand">Postern</span>
        {/* A plain link: a full navigation lets the unsaved-changes warning ask first. */}
        <a href={mailUrl({ folder: back })} className={styles.back}>
          {t("backToMail")}
        </a>
        <span className="account" data-testid="account" translate="no">
          {session.email}
        </span>
      </header>
      <main className={styles.main}>
        <h1>{t(`title.${request.kind}`)}</h1>
        {body}
      </main>
    </div>
  );
}
