// format=flowed (RFC 3676) undone for display: a line ending in a space is continued by the next
// line of the same quote depth. Postern does this itself, after the uuencoded files are taken out
// of the raw text (read-text-parts.ts): uuencode lines may end in spaces, which are data there,
// not soft line breaks, and mailparser's own decoder would join them before anyone sees them.

export type FlowedOptions = { delSp: boolean };

/** The paragraphs of flowed text as the sender wrote them. Quote markers stay as written ("> "),
 * and an empty last line is dropped, as mailparser's own decoder does. */
export function unflowText(text: string, { delSp }: FlowedOptions): string {
  const out: string[] = [];
  let paragraph = "";
  let prefix = "";
  let depth = -1;
  let open = false;
  for (const line of text.split(/\r?\n/)) {
    let lineDepth = 0;
    while (line.charCodeAt(lineDepth) === 0x3e) lineDepth++;
    // the one space after the quote marks, or at the start of an unquoted line, is stuffing (4.4)
    const stuffed = line.charCodeAt(lineDepth) === 0x20 ? 1 : 0;
    const content = line.slice(lineDepth + stuffed);
    if (open && lineDepth === depth) {
      paragraph = (delSp ? paragraph.slice(0, -1) : paragraph) + content;
    } else {
      if (open) out.push(prefix + paragraph);
      paragraph = content;
      depth = lineDepth;
      prefix = lineDepth ? line.slice(0, lineDepth + stuffed) : "";
    }
    // a signature separator "-- " is a fixed line, never a soft break (4.3)
    open = paragraph.endsWith(" ") && paragraph !== "-- ";
    if (!open) out.push(prefix + paragraph);
  }
  if (open) out.push(prefix + paragraph);
  if (out.length > 1 && out.at(-1) === "") out.pop();
  return out.join("\n");
}
