import sanitizeHtml from "sanitize-html";

// What the composer's HTML may contain when it leaves Postern. Stricter than the display
// sanitizer (lib/mime/sanitize-html.ts): outgoing mail needs formatting, not a web page, and
// nothing may point at a third party except plain links.
const TAGS = [
  "a", "b", "blockquote", "br", "code", "div", "em", "h1", "h2", "h3", "hr", "i", "img", "li", "ol", "p", "pre",
  "s", "span", "strong", "sub", "sup", "table", "tbody", "td", "th", "thead", "tr", "u", "ul",
];

/** Sanitized HTML for a message body: formatting tags only, links to http(s)/mailto, images only
 * from inline parts (cid:) so a recipient's client never fetches anything remote. */
export function sanitizeOutgoingHtml(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: TAGS,
    allowedAttributes: { a: ["href"], img: ["src", "alt", "width", "height"], "*": ["style", "dir"] },
    allowedSchemes: ["http", "https", "mailto"],
    allowedSchemesByTag: { img: ["cid"] },
    allowedStyles: { "*": { "font-weight": [/^\w+$/], "font-style": [/^\w+$/], "text-decoration": [/^[\w ]+$/], color: [/^#[0-9a-f]{3,6}$/i] } },
    disallowedTagsMode: "discard",
  });
}
