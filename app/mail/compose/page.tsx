import { redirect } from "next/navigation";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { quoteWordsFor } from "@/app/i18n/quote-words";
import { errorText } from "@/app/i18n/error-text";
import { loginUrl, requireMailSession } from "@/auth";
import { composeFormat } from "@/lib/compose/compose-settings";
import { prepareCompose } from "@/lib/compose/prepare-compose";
import { listIdentities, listSendingIdentities } from "@/lib/identities/identity-store";
import { isPosternError, PosternError } from "@/lib/http/errors";
import { readArticle } from "@/lib/news/read-article";
import { withNews } from "@/lib/news/with-news";
import { getQueued } from "@/lib/outbox/outbox";
import type { RootTranslate } from "@/app/i18n/say-error";
import { notSentText } from "./not-sent-text";
import { readLinkExpiryDays } from "@/lib/read-links/read-link-settings";
import { getLayeredSettings } from "@/lib/settings/account-settings";
import { attachmentBudget, getSendLimit } from "@/lib/smtp/size-limit";
import { mailUrl } from "../mail-url";
import { backFolder, composeParamsSchema, toComposeRequest } from "./compose-params";
import { Composer } from "./composer";
import styles from "./compose.module.css";
import { sentRedirect } from "./sent-redirect";
import { accountIdentity, ACCOUNT_PARAM, requestedAccount } from "@/lib/accounts/account-identity";
import { sendableIdentities } from "@/lib/accounts/account-sender";
import { identityOwnerOf, settingKeysOf } from "@/lib/accounts/mailbox-owner";
import { ACCOUNT_META } from "../mutation-headers";

export const dynamic = "force-dynamic";


export default async function ComposePage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const session = await requireMailSession();
  const t = await getTranslations("compose");
  const raw = await searchParams;
  const params = composeParamsSchema.parse(raw);
  // writing from an added account (issue 22): its mailbox for drafts and replies, its address as From
  const accountId = requestedAccount(raw[ACCOUNT_PARAM]);
  const other = accountId ? await accountIdentity(session, accountId).catch(() => null) : null;
  const imap = other ?? session.imap;
  const sender = other ? other.credentials.user : session.email;
  const backList = other ? { account: other.account!.id } : undefined;
  const request = toComposeRequest(params);
  const back = backFolder(params);
  // Reloaded while a sent message waited for Undo: follow it (its draft is what is shown).
  const job = params.outbox ? await getQueued(params.outbox, sender) : null;
  if (job?.state === "sent") redirect(await sentRedirect(back, job.warnings));
  const waiting = job?.state === "waiting" || job?.state === "sending" ? job : null;
  // A send that failed, or one the outbox no longer knows: the draft shown was never sent.
  const failed =
    job?.state === "failed"
      ? notSentText(await getLocale(), (await getTranslations()) as unknown as RootTranslate, job.error)
      : params.outbox && !job
        ? t("lostNotice")
        : null;
  let body;
  try {
    // Every identity's address is "mine" (reply-all leaves it out); only confirmed ones are offered as From.
    if (accountId && !other) throw new PosternError("NOT_FOUND", "This account is not among your accounts. It may have been removed.");
    // an added mailbox has identities of its own (issue 22), as its settings are its own where set
    const owner = identityOwnerOf(session, other ?? undefined);
    const [all, sending] = await Promise.all([listIdentities(owner), listSendingIdentities(owner)]);
    const identities = other ? sendableIdentities(sending) : sending;
    const own = [sender, ...all.map((i) => i.address)];
    const [readLinkDays, format] = await getLayeredSettings(settingKeysOf(session, other ?? undefined), [readLinkExpiryDays, composeFormat] as const);
    // the attribution and forward header in the writer's language and time zone
    const quoteWords = quoteWordsFor(await getLocale(), await getTimeZone());
    const [initial, limit] = await Promise.all([prepareCompose(imap, own, request, identities, { format, readArticle: (ref) => withNews(session.email, (s) => readArticle(s, ref)), quoteWords }), getSendLimit()]);
    body = (
      <Composer
        initial={initial}
        identities={identities}
        attachmentBudget={attachmentBudget(limit)}
        back={back}
        queued={waiting}
        initialError={failed}
        account={sender}
        readLinkDefaultDays={readLinkDays}
      />
    );
  } catch (e) {
    if (isPosternError(e) && e.code === "INVALID_CREDENTIALS") redirect(await loginUrl("expired"));
    if (!isPosternError(e)) throw e;
    body = (
      <p className={styles.notice} role="alert" data-testid="compose-load-error">
        {await errorText(e)} <a href={mailUrl({ folder: back, list: backList })}>{t("backToMail")}</a>
      </p>
    );
  }
  return (
    <div className={styles.page}>
      <header className="topbar">
        <span className="brand">Postern</span>
        {/* A plain link: a full navigation lets the unsaved-changes warning ask first. */}
        <a href={mailUrl({ folder: back, list: backList })} className={styles.back}>
          {t("backToMail")}
        </a>
        {other && <meta name={ACCOUNT_META} content={other.account!.id} />}
        {other && <span className="topbar-link" data-testid="current-account" translate="no">{other.label}</span>}
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
