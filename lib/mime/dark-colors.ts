import type { ChildNode, Element } from "domhandler";
import { DomUtils, parseDocument } from "htmlparser2";
import { contrast, fromHsl, luminance, parseColor, toHex, toHsl, type Rgb } from "./css-color";

// Mail bodies in dark mode (issue 21): not a white rectangle and not a blunt inversion. Every
// colour the sender set on an element is given a dark-mode value through a CSS variable whose
// fallback is the sender's own value, so the same document is unchanged in light mode:
//   style="color:#333"  ->  style="color:#333;color:var(--pd1,#333)"   with   --pd1: #c9c9c9
// Light backgrounds become dark ones of the same hue; text is made light enough for a contrast of
// at least 4.5:1 on the background it is shown on (the nearest one set, or the frame's own).
// Images, and colours this module cannot read (gradients, var(), transparency), stay as they are.
// Runs on sanitized HTML only (sanitize-html.ts): it adds declarations, never markup.

export const DARK_BODY = { background: "#1c2127", text: "#e3e7ec", link: "#8ab4f8" };
const MIN_CONTRAST = 4.5;
/** Backgrounds at or below this luminance are dark enough to keep: even white text on the
 * lightest of them has a contrast above 5:1. */
const DARK_ENOUGH = 0.15;

export type DarkColors = { html: string; variables: string[] };

/** A light background's dark counterpart: same hue, less saturation, lightness mirrored into the
 * dark range (white becomes the frame's own dark background). */
export function darkBackground(c: Rgb): Rgb {
  if (luminance(c) <= DARK_ENOUGH) return c;
  const { h, s, l } = toHsl(c);
  let dark = fromHsl({ h, s: s * 0.6, l: 0.13 + (1 - l) * 0.2 });
  // a saturated light colour can stay too bright at that lightness: darken until it is not
  for (let step = 0; luminance(dark) > DARK_ENOUGH && step < 20; step++) dark = fromHsl({ ...toHsl(dark), l: toHsl(dark).l * 0.85 });
  return l >= 0.97 && s < 0.1 ? (parseColor(DARK_BODY.background) as Rgb) : dark;
}

/** `fg` as it may stay on `bg`, or the same hue made light enough to read on it. */
export function readableOn(fg: Rgb, bg: Rgb): Rgb {
  if (contrast(fg, bg) >= MIN_CONTRAST) return fg;
  const hsl = toHsl(fg);
  let l = luminance(bg) < 0.5 ? Math.max(hsl.l, 1 - hsl.l) : Math.min(hsl.l, 1 - hsl.l);
  const towards = luminance(bg) < 0.5 ? 1 : 0;
  for (let step = 0; step < 40; step++) {
    const c = fromHsl({ ...hsl, l });
    if (contrast(c, bg) >= MIN_CONTRAST) return c;
    l += (towards - l) * 0.15 + (towards ? 0.01 : -0.01);
    l = Math.max(0, Math.min(1, l));
  }
  return towards ? { r: 255, g: 255, b: 255 } : { r: 0, g: 0, b: 0 };
}

type Declaration = { property: string; value: string; important: boolean };

/** Splits an inline style into declarations (no ";" inside brackets or quotes). */
function declarations(style: string): Declaration[] {
  const out: Declaration[] = [];
  let depth = 0;
  let quote = "";
  let start = 0;
  const push = (end: number) => {
    const text = style.slice(start, end);
    const colon = text.indexOf(":");
    if (colon > 0) {
      const raw = text.slice(colon + 1).trim();
      const important = /!\s*important\s*$/i.test(raw);
      out.push({ property: text.slice(0, colon).trim().toLowerCase(), value: raw.replace(/!\s*important\s*$/i, "").trim(), important });
    }
    start = end + 1;
  };
  for (let i = 0; i < style.length; i++) {
    const ch = style[i];
    if (quote) quote = ch === quote ? "" : quote;
    else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === "(") depth++;
    else if (ch === ")") depth = Math.max(0, depth - 1);
    else if (ch === ";" && depth === 0) push(i);
  }
  push(style.length);
  return out;
}

