import type { MemberFile } from "@/lib/mime/derived-member";
import { parseMessage } from "@/lib/mime/parse-message";
import { readSignedData } from "@/lib/mime/read-signed-data";

/** File `index` (from 1) of the message inside an S/MIME signed-data part, counted as
 * mergeSignedContent lists them; `container` is the part's decoded bytes. Null when there is no
 * such file. */
export async function readSignedMember(container: Buffer, index: number): Promise<MemberFile | null> {
  const signed = readSignedData(container);
  if (!signed) return null;
  const contents = new Map<string, Buffer>();
  const inner = await parseMessage(signed.content, { onPartContent: (partId, content) => contents.set(partId, content) });
  const file = inner.attachments.filter((a) => !a.member)[index - 1];
  const data = file ? contents.get(file.partId) : undefined;
  return file && data ? { name: file.filename, contentType: file.contentType, data } : null;
}
