import { z } from "zod";
import type { BodyFormat, ComposeContext } from "./compose-types";

/** Header field of Postern's drafts: what Postern needs to continue a draft that other mail
 * programs do not (the field texts as typed, the message answered). Never in sent mail. */
export const DRAFT_INFO_HEADER = "X-Postern-Draft";

const schema = z.object({
  v: z.literal(1),
  kind: z.enum(["new", "reply", "replyAll", "forward"]),
  original: z.object({ folder: z.string().max(1000), uid: z.number().int().positive() }).nullable(),
  to: z.string().max(100_000),
  cc: z.string().max(100_000),
  bcc: z.string().max(100_000),
  /** Whether the body ended with a line break: a single-part message always gets one when it is
   * built, so this is the only way to give the text back exactly as typed. */
  nl: z.boolean().optional(),
  /** Sent with a one-time read link (lib/read-links). */
  rl: z.boolean().optional(),
  /** Days its links last, when not the account's default. */
  rd: z.number().int().min(1).max(365).optional(),
  /** Written as rich text: reopened in the rich-text editor from the HTML part. */
  f: z.literal("html").optional(),
});

export type DraftInfo = {
  context: Pick<ComposeContext, "kind" | "original">;
  to: string;
  cc: string;
  bcc: string;
  endsWithNewline?: boolean;
  readLink?: boolean;
  readLinkDays?: number | null;
  format?: BodyFormat;
};

/** base64url JSON, cut into words so the header folds within RFC 5322's line limit. */
export function encodeDraftInfo(info: DraftInfo): string {
  const { context, to, cc, bcc, endsWithNewline, readLink, readLinkDays, format } = info;
  const json = JSON.stringify({
    v: 1,
    kind: context.kind,
    original: context.original,
    to,
    cc,
    bcc,
    nl: endsWithNewline,
    ...(readLink ? { rl: true } : {}),
    ...(readLinkDays ? { rd: readLinkDays } : {}),
    ...(format === "html" ? { f: "html" } : {}),
  });
  return (Buffer.from(json, "utf8").toString("base64url").match(/.{1,64}/g) ?? []).join(" ");
}

/** The draft info in a header value, or null when it is missing or not Postern's. */
export function decodeDraftInfo(value: string | null | undefined): DraftInfo | null {
  if (!value) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(value.replace(/\s+/g, ""), "base64url").toString("utf8")));
    if (!parsed.success) return null;
    const { kind, original, to, cc, bcc, nl, rl, rd, f } = parsed.data;
    return {
      context: { kind, original },
      to,
      cc,
      bcc,
      endsWithNewline: nl,
      ...(rl ? { readLink: true } : {}),
      ...(rd ? { readLinkDays: rd } : {}),
      ...(f ? { format: f } : {}),
    };
  } catch {
    return null;
  }
}

/** The body of a Postern draft as it was typed (see `nl`). */
export function restoreBody(text: string, info: DraftInfo | null): string {
  if (info?.endsWithNewline === false) return text.replace(/\n$/, "");
  if (info?.endsWithNewline && !text.endsWith("\n")) return `${text}\n`;
  return text;
}
