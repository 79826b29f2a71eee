import { useTranslations } from "next-intl";
import { parseNoticeKey } from "./notice-key";

/** A notice naming a catalog entry (app/i18n/notice-key.ts: server actions redirect with the key
 * and its values, lib/http/signed-notice.ts signs it) is shown in the reader's language; a notice
 * carrying its own text (an error message with details) is shown as it is. */
export function NoticeText({ text }: { text: string }) {
  const t = useTranslations("notices");
  type Key = Parameters<typeof t>[0];
  const named = parseNoticeKey(text);
  if (!named || !t.has(named.key as Key)) return text;
  return t(named.key as Key, named.values);
}