/** The colour token of a `background` shorthand ("url(x) no-repeat #fff" -> "#fff"). */
function shorthandColor(value: string): string | null {
  const tokens = value.match(/(?:rgba?|hsla?)\([^)]*\)|#[0-9a-f]{3,8}\b|[a-z]+/gi) ?? [];
  return tokens.find((t) => parseColor(t) !== null) ?? null;
}

type ColorsSet = { background: { written: string; rgb: Rgb; important: boolean } | null; color: { written: string; rgb: Rgb; important: boolean } | null };

function colorsSetOn(el: Element): ColorsSet {
  const found: ColorsSet = { background: null, color: null };
  const fromAttr = (name: string) => {
    const v = el.attribs[name];
    const rgb = v ? parseColor(v) : null;
    return v && rgb ? { written: v.trim(), rgb, important: false } : null;
  };
  found.background = fromAttr("bgcolor");
  if (el.name === "font") found.color = fromAttr("color");
  for (const d of declarations(el.attribs.style ?? "")) {
    if (d.property === "color") {
      const rgb = parseColor(d.value);
      found.color = rgb ? { written: d.value, rgb, important: d.important } : null;
    } else if (d.property === "background-color" || d.property === "background") {
      // an image or a gradient: what shows is not a colour this module can judge, so it is left
      if (/url\(|gradient/i.test(d.value)) {
        found.background = null;
        continue;
      }
      const written = d.property === "background" ? shorthandColor(d.value) : d.value;
      const rgb = written ? parseColor(written) : null;
      found.background = written && rgb ? { written, rgb, important: d.important } : found.background;
    }
  }
  return found;
}

/** Gives dark-mode values to the colours set in sanitized HTML (see the comment at the top). */
export function adaptColorsForDark(safeHtml: string): DarkColors {
  const doc = parseDocument(safeHtml);
  const variables: string[] = [];
  const frameBg = parseColor(DARK_BODY.background) as Rgb;
  const frameText = parseColor(DARK_BODY.text) as Rgb;
  const link = parseColor(DARK_BODY.link) as Rgb;

  const assign = (el: Element, property: string, dark: Rgb, lightValue: string, important: boolean) => {
    const name = `--pd${variables.length + 1}`;
    variables.push(`${name}:${toHex(dark)}`);
    const style = (el.attribs.style ?? "").trim().replace(/;?$/, ";");
    el.attribs.style = `${style === ";" ? "" : style}${property}:var(${name},${lightValue})${important ? " !important" : ""}`;
  };

  const walk = (nodes: ChildNode[], bg: Rgb, fg: Rgb) => {
    for (const node of nodes) {
      if (node.type !== "tag") continue;
      const el = node as Element;
      const set = colorsSetOn(el);
      let ownBg = bg;
      if (set.background) {
        ownBg = darkBackground(set.background.rgb);
        if (toHex(ownBg) !== toHex(set.background.rgb)) assign(el, "background-color", ownBg, set.background.written, set.background.important);
      }
      let ownFg = fg;
      if (set.color) {
        ownFg = readableOn(set.color.rgb, ownBg);
        if (toHex(ownFg) !== toHex(set.color.rgb)) assign(el, "color", ownFg, set.color.written, set.color.important);
      } else if (el.name === "a") {
        ownFg = readableOn(link, ownBg);
        if (toHex(ownFg) !== DARK_BODY.link) assign(el, "color", ownFg, "revert", false);
      } else if (set.background && contrast(fg, ownBg) < MIN_CONTRAST) {
        ownFg = readableOn(fg, ownBg);
        assign(el, "color", ownFg, "inherit", false);
      }
      walk(el.children, ownBg, ownFg);
    }
  };
  walk(doc.children, frameBg, frameText);
  return { html: variables.length ? DomUtils.getOuterHTML(doc.children, { encodeEntities: "utf8" }) : safeHtml, variables };
}
