import iconv from "iconv-lite";
import { readMapiProps } from "@/lib/mime/read-mapi-props";

// TNEF (MS-OXTNEF), the winmail.dat Outlook sends: a list of attributes, some for the message,
// some for each attached file. Postern unpacks the files, and keeps the message body for a
// message that has none outside the winmail.dat (see read-tnef-body.ts).

const SIGNATURE = 0x223e9f78;
const LEVEL_MESSAGE = 0x01;
const LEVEL_ATTACHMENT = 0x02;
// attribute IDs (low 16 bits of the attribute tag)
const ATT_ATTACH_REND_DATA = 0x9002; // starts each attachment
const ATT_ATTACH_TITLE = 0x8010; // 8.3 file name
const ATT_ATTACH_DATA = 0x800f;
const ATT_ATTACHMENT = 0x9005; // the attachment's MAPI properties
const ATT_OEM_CODEPAGE = 0x9007;
const ATT_BODY = 0x800c; // the plain text body
const ATT_MSG_PROPS = 0x9003; // the message's MAPI properties
// MAPI property IDs
const PR_ATTACH_LONG_FILENAME = 0x3707;
const PR_ATTACH_FILENAME = 0x3704;
const PR_DISPLAY_NAME = 0x3001;
const PR_ATTACH_MIME_TAG = 0x370e;
const PR_ATTACH_DATA_BIN = 0x3701;
const PR_BODY = 0x1000;
const PR_RTF_COMPRESSED = 0x1009;
const PR_HTML = 0x1013;

/** Most files unpacked from one TNEF: far more than Outlook attaches, few enough to list. */
export const MAX_TNEF_FILES = 100;

export type TnefFile = { name: string; contentType: string | null; data: Buffer };
/** The message body as TNEF carries it, in each form that was there. */
export type TnefBody = { text?: string; html?: Buffer | string; compressedRtf?: Buffer };
export type TnefContent = { files: TnefFile[]; body: TnefBody; damaged: boolean };

export function isTnef(data: Buffer): boolean {
  return data.length >= 6 && data.readUInt32LE(0) === SIGNATURE;
}

type Pending = { title?: string; props?: Map<number, string | Buffer>; data?: Buffer };

/**
 * The files in a TNEF stream, in order, with their long names where Outlook gave them.
 * Data is a view into `data`, not a copy. Returns what was read before any damage, and says so.
 * Returns null when `data` is not TNEF at all.
 */
export function readTnef(data: Buffer): TnefContent | null {
  if (!isTnef(data)) return null;
  let codepage = "windows-1252";
  const pending: Pending[] = [];
  let damaged = false;
  const body: TnefBody = {};
  let offset = 6;
  while (offset < data.length) {
    if (offset + 9 > data.length) {
      damaged = true;
      break;
    }
    const level = data[offset];
    const id = data.readUInt16LE(offset + 1);
    const length = data.readUInt32LE(offset + 5);
    const start = offset + 9;
    if (start + length + 2 > data.length) {
      damaged = true;
      break;
    }
    const value = data.subarray(start, start + length);
    offset = start + length + 2; // the checksum is not checked: a wrong one still leaves the file
    if (id === ATT_OEM_CODEPAGE && length >= 4) codepage = codepageName(value.readUInt32LE(0));
    if (level === LEVEL_MESSAGE && id === ATT_BODY) body.text = iconv.decode(value, codepage).replace(/\0+$/, "");
    if (level === LEVEL_MESSAGE && id === ATT_MSG_PROPS) readBody(readMapiProps(value, codepage), body);
    if (level !== LEVEL_ATTACHMENT) continue;
    if (id === ATT_ATTACH_REND_DATA) {
      if (pending.length >= MAX_TNEF_FILES) break;
      pending.push({});
      continue;
    }
    const current = pending.at(-1);
    if (!current) continue;
    if (id === ATT_ATTACH_TITLE) current.title = iconv.decode(value, codepage).replace(/\0.*$/s, "");
    else if (id === ATT_ATTACH_DATA) current.data = value;
    else if (id === ATT_ATTACHMENT) current.props = readMapiProps(value, codepage);
  }
  const files = pending.flatMap((p): TnefFile[] => {
    const bin = p.props?.get(PR_ATTACH_DATA_BIN);
    const content = p.data ?? (Buffer.isBuffer(bin) ? bin : null);
    if (!content) return [];
    const name = [PR_ATTACH_LONG_FILENAME, PR_DISPLAY_NAME, PR_ATTACH_FILENAME]
      .map((key) => p.props?.get(key))
      .find((v): v is string => typeof v === "string" && v.trim() !== "");
    const mime = p.props?.get(PR_ATTACH_MIME_TAG);
    return [{ name: name ?? p.title ?? "", contentType: typeof mime === "string" && /^[\w.+-]+\/[\w.+-]+$/.test(mime) ? mime.toLowerCase() : null, data: content }];
  });
  return { files, body, damaged };
}

function readBody(props: Map<number, string | Buffer>, body: TnefBody): void {
  const text = props.get(PR_BODY);
  const rtf = props.get(PR_RTF_COMPRESSED);
  const html = props.get(PR_HTML);
  if (typeof text === "string" && text.trim()) body.text = text;
  if (Buffer.isBuffer(rtf)) body.compressedRtf = rtf;
  if (html !== undefined) body.html = html;
}

function codepageName(codepage: number): string {
  const name = codepage === 65001 ? "utf-8" : `cp${codepage}`;
  return iconv.encodingExists(name) ? name : "windows-1252";
}
