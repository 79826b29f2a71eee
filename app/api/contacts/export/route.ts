import { z } from "zod";
import { exportVcards } from "@/lib/contacts/vcard/export-vcards";
import { sessionRoute } from "../../session-route";

const query = z.object({
  id: z.string().min(1).max(100).optional(),
  version: z.enum(["3.0", "4.0"]).default("4.0"),
});

/** The address book, one contact, or a group with its members, as a .vcf download. */
export const GET = sessionRoute(query, async (_imap, options, _req, session) => {
  const { filename, text } = await exportVcards(session.email, options);
  return new Response(text, {
    headers: {
      "Content-Type": "text/vcard; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename.replace(/[^\x20-\x7e]|"/g, "_")}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      "Cache-Control": "private, no-store",
    },
  });
});
