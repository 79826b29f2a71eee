import { useTranslations } from "next-intl";

/** A notice naming a catalog entry ("notices.appearanceSaved": server actions redirect with the key,
 * lib/http/signed-notice.ts signs it) is shown in the reader's language; a notice carrying its own
 * text (an error message with details) is shown as it is. */
const NOTICE_KEY = /^notices\.([A-Za-z0-9]+)$/;

export function NoticeText({ text }: { text: string }) {
  const t = useTranslations("notices");
  type Key = Parameters<typeof t>[0];
  const key = NOTICE_KEY.exec(text)?.[1] as Key | undefined;
  return key && t.has(key) ? t(key) : text;
}
