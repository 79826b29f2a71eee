/** The error answer of every API route: `{ error: { code, message, detail? } }`, never cached.
 * `code` is stable for scripts; `message` is English; `detail` (lib/http/error-details.ts) lets
 * Postern's pages say the message in the reader's language (app/i18n/use-error-text.ts). */
export function jsonError(status: number, code: string, message: string, headers: Record<string, string> = {}, detail?: unknown): Response {
  return Response.json({ error: detail ? { code, message, detail } : { code, message } }, { status, headers: { "Cache-Control": "no-store", ...headers } });
}
