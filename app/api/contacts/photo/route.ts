import { z } from "zod";
import { getPhoto } from "@/lib/contacts/card-store";
import { PosternError } from "@/lib/http/errors";
import { sessionRoute } from "../../session-route";

const query = z.object({ id: z.string().min(1).max(100) });

/** A contact's photo, with the type sniffed from its bytes when it was stored (only raster types,
 * never SVG), and headers that keep the browser from treating it as anything but an image. */
export const GET = sessionRoute(query, async (_imap, { id }, _req, session) => {
  const photo = await getPhoto(session.email, id);
  if (!photo) throw new PosternError("NOT_FOUND", "This contact has no photo.");
  return new Response(Buffer.from(photo.bytes), {
    headers: {
      "Content-Type": photo.type,
      "Content-Length": String(photo.bytes.length),
      "Content-Disposition": 'inline; filename="photo"',
      "Content-Security-Policy": "sandbox; default-src 'none'",
      "Cross-Origin-Resource-Policy": "same-origin",
      "Cache-Control": "private, no-cache",
    },
  });
});
