import { z } from "zod";

const GROUP = /^[A-Za-z0-9+_-]+(?:\.[A-Za-z0-9+_-]+)*$/;
const number = z.coerce.number().int().positive().max(2 ** 53 - 1).optional().catch(undefined);

/** The news page's query; anything invalid is dropped, not an error page. */
export const newsParamsSchema = z.object({
  group: z.string().max(200).regex(GROUP).optional().catch(undefined),
  n: number,
  before: number,
  browse: z.literal("1").optional().catch(undefined),
  q: z.string().max(100).optional().catch(undefined),
  images: z.literal("1").optional().catch(undefined),
});

export const groupName = z.string().max(200).regex(GROUP);

/** An article's number in its group (RFC 3977 allows up to 2^63-1; beyond 2^53 is unsafe here). */
export const articleNumber = z.coerce.number().int().positive().max(2 ** 53 - 1);
