import { useTranslations } from "next-intl";

/** Links from a message to the composer. Plain links (not next/link): the composer is its own
 * page, and opening it in a new tab must work. */
export function composeUrl(kind: "reply" | "replyAll" | "forward" | "forwardAttached" | "draft", folder: string, uid: number, account?: string): string {
  return `/mail/compose?${new URLSearchParams({ [kind]: String(uid), folder, ...(account ? { account } : {}) })}`;
}

/** A folder that holds drafts: the server's \Drafts folder when the caller knows it, else one
 * named Drafts (at any level), which is what servers without SPECIAL-USE call it. */
function looksLikeDrafts(folder: string): boolean {
  return /^drafts$/i.test(folder.split(/[./]/).pop() ?? "");
}

export function ComposeLinks({ folder, uid, inDrafts, account }: { folder: string; uid: number; inDrafts?: boolean; account?: string }) {
  const t = useTranslations("composeLinks");
  if (inDrafts ?? looksLikeDrafts(folder)) {
    return (
      <a href={composeUrl("draft", folder, uid, account)} data-testid="edit-draft">
        {t("editDraft")}
      </a>
    );
  }
  return (
    <>
      <a href={composeUrl("reply", folder, uid, account)} data-testid="reply">{t("reply")}</a>
      <a href={composeUrl("replyAll", folder, uid, account)} data-testid="reply-all">{t("replyAll")}</a>
      <a href={composeUrl("forward", folder, uid, account)} data-testid="forward">{t("forward")}</a>
      <a href={composeUrl("forwardAttached", folder, uid, account)} data-testid="forward-attached" title={t("forwardAttachedTitle")}>
        {t("forwardAttached")}
      </a>
    </>
  );
}
