import { noticeKey } from "@/app/i18n/notice-key";
import { noticeUrl } from "@/lib/http/signed-notice";

/** The folder to go back to after sending, with a signed notice: "Message sent.", or what went
 * wrong after it left (a refused recipient, no copy in Sent): mailUrl({ folder }) with the notice
 * after the folder. */
export function sentRedirect(folder: string, warnings: string[]): string {
  const notice = warnings.length ? { kind: "error" as const, text: warnings.join(" ") } : { kind: "ok" as const, text: noticeKey("messageSent") };
  return noticeUrl("/mail", notice, { folder });
}
