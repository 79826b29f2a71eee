// Plain text as rich-text HTML, for a body that starts in (or switches to) Rich text: paragraphs
// at blank lines, line breaks kept, "> " quoted lines (a reply's quote) as nested blockquotes.
// The inverse of html-to-plain.ts for what it produces. Pure: runs in the browser too.

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ESCAPES[c]);
}

function paragraphs(lines: string[]): string {
  const out: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length) out.push(`<p>${current.map(escapeHtml).join("<br>")}</p>`);
    current = [];
  };
  for (const line of lines) {
    if (line.trim() === "") flush();
    else current.push(line);
  }
  flush();
  return out.join("");
}

/** Lines grouped into runs of quoted (">") and unquoted lines, each run rendered on its own. */
function blocks(lines: string[]): string {
  let html = "";
  let i = 0;
  while (i < lines.length) {
    const quoted = lines[i].startsWith(">");
    let j = i;
    while (j < lines.length && lines[j].startsWith(">") === quoted) j++;
    const run = lines.slice(i, j);
    html += quoted ? `<blockquote>${blocks(run.map((l) => l.replace(/^> ?/, "")))}</blockquote>` : paragraphs(run);
    i = j;
  }
  return html;
}

/** HTML for plain text. A body that starts with blank lines (a reply: room to write above the
 * quote) starts with an empty paragraph, where the caret goes. */
export function plainTextToHtml(text: string): string {
  const normalized = text.replace(/\r\n?/g, "\n");
  const lead = /^\s*\n/.test(normalized) ? "<p></p>" : "";
  const html = blocks(normalized.split("\n"));
  return lead + html || "<p></p>";
}

/** Whether turning the HTML into plain text drops something: any markup besides paragraphs,
 * line breaks and quotes (bold, lists, links, images, headings…). */
export function losesFormatting(html: string): boolean {
  return /<(?!\/?(?:p|br|blockquote)\b)[a-z]/i.test(html);
}
