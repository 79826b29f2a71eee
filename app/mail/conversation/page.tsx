import Link from "next/link";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { errorText } from "@/app/i18n/error-text";
import { getReadingPreferences, trustedImageSender } from "@/lib/mime/reading-settings";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { z } from "zod";
import { requireMailSession } from "@/auth";
import { isPosternError } from "@/lib/http/errors";
import { openConversation, type Conversation } from "@/lib/imap/open-conversation";
import { buildMessageView } from "@/lib/mime/message-view";
import { uiTheme } from "@/lib/settings/appearance-settings";
import { requestSettings } from "../request-settings";
import { logout } from "../actions";
import { threadListUrl } from "../thread-url";
import { ConversationEntry } from "./conversation-entry";
import styles from "./conversation.module.css";
import { CsrfField } from "../csrf-field";

export const dynamic = "force-dynamic";

const paramsSchema = z.object({
  folder: z.string().min(1).max(1000).catch("INBOX"),
  uid: z.coerce.number().int().positive().max(4294967295).optional().catch(undefined),
  images: z.literal("1").optional().catch(undefined),
  colors: z.literal("original").optional().catch(undefined),
});

function Frame({ email, folder, children }: { email: string; folder: string; children: ReactNode }) {
  const t = useTranslations("conversation");
  return (
    <div className={styles.page}>
      <header className="topbar">
        <span className="brand">Postern</span>
        <Link href={threadListUrl({ folder })} prefetch={false} className={styles.back} data-testid="back-to-threads">
          {t("back")}
        </Link>
        <span className="account" data-testid="account" translate="no">{email}</span>
        <form action={logout}>
          <CsrfField />
          <button type="submit" className="link-button">{t("signOut")}</button>
        </form>
      </header>
      <main className={styles.main}>{children}</main>
    </div>
  );
}

function missing(text: string) {
  return (
    <p className={styles.notice} data-testid="conversation-missing">
      {text}
    </p>
  );
}

/**
 * A whole conversation in one pane (?folder=&uid= of any message in it), oldest first: older
 * messages collapsed to one line, the newest open. Opening it marks the conversation read.
 */
export default async function ConversationPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const session = await requireMailSession();
  const params = paramsSchema.parse(await searchParams);
  const uid = params.uid;
  const t = await getTranslations("conversation");
  if (!uid) return <Frame email={session.email} folder={params.folder}>{missing(t("noneChosen"))}</Frame>;
  let conversation: Conversation;
  try {
    conversation = await openConversation(session.imap, { folder: params.folder, uid });
  } catch (e) {
    if (isPosternError(e) && e.code === "INVALID_CREDENTIALS") redirect("/login?reason=expired");
    if (!isPosternError(e)) throw e;
    // a message moved or deleted elsewhere, the server unreachable: a notice, not an error page
    return <Frame email={session.email} folder={params.folder}>{missing(await errorText(e))}</Frame>;
  }
  const imagesAllowed = params.images === "1";
  const originalColors = params.colors === "original";
  const [reading, theme] = await Promise.all([getReadingPreferences(session.email), requestSettings([session.email], [uiTheme] as const).then(([t]) => t)]); // the layout read it
  const { messages, omitted } = conversation;
  const anyHtml = messages.some((m) => m.message?.html);
  // dark mode adapts the senders' colours (lib/mime/dark-colors.ts); this shows them as sent, for the whole conversation
  const colorSwitchUrl = `/mail/conversation?${new URLSearchParams({
    folder: params.folder,
    uid: String(uid),
    ...(imagesAllowed ? { images: "1" } : {}),
    ...(originalColors ? {} : { colors: "original" }),
  })}`;
  return (
    <Frame email={session.email} folder={params.folder}>
      <h1 data-testid="conversation-subject" translate={conversation.subject ? "no" : undefined}>{conversation.subject || t("noSubject")}</h1>
      <p className={styles.count} data-testid="conversation-count">
        {t("count", { count: messages.length })}
        {omitted > 0 && ` ${t("omitted", { count: omitted })}`}
        {theme !== "light" && anyHtml && (
          <>
            {" · "}
            <Link href={colorSwitchUrl} prefetch={false} className="color-switch" data-testid="color-switch">
              {originalColors ? t("adaptColours") : t("originalColours")}
            </Link>
          </>
        )}
      </p>
      <ol className={styles.messages}>
        {messages.map((m, i) => (
          <li key={m.uid}>
            <ConversationEntry
              folder={params.folder}
              openedUid={uid}
              entry={m}
              view={m.message ? buildMessageView(m.message, {
                      allowRemoteContent: imagesAllowed || trustedImageSender(m.message.from, reading.trustedImageSenders) !== null,
                      preferPlainText: reading.preferPlainText,
                      originalColors,
                    }) : null}
              expanded={i === messages.length - 1}
              imagesAllowed={imagesAllowed}
            />
          </li>
        ))}
      </ol>
    </Frame>
  );
}
