import { z } from "zod";
import { checkSender } from "@/lib/mime/detect-phishing";
import type { Address } from "@/lib/mime/types";
import { defineSetting, getSettings } from "@/lib/settings/account-settings";

/** Show the plain-text alternative of multipart/alternative mail when there is one (issue 8). */
export const preferPlainText = defineSetting("reading.preferPlainText", z.boolean(), false);

/** Senders (lower-case addresses) whose remote images the reader chose to always load. */
export const trustedImageSenders = defineSetting("reading.trustedImageSenders", z.array(z.string().min(3).max(320)).max(2000), []);

/** Load remote images (once allowed) through Postern, so senders never see the reader's IP
 * address or browser; on unless the reader turns it off. */
export const useImageProxy = defineSetting("reading.imageProxy", z.boolean(), true);

export type ReadingPreferences = { preferPlainText: boolean; trustedImageSenders: string[]; useImageProxy: boolean };

export async function getReadingPreferences(account: string): Promise<ReadingPreferences> {
  const [plain, trusted, proxy] = await getSettings(account, [preferPlainText, trustedImageSenders, useImageProxy] as const);
  return { preferPlainText: plain, trustedImageSenders: trusted, useImageProxy: proxy };
}

/**
 * The sender of a message whose remote images load without asking: one From address, on the
 * reader's list, and not one that pretends to be another domain (a forged From would otherwise
 * borrow the trust of the real sender to learn when and where the mail was read).
 */
export function trustedImageSender(from: Address[], trusted: readonly string[]): string | null {
  if (from.length !== 1 || !from[0].address) return null;
  const address = from[0].address.toLowerCase();
  if (!trusted.includes(address) || checkSender(from[0])) return null;
  return address;
}
