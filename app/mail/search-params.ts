import { z } from "zod";
import { ACCOUNT_PARAM, requestedAccount } from "@/lib/accounts/account-param";
import { listQueryParams, listQuerySchema } from "@/lib/imap/list-query";

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

/** The mail page's URL read once, by the page and by the reading pane's action alike: what it
 * shows, the list's query, the added account (issue 22), and the list state every link keeps. */
export function readMailUrl(raw: Record<string, string | string[] | undefined>) {
  const params = mailParamsSchema.parse(raw);
  const query = listQuerySchema.parse(raw);
  const account = requestedAccount(raw[ACCOUNT_PARAM]);
  const listParams: Record<string, string> = { ...listQueryParams(query), ...(account ? { [ACCOUNT_PARAM]: account } : {}) };
  return { params, query, account, listParams };
}
