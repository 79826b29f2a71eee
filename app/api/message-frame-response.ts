import type { MailSession } from "@/lib/auth/session-store";
import { PosternError } from "@/lib/http/errors";
import { requestOrigin } from "@/lib/http/request-origin";
import { frameHeaders } from "@/lib/http/security-headers";
import { frameImageProxy } from "@/lib/image-proxy/frame-image-proxy";
import { useImageProxy } from "@/lib/mime/reading-settings";
import { renderMessageFrame } from "@/lib/mime/render-frame";
import type { ParsedMessage } from "@/lib/mime/types";
import { getSettings } from "@/lib/settings/account-settings";
import { uiTheme } from "@/lib/settings/appearance-settings";

/** The origin the browser addressed (its Host header, or a trusted proxy's forwarded one): the
 * server's own idea of its URL may name another host (localhost). */
function browserOrigin(req: Request): string {
  return requestOrigin(req.headers) ?? new URL(req.url).origin;
}

/**
 * A parsed message's sanitized HTML body (or attached message `part`'s) as the document of its
 * sandboxed iframe, for mail and news alike. Shown images come through Postern's proxy (the
 * sender never sees the reader's address) unless the reader turned that off in Settings.
 * @throws PosternError NOT_FOUND when there is no HTML body (`noHtml` says so)
 */
export async function messageFrameResponse(opts: {
  message: ParsedMessage;
  part?: string;
  images: boolean;
  originalColors?: boolean;
  req: Request;
  session: MailSession;
  noHtml: string;
}): Promise<Response> {
  const allowRemoteContent = opts.images;
  const [proxied, scheme] = await getSettings(opts.session.email, [useImageProxy, uiTheme] as const);
  const imageProxy = allowRemoteContent && proxied ? frameImageProxy({ origin: browserOrigin(opts.req), session: opts.session.id }) : undefined;
  // the body's colours follow the account's light/dark choice (Settings -> Appearance)
  const document = renderMessageFrame(opts.message, { allowRemoteContent, part: opts.part, imageProxy, scheme: opts.originalColors ? "light" : scheme });
  if (document === null) throw new PosternError("NOT_FOUND", opts.noHtml);
  return new Response(document, { headers: frameHeaders({ allowRemoteContent, imageProxyUrl: imageProxy?.url }) });
}
