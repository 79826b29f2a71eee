import type { Address } from "@/lib/mime/types";
import { plainTextToHtml } from "@/lib/compose/plain-to-html";
import type { Identity } from "./identity-types";

/** The identity a reply is sent as: the one the original was addressed to (To or Cc), else the
 * default. `identities` has the default first (listIdentities). */
export function pickIdentity(identities: Identity[], addressedTo: Address[]): Identity {
  const to = new Set(addressedTo.map((a) => a.address.trim().toLowerCase()));
  return identities.find((i) => to.has(i.address.toLowerCase())) ?? identities.find((i) => i.isDefault) ?? identities[0];
}

/** The signature as it goes into a body, after the usual "-- " separator line (RFC 3676 4.3). */
export function signatureBlock(signature: string): string {
  const text = signature.replace(/\r\n?/g, "\n").trim();
  return text ? `-- \n${text}` : "";
}

/** A new body with the signature in place: after the text of a new message, above the quote of
 * a reply or forward (where the user writes). */
export function withSignature(body: string, signature: string): string {
  const block = signatureBlock(signature);
  if (!block) return body;
  return body.startsWith("\n\n") ? `\n\n${block}${body}` : `${body}\n\n${block}\n`;
}

/** Switching identity in the composer: the old signature is replaced by the new one where it
 * is; when the old one is not found (edited away), the body is left alone. */
export function swapSignature(body: string, from: string, to: string): string {
  const oldBlock = signatureBlock(from);
  const newBlock = signatureBlock(to);
  if (oldBlock && body.includes(oldBlock)) return newBlock ? body.replace(oldBlock, newBlock) : body.replace(`\n\n${oldBlock}`, "").replace(oldBlock, "");
  if (!oldBlock && newBlock) return withSignature(body, to);
  return body;
}

/** swapSignature for a rich-text body, where the signature is a paragraph of its own (as
 * plainTextToHtml writes it). */
export function swapHtmlSignature(html: string, from: string, to: string): string {
  const block = (signature: string) => (signatureBlock(signature) ? plainTextToHtml(signatureBlock(signature)) : "");
  const oldBlock = block(from);
  const newBlock = block(to);
  if (oldBlock && html.includes(oldBlock)) return html.replace(oldBlock, newBlock);
  if (!oldBlock && newBlock) return html.startsWith("<p></p>") ? `<p></p>${newBlock}${html.slice(7)}` : `${html}${newBlock}`;
  return html;
}
