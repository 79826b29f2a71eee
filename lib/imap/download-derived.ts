import { PosternError } from "@/lib/http/errors";
import { MAX_PARSE_BYTES } from "@/lib/limits";
import { extractMember, memberFilename, type Member } from "@/lib/mime/derived-member";
import { readSignedMember } from "@/lib/mime/read-signed-member";
import { downloadPart } from "./download-part";
import type { ImapIdentity } from "./session-pool";

export type DerivedDownload = { data: Buffer; contentType: string; filename: string };

/**
 * A file that is not a MIME part of its own (unpacked from a winmail.dat, uuencoded in a text
 * part, inside an S/MIME signed-data part): fetches the part that contains it from IMAP, decoded from its transfer encoding, and
 * takes the file out with the same readers that listed it. The part is held in memory while read,
 * so it is refused past MAX_PARSE_BYTES (larger messages are never parsed, so never list such
 * files).
 * @throws PosternError NOT_FOUND | MESSAGE_TOO_LARGE | IMAP_UNAVAILABLE
 */
export async function downloadDerived(
  id: ImapIdentity,
  opts: { folder: string; uid: number; part: string; member: Member },
): Promise<DerivedDownload> {
  const part = await downloadPart(id, { folder: opts.folder, uid: opts.uid, part: opts.part });
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of part.stream) {
      const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
      size += bytes.length;
      if (size > MAX_PARSE_BYTES) throw new PosternError("MESSAGE_TOO_LARGE", "This attachment is too large to unpack.");
      chunks.push(bytes);
    }
  } finally {
    part.stream.destroy();
  }
  const container = Buffer.concat(chunks);
  const file = opts.member.kind === "p7m" ? await readSignedMember(container, opts.member.index) : extractMember(container, opts.member);
  if (!file) throw new PosternError("NOT_FOUND", "This attachment no longer exists.");
  return { data: file.data, contentType: file.contentType, filename: memberFilename(opts.part, opts.member, file.name, file.contentType) };
}
