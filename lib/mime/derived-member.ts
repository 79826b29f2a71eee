import { cleanFilename } from "@/lib/mime/clean-filename";
import { extractUuencoded } from "@/lib/mime/extract-uuencoded";
import { guessContentType } from "@/lib/mime/guess-content-type";
import { readTnef, type TnefBody } from "@/lib/mime/read-tnef";

// Files that are not MIME parts of their own (unpacked from a winmail.dat, uuencoded in a text
// body) are addressed by the IMAP part that contains them plus a member name: "tnef:2" is the
// second file of the TNEF part, "uue:1" the first uuencoded file of the text part, "p7m:1" the
// first file of the message inside an S/MIME signed-data part. Both sides, listing
// (parse-message) and downloading (extractMember, or readSignedMember for p7m, on the part's
// bytes from IMAP), count the files the same way, with the same readers.

export type MemberKind = "tnef" | "uue" | "p7m";
export type Member = { kind: MemberKind; index: number };
export type MemberFile = { name: string; contentType: string; data: Buffer };

/** What a member name looks like; routes validate against it. Indexes start at 1. */
export const MEMBER_PATTERN = /^(tnef|uue|p7m):([1-9][0-9]{0,3})$/;

export function formatMember(member: Member): string {
  return `${member.kind}:${member.index}`;
}

export function parseMember(value: string): Member | null {
  const match = MEMBER_PATTERN.exec(value);
  return match ? { kind: match[1] as MemberKind, index: Number(match[2]) } : null;
}

/** The name a member file is listed and downloaded under (cleanFilename of what the sender
 * wrote, or one made up from where the file is when that is empty). */
export function memberFilename(partId: string, member: Member, name: string, contentType: string): string {
  return cleanFilename(name, contentType, `${partId}-${member.kind}${member.index}`);
}

/** The files of a TNEF part, as both sides list them, and the message body it carries; null
 * when the bytes are not TNEF. */
export function tnefMembers(container: Buffer): { files: MemberFile[]; body: TnefBody; damaged: boolean } | null {
  const tnef = readTnef(container);
  if (!tnef) return null;
  const files = tnef.files.map((file) => ({ name: file.name, contentType: file.contentType ?? guessContentType(file.name), data: file.data }));
  return { files, body: tnef.body, damaged: tnef.damaged };
}

/** The uuencoded files of a text part, as both sides list them, and the text without them. */
export function uuencodedMembers(text: string): { text: string; files: MemberFile[] } {
  const found = extractUuencoded(text);
  return { text: found.text, files: found.files.map((file) => ({ ...file, contentType: guessContentType(file.name) })) };
}

/** The member file inside `container`, the decoded bytes of its part (transfer encoding removed,
 * as IMAP BINARY or a decoded BODY fetch returns them), or null when there is no such file. */
export function extractMember(container: Buffer, member: Member): MemberFile | null {
  // the message in a signed-data part needs the (asynchronous) MIME parser: read-signed-member.ts
  if (member.kind === "p7m") return null;
  // uuencode is ASCII, so the text part's charset does not matter here
  const files = member.kind === "tnef" ? tnefMembers(container)?.files : uuencodedMembers(container.toString("latin1")).files;
  return files?.[member.index - 1] ?? null;
}
