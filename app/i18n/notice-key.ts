// A form action's notice travels as signed text in the next page's query (lib/http/signed-notice.ts).
// When it names a catalog entry ("notices.sessionsEnded" plus its parameters as JSON) the page shows
// it in the reader's language; any other text is shown as it is.

export type NoticeValues = Record<string, string | number>;

const NOTICE_KEY = /^notices\.([A-Za-z0-9]+)(?: (\{.*\}))?$/s;

/** The notice text naming `notices.<key>` with `values` for its placeholders. */
export function noticeKey(key: string, values?: NoticeValues): string {
  return values ? `notices.${key} ${JSON.stringify(values)}` : `notices.${key}`;
}

/** The catalog key and values a notice text names, or null for plain text. */
export function parseNoticeKey(text: string): { key: string; values: NoticeValues } | null {
  const m = NOTICE_KEY.exec(text);
  if (!m) return null;
  try {
    const values: unknown = m[2] ? JSON.parse(m[2]) : {};
    if (typeof values !== "object" || values === null || Array.isArray(values)) return null;
    const clean: NoticeValues = {};
    for (const [k, v] of Object.entries(values)) if (typeof v === "string" || typeof v === "number") clean[k] = v;
    return { key: m[1], values: clean };
  } catch {
    return null;
  }
}
