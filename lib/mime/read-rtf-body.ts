import iconv from "iconv-lite";
import { deEncapsulateSync, Tokenize } from "rtf-stream-parser";

// The body of an Outlook message kept as RTF (a winmail.dat's PR_RTF_COMPRESSED, decompressed).
// Outlook usually wraps the HTML or plain text it was written in (MS-OXRTFEX, \fromhtml1 or
// \fromtext): rtf-stream-parser takes it back out. RTF written as RTF is read here for its text.

export type RtfBody = { kind: "html"; html: string } | { kind: "text"; text: string };

// Groups whose text is not part of the document: tables, metadata, pictures, field codes.
const HIDDEN_DESTINATIONS = new Set([
  "fonttbl", "colortbl", "stylesheet", "info", "pict", "object", "header", "headerl", "headerr", "headerf", "footer",
  "footerl", "footerr", "footerf", "listtable", "listoverridetable", "revtbl", "rsidtbl", "generator", "xmlnstbl",
  "themedata", "colorschememapping", "datastore", "latentstyles", "fldinst", "filetbl", "pgdsctbl", "footnote",
]);
const SYMBOLS: Record<string, string> = {
  par: "\n", line: "\n", sect: "\n", page: "\n", row: "\n", cell: "\t", tab: "\t", emdash: "\u2014", endash: "\u2013",
  bullet: "\u2022", lquote: "\u2018", rquote: "\u2019", ldblquote: "\u201c", rdblquote: "\u201d", "~": "\u00a0",
  _: "\u2011", emspace: "\u2003", enspace: "\u2002", "{": "{", "}": "}", "\\": "\\",
};

/** HTML or text from RTF; null when it is not RTF that can be read. */
export function readRtfBody(rtf: Buffer): RtfBody | null {
  try {
    const result = deEncapsulateSync(rtf, { decode, warn: () => {}, mode: "either", htmlFixContentType: true });
    const value = String(result.text);
    return result.mode === "html" ? { kind: "html", html: value } : { kind: "text", text: value };
  } catch {
    // not encapsulated: RTF of its own, whose text is read below
  }
  try {
    return { kind: "text", text: rtfToText(rtf) };
  } catch {
    return null;
  }
}

function decode(bytes: Buffer, encoding: string): string {
  return iconv.decode(bytes, iconv.encodingExists(encoding) ? encoding : "windows-1252");
}

type Group = { hidden: boolean; skip: number };

/** The text of plain RTF: paragraphs and tabs kept, formatting dropped, \'XX bytes in the
 * document's code page (\ansicpg), \uN characters with their ANSI stand-ins (\ucN) skipped. */
function rtfToText(rtf: Buffer): string {
  if (!rtf.subarray(0, 6).toString("latin1").startsWith("{\\rtf")) throw new Error("not RTF");
  const tokens: { type: number; word?: string; param?: number; data?: Buffer }[] = [];
  const tokenizer = new Tokenize();
  tokenizer.push = (token) => (tokens.push(token), true);
  const fail = (e?: unknown) => {
    if (e) throw e;
  };
  tokenizer._transform(rtf, undefined, fail);
  tokenizer._flush(fail);

  let codepage = "windows-1252";
  const stack: Group[] = [{ hidden: false, skip: 1 }];
  let group = stack[0];
  let out = "";
  let bytes: number[] = [];
  let pendingSkip = 0; // ANSI stand-ins still to drop after a \uN
  let groupStart = false;
  let starred = false;
  const flush = () => {
    if (bytes.length && !group.hidden) out += decode(Buffer.from(bytes), codepage);
    bytes = [];
  };
  for (const token of tokens) {
    if (token.type === 0 || token.type === 1) {
      flush();
      pendingSkip = 0;
      if (token.type === 0) stack.push((group = { ...group }));
      else if (stack.length > 1) stack.pop(), (group = stack[stack.length - 1]);
      groupStart = token.type === 0;
      starred = false;
      continue;
    }
    const first = groupStart;
    groupStart = false;
    if (token.type === 3) {
      let text = token.data ?? Buffer.alloc(0);
      if (pendingSkip) {
        const dropped = Math.min(pendingSkip, text.length);
        text = text.subarray(dropped);
        pendingSkip -= dropped;
      }
      flush();
      if (!group.hidden) out += decode(text, codepage);
      continue;
    }
    const word = token.word ?? "";
    if (word === "*" && first) {
      starred = true;
      groupStart = true; // the destination's name follows
      continue;
    }
    if ((first && HIDDEN_DESTINATIONS.has(word)) || starred) {
      group.hidden = true;
      starred = false;
      continue;
    }
    if (word === "'") {
      if (pendingSkip) pendingSkip--;
      else bytes.push(...(token.data ?? []));
      continue;
    }
    flush();
    if (word === "ansicpg" && token.param) codepage = `cp${token.param}`;
    else if (word === "uc") group.skip = Math.max(0, token.param ?? 1);
    else if (word === "u" && token.param !== undefined) {
      if (!group.hidden) out += String.fromCharCode(token.param < 0 ? token.param + 0x10000 : token.param);
      pendingSkip = group.skip;
    } else if (SYMBOLS[word] && !group.hidden) out += SYMBOLS[word];
  }
  flush();
  return out.replace(/[ \t]+\n/g, "\n").replace(/\n{3,}/g, "\n\n").trim();
}
