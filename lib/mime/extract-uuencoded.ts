// uuencoded files inside a text body ("begin 644 name" ... "end"), as old Unix mailers and
// Usenet gateways sent them. Lines are checked against the format (a length character, then four
// characters per three bytes), so prose that happens to start with "begin" is left alone.

/** Most files taken out of one text part. */
export const MAX_UUENCODED_FILES = 50;

export type UuencodedFile = { name: string; data: Buffer };
export type UuencodedExtraction = { text: string; files: UuencodedFile[] };

const BEGIN = /^begin [0-7]{3,4} (.+?)[ \t]*$/;

/** Takes the uuencoded blocks out of `text`: the text without them, and the files in order. */
export function extractUuencoded(text: string): UuencodedExtraction {
  if (!text.includes("begin ")) return { text, files: [] };
  const lines = text.split(/\r?\n/);
  const kept: string[] = [];
  const files: UuencodedFile[] = [];
  for (let i = 0; i < lines.length; i++) {
    const begin = files.length < MAX_UUENCODED_FILES ? BEGIN.exec(lines[i]) : null;
    const block = begin ? readBlock(lines, i + 1) : null;
    if (!begin || !block) {
      kept.push(lines[i]);
      continue;
    }
    files.push({ name: begin[1], data: block.data });
    i = block.end;
  }
  if (files.length === 0) return { text, files };
  return { text: kept.join("\n").replace(/\n{3,}/g, "\n\n"), files };
}

/** Decodes the lines from `start` up to an "end" line; null when they are not uuencode. */
function readBlock(lines: string[], start: number): { data: Buffer; end: number } | null {
  const chunks: Buffer[] = [];
  for (let i = start; i < lines.length; i++) {
    const line = lines[i].replace(/[ \t]+$/, (spaces) => spaces.replace(/\t/g, ""));
    if (line === "end") return { data: Buffer.concat(chunks), end: i };
    if (line === "" || line === "`") continue;
    const decoded = decodeLine(line);
    if (!decoded) return null;
    chunks.push(decoded);
  }
  return null;
}

function decodeLine(line: string): Buffer | null {
  const length = (line.charCodeAt(0) - 32) & 63;
  if (line.charCodeAt(0) < 32 || line.charCodeAt(0) > 96) return null;
  const needed = Math.ceil(length / 3) * 4;
  // trailing spaces (zero values) are often stripped in transit: pad them back
  const body = line.slice(1).padEnd(needed, " ");
  if (body.length > needed + 4 || /[^\x20-\x60]/.test(body)) return null;
  const out = Buffer.alloc(Math.ceil(length / 3) * 3);
  for (let i = 0, o = 0; i < needed; i += 4, o += 3) {
    const [a, b, c, d] = [0, 1, 2, 3].map((k) => (body.charCodeAt(i + k) - 32) & 63);
    out[o] = (a << 2) | (b >> 4);
    out[o + 1] = ((b & 15) << 4) | (c >> 2);
    out[o + 2] = ((c & 3) << 6) | d;
  }
  return out.subarray(0, length);
}
