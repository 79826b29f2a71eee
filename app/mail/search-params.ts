import { z } from "zod";

/** The mail page's URL state: which folder, which page of it, which message, images allowed. */
export const mailParamsSchema = z.object({
  folder: z.string().min(1).max(1000).catch("INBOX"),
  page: z.coerce.number().int().min(1).max(10_000_000).catch(1),
  uid: z.coerce.number().int().positive().max(4294967295).optional().catch(undefined),
  images: z.literal("1").optional().catch(undefined),
  /** "show original colours": the sender's colours in dark mode too */
  colors: z.literal("original").optional().catch(undefined),
});

export type MailParams = z.infer<typeof mailParamsSchema>;
