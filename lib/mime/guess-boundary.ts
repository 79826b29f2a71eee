// Mailers sometimes declare one boundary and write another ("boundary=declared", parts separated
// by "--actual"). MIME parsers then find no parts and show the raw text. When the top-level
// boundary is nowhere in the body but another boundary line opens and closes parts, the message
// is re-read with that one: the reader sees the real parts, with a note saying what was wrong.

const HEADER_END = /\r?\n\r?\n/;
const CONTENT_TYPE = /^content-type:[^\r\n]*(?:\r?\n[ \t][^\r\n]*)*/im;
const BOUNDARY_PARAM = /(;\s*boundary\s*=\s*)(?:"([^"]*)"|([^\s;]+))/i;
// RFC 2046: 1 to 70 bchars, not ending in a space
const BOUNDARY = /^[0-9A-Za-z'()+_,./:=? -]{0,69}[0-9A-Za-z'()+_,./:=?-]$/;

/**
 * The message with its top-level boundary parameter replaced by the boundary its body really
 * uses, or null when there is nothing to repair (not multipart, the declared boundary is used, or
 * no other boundary both opens and closes parts).
 */
export function guessBoundary(raw: Buffer): Buffer | null {
  const text = raw.toString("latin1");
  const end = HEADER_END.exec(text);
  if (!end) return null;
  const head = text.slice(0, end.index);
  const body = text.slice(end.index + end[0].length);
  const field = CONTENT_TYPE.exec(head);
  if (!field || !/^content-type:\s*multipart\//i.test(field[0])) return null;
  const param = BOUNDARY_PARAM.exec(field[0]);
  const declared = param ? (param[2] ?? param[3]) : null;
  if (declared && body.includes(`--${declared}`)) return null;

  const opened = new Set<string>();
  const closed = new Set<string>();
  for (const line of body.split("\n")) {
    const trimmed = line.replace(/[ \t\r]+$/, "");
    if (!trimmed.startsWith("--")) continue;
    const closing = trimmed.endsWith("--") && trimmed.length > 4;
    const boundary = closing ? trimmed.slice(2, -2) : trimmed.slice(2);
    if (BOUNDARY.test(boundary)) (closing ? closed : opened).add(boundary);
  }
  // the first boundary, in body order, that opens a part and is closed too
  const actual = [...opened].find((b) => closed.has(b) && b !== declared);
  if (!actual) return null;

  const quoted = `"${actual}"`;
  const fixedField = param ? field[0].replace(BOUNDARY_PARAM, (_m, lead: string) => `${lead}${quoted}`) : `${field[0]}; boundary=${quoted}`;
  const fixedHead = head.slice(0, field.index) + fixedField + head.slice(field.index + field[0].length);
  return Buffer.from(fixedHead + text.slice(end.index), "latin1");
}
