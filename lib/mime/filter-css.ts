// The CSS allowed in a message's style attributes. Mail is laid out with inline styles, so those
// are kept, but only properties that change how the message itself looks: nothing that can lay
// it over the app around it, run code (old IE's expression()/behavior) or load anything but an
// image URL the caller approved.

/** Longer style attributes are dropped whole: no real message needs them, and they cost time. */
const MAX_STYLE_CHARS = 8 * 1024;

const ALLOWED_PROPERTIES = new Set([
  "color", "background", "background-color", "background-image", "background-repeat", "background-position",
  "background-size",
  "font", "font-family", "font-size", "font-style", "font-weight", "font-variant", "line-height",
  "text-align", "text-decoration", "text-transform", "text-indent", "text-overflow", "letter-spacing",
  "word-spacing", "white-space", "word-break", "word-wrap", "overflow-wrap", "vertical-align", "direction",
  "margin", "margin-top", "margin-right", "margin-bottom", "margin-left",
  "padding", "padding-top", "padding-right", "padding-bottom", "padding-left",
  "border", "border-top", "border-right", "border-bottom", "border-left", "border-color", "border-style",
  "border-width", "border-radius", "border-collapse", "border-spacing",
  "border-top-color", "border-right-color", "border-bottom-color", "border-left-color",
  "border-top-style", "border-right-style", "border-bottom-style", "border-left-style",
  "border-top-width", "border-right-width", "border-bottom-width", "border-left-width",
  "width", "height", "min-width", "max-width", "min-height", "max-height", "box-sizing",
  "display", "float", "clear", "overflow", "overflow-x", "overflow-y", "visibility", "opacity",
  "list-style", "list-style-type", "list-style-position", "table-layout", "caption-side", "empty-cells",
  "position",
]);

/** Only positions that keep an element in the message's flow: fixed/absolute/sticky could cover
 * the page or fake parts of Postern's interface. */
const ALLOWED_POSITIONS = new Set(["static", "relative"]);

/** Constructs that run code, pull in other resources, or hide what they are (escapes). */
const FORBIDDEN_VALUE = /expression\s*\(|javascript:|vbscript:|behavior|-moz-binding|@import|[\\<>]/i;

/** The CSS functions a value may use. Anything else is dropped with its declaration, so a function
 * a browser learns later (one that could load a URL) is refused until it is looked at here. */
const ALLOWED_FUNCTIONS = new Set([
  "rgb", "rgba", "hsl", "hsla", "hwb", "lab", "lch", "oklab", "oklch", "color", "color-mix",
  "calc", "min", "max", "clamp",
  "linear-gradient", "radial-gradient", "conic-gradient",
  "repeating-linear-gradient", "repeating-radial-gradient", "repeating-conic-gradient",
  // The functions that take a URL, which is approved like url()'s (URL_TAKING_FUNCTION).
  "url", "image", "image-set", "cross-fade", "src",
]);

/** Functions whose string arguments are URLs (image("a.png"), image-set("a.png" 1x), src("a.png")),
 * vendor-prefixed ones included. cross-fade() takes images, which may be such strings' functions. */
const URL_TAKING_FUNCTION = /(?:^|[^\w-])(?:-[a-z]+-)?(?:image|image-set|cross-fade|src)\s*\(/i;

const FUNCTION_NAME = /([\w-]+)\s*\(/g;

/** url(...) in its three spellings, or a quoted string (a URL only inside URL_TAKING_FUNCTION). */
const URL_OR_STRING = /url\s*\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"]*))\s*\)|"([^"]*)"|'([^']*)'/gi;

/**
 * Filters a style attribute. `approveUrl` sees every url() target and returns the URL to keep
 * or null to drop the declaration.
 */
export function filterStyle(style: string, approveUrl: (url: string) => string | null): string {
  if (style.length > MAX_STYLE_CHARS) return "";
  const kept: string[] = [];
  for (const declaration of splitDeclarations(style.replace(/\/\*[\s\S]*?(\*\/|$)/g, ""))) {
    const colon = declaration.indexOf(":");
    if (colon < 1) continue;
    const property = declaration.slice(0, colon).trim().toLowerCase();
    const value = filterValue(property, declaration.slice(colon + 1).trim(), approveUrl);
    if (value !== null) kept.push(`${property}: ${value}`);
  }
  return kept.join("; ");
}

function filterValue(property: string, value: string, approveUrl: (url: string) => string | null): string | null {
  if (!ALLOWED_PROPERTIES.has(property) || !value || FORBIDDEN_VALUE.test(value)) return null;
  if (property === "position" && !ALLOWED_POSITIONS.has(value.replace(/\s*!important$/i, "").toLowerCase())) return null;
  for (const [, name] of value.matchAll(FUNCTION_NAME)) {
    if (!ALLOWED_FUNCTIONS.has(name.toLowerCase().replace(/^-(?:webkit|moz|o|ms)-/, ""))) return null;
  }
  const stringsAreUrls = URL_TAKING_FUNCTION.test(value);
  let rejected = false;
  const rewritten = value.replace(URL_OR_STRING, (match, double?: string, single?: string, bare?: string, str2?: string, str1?: string) => {
    const isUrl = double !== undefined || single !== undefined || bare !== undefined;
    if (!isUrl && !stringsAreUrls) return match;
    const approved = approveUrl((double ?? single ?? bare ?? str2 ?? str1 ?? "").trim());
    if (approved === null) rejected = true;
    return isUrl ? `url("${approved ?? ""}")` : `"${approved ?? ""}"`;
  });
  // a url( that the pattern did not match (unbalanced, odd quoting) is not passed through
  if (rejected || /url\s*\(/i.test(rewritten.replace(/url\("[^"]*"\)/g, ""))) return null;
  return rewritten;
}

/** Splits on semicolons outside quotes and parentheses (data: URLs and fonts contain both). */
function splitDeclarations(style: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < style.length; i++) {
    const ch = style[i];
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === "(") depth++;
    else if (ch === ")") depth = Math.max(0, depth - 1);
    else if (ch === ";" && depth === 0) {
      parts.push(style.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(style.slice(start));
  return parts;
}
