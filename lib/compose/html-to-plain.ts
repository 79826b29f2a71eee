import { convert } from "html-to-text";

// The plain-text rendering of a rich-text body: the text/plain part sent beside the HTML, and
// what the composer keeps when switching from Rich text to Plain text. html-to-text is what
// mailparser already uses for the opposite direction (HTML-only mail shown as text). Pure: runs
// in the browser too.

const OPTIONS = {
  // Lines are left as written: the part is quoted-printable, no need to wrap for transport.
  wordwrap: false as const,
  selectors: [
    { selector: "a", options: { hideLinkHrefIfSameAsText: true, linkBrackets: ["<", ">"] as [string, string] } },
    { selector: "img", format: "skip" },
    { selector: "h1", options: { uppercase: false } },
    { selector: "h2", options: { uppercase: false } },
    { selector: "h3", options: { uppercase: false } },
    { selector: "ul", options: { itemPrefix: " * " } },
  ],
};

/** The body as plain text: paragraphs as lines, lists with bullets or numbers, quotes with "> ",
 * links as "text <url>", images left out (they go as inline parts). */
export function htmlToPlainText(html: string): string {
  // Trailing blanks go, except in the signature separator "-- " (RFC 3676 4.3).
  // TipTap wraps each list item in a paragraph: one line per item, not a paragraph each.
  const lists = html.replace(/<li(\s[^>]*)?>\s*<p>/gi, "<li$1>").replace(/<\/p>\s*<\/li>/gi, "</li>");
  return convert(lists, OPTIONS)
    .replace(/^--$/gm, "-- ")
    .replace(/(?<!^--)[ \t]+$/gm, "")
    .replace(/\s+$/, "");
}
