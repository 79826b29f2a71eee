import { z } from "zod";
import type { ComposeContext } from "./compose-types";

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
});

export type DraftInfo = { context: Pick<ComposeContext, "kind" | "original">; to: string; cc: string; bcc: string };

/** base64url JSON, cut into words so the header folds within RFC 5322's line limit. */
export function encodeDraftInfo(info: DraftInfo): string {
  const json = JSON.stringify({ v: 1, kind: info.context.kind, original: info.context.original, to: info.to, cc: info.cc, bcc: info.bcc });
  return (Buffer.from(json, "utf8").toString("base64url").match(/.{1,64}/g) ?? []).join(" ");
}

/** The draft info in a header value, or null when it is missing or not Postern's. */
export function decodeDraftInfo(value: string | null | undefined): DraftInfo | null {
  if (!value) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(value.replace(/\s+/g, ""), "base64url").toString("utf8")));
    if (!parsed.success) return null;
    const { kind, original, to, cc, bcc } = parsed.data;
    return { context: { kind, original }, to, cc, bcc };
  } catch {
    return null;
  }
}
