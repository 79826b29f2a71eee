// Marks suspicious links while sanitize-html writes them. A link's words are known only when it
// closes, after its start tag is already written, so each start tag gets a placeholder attribute
// with a per-call random token; once sanitizing is done the placeholders become the marks. This
// replaces Postern's own unguessable tokens in the serialized output; nothing is parsed again.
import { escapeHtml } from "./escape-html";
import crypto from "node:crypto";
import { checkLink, type LinkWarning } from "@/lib/mime/detect-phishing";

export const LINK_PLACEHOLDER = "data-postern-link";
export const SUSPICIOUS = "data-postern-suspicious";
export const REAL_TARGET = "data-postern-target";

export type LinkMarker = {
  /** For an `a` start tag whose href the sanitizer kept: adds the placeholder. */
  open(attribs: Record<string, string>): void;
  /** For an `a` closing with its attributes and inner text: checks the link. */
  close(attribs: Record<string, string>, text: string): void;
  /** Turns the placeholders in the sanitized HTML into marks; returns the warnings in order. */
  finish(html: string): { html: string; warnings: LinkWarning[] };
};

export function createLinkMarker(): LinkMarker {
  const token = crypto.randomBytes(12).toString("hex");
  const hrefs: string[] = [];
  const warnings = new Map<number, LinkWarning>();
  return {
    open(attribs) {
      delete attribs[LINK_PLACEHOLDER];
      if (attribs.href === undefined) return;
      attribs[LINK_PLACEHOLDER] = `${token}-${hrefs.length}`;
      hrefs.push(attribs.href);
    },
    close(attribs, text) {
      const match = new RegExp(`^${token}-(\\d+)$`).exec(attribs[LINK_PLACEHOLDER] ?? "");
      if (!match) return;
      const index = Number(match[1]);
      const warning = checkLink(hrefs[index], text);
      if (warning) warnings.set(index, warning);
    },
    finish(html) {
      const marked = html.replace(new RegExp(` ${LINK_PLACEHOLDER}="${token}-(\\d+)"`, "g"), (_m, i: string) => {
        const warning = warnings.get(Number(i));
        return warning ? markAttributes(warning) : "";
      });
      return { html: marked, warnings: [...warnings.values()] };
    },
  };
}

/** The frame has no scripts: the real target is shown by its stylesheet (on hover and focus) and
 * by the title tooltip. */
function markAttributes(w: LinkWarning): string {
  const title = `Suspicious link: it really goes to ${w.target}`;
  return ` ${SUSPICIOUS}="${escapeHtml(w.reasons.join(" "))}" ${REAL_TARGET}="${escapeHtml(w.target)}" title="${escapeHtml(title)}"`;
}
