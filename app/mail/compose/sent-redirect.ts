import { mailUrl } from "../mail-url";
import { noticeParams } from "@/lib/http/signed-notice";

/** The folder to go back to after sending, with a signed notice: "Message sent.", or what went
 * wrong after it left (a refused recipient, no copy in Sent). */
export function sentRedirect(folder: string, warnings: string[]): string {
  const notice = warnings.length ? { kind: "error" as const, text: warnings.join(" ") } : { kind: "ok" as const, text: "Message sent." };
  return `${mailUrl({ folder })}&${new URLSearchParams(noticeParams(notice))}`;
}
