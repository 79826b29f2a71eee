import sanitizeHtml from "sanitize-html";

// Markers put in front of tags that end a line or a paragraph, before all markup is removed; a
// run of markers becomes one line break, or a blank line if any of them ends a paragraph.
const LINE = "\u0001";
const PARAGRAPH = "\u0002";
const LINE_TAG = /<\/?(?:br|div|tr|li|dt|dd|center|address|section|article|header|footer)\b/gi;
const PARAGRAPH_TAG = /<\/?(?:p|h[1-6]|hr|table|ul|ol|dl|blockquote|pre)\b/gi;

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">" };

/**
 * Plain text from HTML, for messages whose only body is HTML below the top level (mailparser
 * derives text only for a top-level HTML body). Rough on purpose: line breaks at block elements,
 * HTML whitespace collapsed, scripts, styles and titles dropped.
 */
export function htmlToPlainText(html: string): string {
  const marked = html
    .replace(/[\u0001\u0002]/g, "")
    .replace(PARAGRAPH_TAG, `${PARAGRAPH}$&`)
    .replace(LINE_TAG, `${LINE}$&`);
  const text = sanitizeHtml(marked, {
    allowedTags: [],
    allowedAttributes: {},
    nonTextTags: ["script", "style", "title", "textarea", "option", "noscript", "template", "svg", "math"],
  });
  return text
    .replace(/&(?:amp|lt|gt);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(/[ \t\n\r\f]+/g, " ")
    .replace(/ ?[\u0001\u0002][ \u0001\u0002]*/g, (run) => (run.includes(PARAGRAPH) ? "\n\n" : "\n"))
    .trim();
}
