import sanitizeHtml from "sanitize-html";
import { filterStyle } from "@/lib/mime/filter-css";
import { createImageApprover, type ImageApprover } from "@/lib/mime/approve-images";
import type { LinkWarning } from "@/lib/mime/detect-phishing";
import { createLinkMarker, LINK_PLACEHOLDER } from "@/lib/mime/mark-links";
import { type ImageUrlPolicy, safeLinkHref } from "@/lib/mime/safe-url";

export type SanitizeOptions = ImageUrlPolicy;
export type SanitizedHtml = {
  html: string;
  blockedRemoteCount: number;
  /** Links that are not what they say, in document order; each is marked in `html`. */
  linkWarnings: LinkWarning[];
};

const ALLOWED_TAGS = [
  "a", "abbr", "address", "b", "big", "blockquote", "br", "caption", "center", "cite", "code", "col", "colgroup",
  "dd", "del", "div", "dl", "dt", "em", "font", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd",
  "li", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "table", "tbody",
  "td", "tfoot", "th", "thead", "tr", "tt", "u", "ul", "var", "wbr",
];
const ALLOWED_TAG_SET = new Set(ALLOWED_TAGS);

// Elements whose content is dropped with them: not text a reader should see (code, styles,
// titles, form options) or markup from another namespace that parses differently.
const DROP_WITH_CONTENT = [
  "script", "style", "textarea", "option", "select", "xmp", "noscript", "title", "svg", "math", "template",
  "iframe", "frameset", "noembed", "noframes", "object", "applet",
];

const BLOCKED = "data-postern-blocked";
const CELL_ATTRIBUTES = ["colspan", "rowspan", "nowrap", "background", BLOCKED];

const ALLOWED_ATTRIBUTES: sanitizeHtml.IOptions["allowedAttributes"] = {
  "*": ["style", "title", "dir", "lang", "align", "valign", "width", "height", "bgcolor"],
  a: ["href", "name", "target", "rel", LINK_PLACEHOLDER],
  img: ["src", "alt", "border", "hspace", "vspace", BLOCKED],
  font: ["color", "face", "size"],
  table: ["border", "cellpadding", "cellspacing", "background", BLOCKED],
  td: CELL_ATTRIBUTES,
  th: [...CELL_ATTRIBUTES, "scope"],
  div: ["background", BLOCKED],
  col: ["span"],
  colgroup: ["span"],
  ol: ["start", "type", "reversed"],
  ul: ["type"],
  li: ["value", "type"],
  hr: ["noshade", "size", "color"],
  blockquote: ["type"],
};

const IMAGE_SCHEMES = ["http", "https", "data"];

/**
 * Sanitizes a message's HTML for display in Postern's sandboxed frame: an allowlist of layout
 * tags, attributes and CSS properties; links open in a new tab without referrer; `cid:` images
 * become data: URLs of the message's own inline images; remote images (img src, background
 * attributes, CSS url()) are removed and counted unless `allowRemoteContent`. Links whose words
 * name another site than their target (and other phishing signs, see detect-phishing.ts) get
 * data-postern-suspicious and their real target as attributes the frame's stylesheet shows.
 */
export function sanitizeEmailHtml(html: string, opts: SanitizeOptions): SanitizedHtml {
  const images = createImageApprover(opts);
  const links = createLinkMarker();
  const approveCssUrl = (url: string) => {
    const decision = images.approve(url);
    return decision.kind === "use" ? decision.url : null;
  };

  const transformAny: sanitizeHtml.Transformer = (tagName, attribs) => {
    if (!ALLOWED_TAG_SET.has(tagName)) return { tagName, attribs };
    const next = { ...attribs };
    // the marker is Postern's own; a message must not be able to fake it
    delete next[BLOCKED];
    if (next.style !== undefined) {
      const style = filterStyle(next.style, approveCssUrl);
      if (style) next.style = style;
      else delete next.style;
    }
    if (next.background !== undefined) setImageUrl(next, "background", images, "remote-background");
    if (tagName === "img") setImageUrl(next, "src", images, "remote-image");
    if (tagName === "a") {
      setLink(next);
      links.open(next);
    }
    return { tagName, attribs: next };
  };

  const clean = sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: ALLOWED_ATTRIBUTES,
    nonTextTags: DROP_WITH_CONTENT,
    allowedSchemes: ["http", "https", "mailto", "tel"],
    allowedSchemesByTag: { img: IMAGE_SCHEMES, table: IMAGE_SCHEMES, td: IMAGE_SCHEMES, th: IMAGE_SCHEMES, div: IMAGE_SCHEMES },
    allowProtocolRelative: false,
    disallowedTagsMode: "discard",
    // <body> carries the message's background and base font; keep them on a plain block
    transformTags: { body: "div", "*": transformAny },
    exclusiveFilter: (frame) => {
      if (frame.tag === "a") links.close(frame.attribs, frame.text);
      return false;
    },
  });
  const marked = links.finish(clean);
  return { html: marked.html, blockedRemoteCount: images.blockedCount(), linkWarnings: marked.warnings };
}

/** Rewrites or removes an image URL attribute; a blocked remote one leaves a marker, so the frame
 * can show where an image was and nothing is fetched. */
function setImageUrl(attribs: sanitizeHtml.Attributes, name: "src" | "background", images: ImageApprover, marker: string): void {
  const raw = attribs[name];
  if (raw === undefined) return;
  const decision = images.approve(raw);
  if (decision.kind === "use") {
    attribs[name] = decision.url;
    return;
  }
  delete attribs[name];
  if (decision.kind === "blocked") attribs[BLOCKED] = marker;
}

function setLink(attribs: sanitizeHtml.Attributes): void {
  const href = attribs.href === undefined ? null : safeLinkHref(attribs.href);
  delete attribs.target;
  delete attribs.rel;
  // A link's tooltip is where Postern shows a suspicious link's real target; the message's own
  // title there could claim another one.
  delete attribs.title;
  // Without !important in the message's inline style, the frame's marks on suspicious links
  // (outline, colours) win over it.
  if (attribs.style !== undefined) {
    const style = attribs.style.replace(/\s*!\s*important/gi, "");
    if (style) attribs.style = style;
    else delete attribs.style;
  }
  if (href === null) {
    delete attribs.href;
    return;
  }
  attribs.href = href;
  attribs.target = "_blank";
  attribs.rel = "noopener noreferrer";
}
