import { z } from "zod";

/** "Create filter from this message": what the open message's link puts in the URL. */
export const prefillSchema = z.object({
  from: z.string().trim().max(320).optional().catch(undefined),
  subject: z.string().trim().max(300).optional().catch(undefined),
});

export type Prefill = z.infer<typeof prefillSchema>;

export function prefillUrl(p: Prefill): string {
  const q = new URLSearchParams();
  if (p.from) q.set("from", p.from);
  if (p.subject) q.set("subject", p.subject);
  return `/mail/filters?${q}`;
}
