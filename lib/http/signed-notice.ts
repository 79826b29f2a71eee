import crypto from "node:crypto";
import { deriveKey } from "@/lib/auth/secret-key";

export type NoticeKind = "ok" | "error";
export type Notice = { kind: NoticeKind; text: string };

const MAX_TEXT = 500;

function mac(kind: NoticeKind, text: string, key: Buffer): string {
  return crypto.createHmac("sha256", key).update(`${kind}\n${text}`).digest("base64url").slice(0, 22);
}

/**
 * Query parameters carrying a notice across a redirect (a form action's result shown on the next
 * page). Signed, so a crafted link cannot make a Postern page say something Postern never said.
 */
export function noticeParams(notice: Notice, key: Buffer = deriveKey("notice")): Record<string, string> {
  const text = notice.text.slice(0, MAX_TEXT);
  return { notice: text, kind: notice.kind, sig: mac(notice.kind, text, key) };
}

/**
 * The address a form action redirects to: `path` with the signed notice in its query, after
 * `extraParams` (the page's own parameters, in their order; the notice's names win a clash).
 */
export function noticeUrl(path: string, notice: Notice, extraParams: Record<string, string> = {}): string {
  return `${path}?${new URLSearchParams({ ...extraParams, ...noticeParams(notice) })}`;
}

/** The notice in a page's query, or null when there is none or its signature does not match. */
export function readNotice(query: Record<string, string | string[] | undefined>, key: Buffer = deriveKey("notice")): Notice | null {
  const { notice: text, kind, sig } = query;
  if (typeof text !== "string" || typeof sig !== "string" || (kind !== "ok" && kind !== "error")) return null;
  const expected = Buffer.from(mac(kind, text, key));
  const given = Buffer.from(sig);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected) ? { kind, text } : null;
}
